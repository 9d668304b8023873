package subsidy.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.DefaultPolicy;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.SeenIds;
import subsidy.money.Money;

/**
 * The one rule that turns a row into an entity's result: the order its steps are asked in, and the
 * same outcome whether the rule runs on one thread ({@link Acceptance#read}, explain and
 * {@code subsidy test}) or split over a batch's workers ({@link Batch}, calc and verify).
 */
class AcceptanceTest {
    private static final String HEADER = "entity_id,name,entity_type,region_code,industry_code,size_class,employees\n";
    private static final String A = "91440300708461136T";
    private static final String B = "91310000775785552L";

    private static List<String> read(InputFile... inputs) throws Exception {
        List<String> out = new ArrayList<>();
        Acceptance acceptance = new Acceptance(new Calculator(DefaultPolicy.POLICY));
        SeenIds seen = new SeenIds();
        for (InputFile input : inputs) {
            acceptance.read(input, seen, lines(out));
        }
        return out;
    }

    private static List<String> batch(int workers, InputFile... inputs) throws Exception {
        List<String> out = new ArrayList<>();
        Totals totals = new Batch(new Calculator(DefaultPolicy.POLICY), workers).run(List.of(inputs),
                new ResultSink<String>() {
                    @Override
                    public String render(EntityResult r) {
                        return line(r);
                    }

                    @Override
                    public void computed(EntityResult r, String rendered) {
                        assertEquals(line(r), rendered);
                        out.add(rendered);
                    }

                    @Override
                    public void rejected(Rejection r) {
                        out.add(line(r));
                    }
                });
        assertEquals(out.size(), totals.read());
        return out;
    }

    private static String line(EntityResult r) {
        return r.file() + ":" + r.line() + " " + r.entity().entityId() + " " + (r.size().size() == null ? "unsized" : r.size().size().code()) + " "
                + Money.format(r.total());
    }

    private static String line(Rejection r) {
        return r.file() + ":" + r.line() + " " + r.entityId() + " " + r.codes() + " " + r.reasons();
    }

    private static InputFile csv(String name, String rows) {
        return InputFile.inMemory(Path.of(name), (HEADER + rows).getBytes(StandardCharsets.UTF_8),
                DefaultPolicy.POLICY.schema());
    }

    @Test
    void aDuplicateIsToldFirstThenTheRowsOwnReasonsThenItsSize() throws Exception {
        InputFile in = csv("a.csv", ""
                + A + ",甲,enterprise,530102,C13,,\n"          // 2: an enterprise that cannot be sized
                + A + ",甲,enterprise,530102,C13,,\n"          // 3: its duplicate: a duplicate, not unsizable
                + B + ",乙,enterprise,530102,M74,micro,5\n"    // 4: computed
                + B + ",乙,partnership,530102,M74,micro,5\n"   // 5: a duplicate with a reason of its own
                + B + ",乙,enterprise,530102,M74,micro,5\n");  // 6: a duplicate computed, then dropped
        List<String> expected = List.of(
                "a.csv:2 " + A + " [size_not_derivable] [size_class: blank, and employees/revenue/total_assets are"
                        + " not enough to derive it for industry C13 (工信部联企业〔2011〕300号)]",
                "a.csv:3 " + A + " [duplicate_entity_id] [entity_id " + A
                        + " appears on an earlier row; only the first is computed]",
                "a.csv:4 " + B + " micro 0.00",
                "a.csv:5 " + B + " [unknown_entity_type, duplicate_entity_id] [entity_type: \"partnership\" is not"
                        + " enterprise, individual_business or nonprofit, entity_id " + B
                        + " appears on an earlier row; only the first is computed]",
                "a.csv:6 " + B + " [duplicate_entity_id] [entity_id " + B
                        + " appears on an earlier row; only the first is computed]");
        assertEquals(expected, read(in));
        assertEquals(expected, batch(1, in));
        assertEquals(expected, batch(3, in));
    }

    @Test
    void aDuplicateAcrossInputsIsRejectedInTheSecond() throws Exception {
        InputFile first = csv("a.csv", B + ",乙,enterprise,530102,M74,micro,5\n");
        InputFile second = csv("b.csv", B + ",乙,enterprise,530102,M74,small,50\n");
        List<String> expected = List.of("a.csv:2 " + B + " micro 0.00", "b.csv:2 " + B
                + " [duplicate_entity_id] [entity_id " + B + " appears on an earlier row; only the first is computed]");
        assertEquals(expected, read(first, second));
        assertEquals(expected, batch(2, first, second));
    }

    /** The shipped samples: the one-thread reading and the batch at any worker count agree row for row. */
    @Test
    void theSamplesComeOutTheSameOnOneThreadAndInABatch() throws Exception {
        for (String sample : List.of("samples/firms.csv", "samples/messy.csv")) {
            InputFile in = new InputFile(Path.of(sample), null, DefaultPolicy.POLICY.schema());
            List<String> serial = read(in);
            assertEquals(serial, batch(1, in), sample);
            assertEquals(serial, batch(4, in), sample);
        }
        List<String> messy = read(new InputFile(Path.of("samples/messy.csv"), null, DefaultPolicy.POLICY.schema()));
        assertEquals(18, messy.stream().filter(s -> s.contains("[")).count(), messy::toString);
    }

    /**
     * With a ledger a worker takes eight chunks at once, so that one look-up asks for a few hundred
     * entities: every row still comes out in its place, decided as on one thread (duplicates across the
     * groups included), and each look-up asks for the entities of one group.
     */
    @Test
    void withALedgerAWorkerTakesEightChunksAndEveryRowComesOutInItsPlace() throws Exception {
        StringBuilder rows = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String id = i % 997 == 996 ? ids.get(random.nextInt(ids.size())) // now and then a duplicate, far back
                    : code(random);
            ids.add(id);
            rows.append(id).append(",乙").append(i).append(",enterprise,530102,M74,micro,5\n");
        }
        InputFile in = csv("big.csv", rows.toString());
        List<String> serial = read(in);
        List<Integer> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        PriorSource counting = entities -> {
            asked.add(entities.size());
            return java.util.Map.of();
        };
        Calculator withLedger = new Calculator(DefaultPolicy.POLICY).withLedger(new Limits("2022-06",
                DefaultPolicy.POLICY.id(), java.util.Map.of()));
        for (int workers : new int[] {1, 3}) {
            List<String> out = new ArrayList<>();
            new Batch(withLedger, workers, counting).run(List.of(in), new ResultSink<String>() {
                @Override
                public String render(EntityResult r) {
                    return line(r);
                }

                @Override
                public void computed(EntityResult r, String rendered) {
                    out.add(rendered);
                }

                @Override
                public void rejected(Rejection r) {
                    out.add(line(r));
                }
            });
            assertEquals(serial, out, "workers " + workers);
        }
        assertEquals(3, serial.stream().filter(s -> s.contains("duplicate_entity_id")).count());
        int chunks = (int) Math.ceil(rows.length() * 1.0 / (8 * 1024)); // about: rows are ASCII but the names
        org.junit.jupiter.api.Assertions.assertTrue(asked.size() <= 2 * (chunks / 8 + 1), asked::toString);
        org.junit.jupiter.api.Assertions.assertTrue(asked.stream().mapToInt(Integer::intValue).max().orElse(0) > 300,
                asked::toString);
        assertEquals(2 * 3000, asked.stream().mapToInt(Integer::intValue).sum(), "every row's entity, once per run");
    }

    /** A random credit code with its check character. */
    private static String code(java.util.Random random) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder sb = new StringBuilder("91530102");
        while (sb.length() < 17) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.append(subsidy.entity.CreditCode.checkCharacter(sb)).toString();
    }

    /** What explain reads: one entity's rows, each decided as in the whole run, the others left uncomputed. */
    @Test
    void readingOneEntityPassesOnlyItsRowsDecidedAsInTheWholeRun() throws Exception {
        InputFile in = csv("a.csv", ""
                + B + ",乙,enterprise,530102,M74,micro,5\n"
                + A + ",甲,enterprise,530102,C13,,\n"
                + B + ",乙,enterprise,530102,M74,micro,5\n"
                + A + ",甲,enterprise,530102,C13,,\n");
        List<String> out = new ArrayList<>();
        new Acceptance(new Calculator(DefaultPolicy.POLICY)).read(in, new SeenIds(), B, lines(out));
        List<String> all = read(in);
        assertEquals(List.of(all.get(0), all.get(2)), out);
        assertEquals("a.csv:4 " + B + " [duplicate_entity_id] [entity_id " + B
                + " appears on an earlier row; only the first is computed]", out.get(1));
    }

    @Test
    void readSaysHowManyRowsItReadAndAccepted() throws Exception {
        InputFile in = csv("a.csv", A + ",甲,enterprise,530102,C13,,\n" + B + ",乙,enterprise,530102,M74,micro,5\n");
        var stats = new Acceptance(new Calculator(DefaultPolicy.POLICY)).read(in, new SeenIds(),
                new Acceptance.Outcome() {
                    @Override
                    public void computed(EntityResult result) {
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                    }
                });
        assertEquals(2, stats.rowsRead());
        assertEquals(1, stats.rowsAccepted());
        assertEquals(1, stats.rowsRejected());
    }

    /** Each outcome as one line of {@code out}, computed or rejected, in the order given. */
    private static Acceptance.Outcome lines(List<String> out) {
        return new Acceptance.Outcome() {
            @Override
            public void computed(EntityResult r) {
                out.add(line(r));
            }

            @Override
            public void rejected(Rejection r) {
                out.add(line(r));
            }
        };
    }
}
