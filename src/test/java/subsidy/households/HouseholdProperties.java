package subsidy.households;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVRecord;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;
import subsidy.entity.ResidentId;

/**
 * Invariants of a household run under the tests' household policy (800 a 低保/五保/优抚 household,
 * 1500 a vocational student of a 低保 one): no row lost (each in report.csv or rejected.csv, at its
 * line), every amount the hand model's, never negative, the summary the column sums, and a rerun
 * byte-identical.
 */
class HouseholdProperties {
    /** One generated row: its cells and whether (and why) it must be rejected. */
    record Row(String household, String head, boolean dibao, boolean wubao, boolean youfu, int students,
            int defect) {
        static final int NONE = 0;
        static final int BAD_CHECK = 1;
        static final int BAD_COUNT = 2;
        static final int SAME_HOUSEHOLD = 3;
        static final int SAME_HEAD = 4;

        String line(String household, String head) {
            String count = defect == BAD_COUNT ? "-1" : Integer.toString(students);
            return household + "," + head + ",户主,530102,农村," + (dibao ? "是" : "否") + "," + (wubao ? "是" : "否")
                    + "," + (youfu ? "是" : "否") + "," + count;
        }
    }

    @Provide
    Arbitrary<List<Row>> lists() {
        Arbitrary<Row> row = Combinators.combine(Arbitraries.integers().between(0, 999_999),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 4),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(12, Row.NONE), net.jqwik.api.Tuple.of(1, Row.BAD_CHECK),
                        net.jqwik.api.Tuple.of(1, Row.BAD_COUNT), net.jqwik.api.Tuple.of(1, Row.SAME_HOUSEHOLD),
                        net.jqwik.api.Tuple.of(1, Row.SAME_HEAD)))
                .as((n, a, b, c, s, d) -> new Row("H" + n, seq(n), a == 1, b == 1, c == 1, s, d));
        return row.list().ofMaxSize(40);
    }

    private static String seq(int n) {
        String first = "530102" + (19400101 + (n % 28)) + String.format("%03d", n % 1000);
        return first + ResidentId.checkCharacter(first);
    }

    @Property(tries = 25)
    void everyRowIsReportedOrRejectedAndEveryAmountIsTheHandModels(@ForAll("lists") List<Row> rows)
            throws IOException {
        Path dir = Files.createTempDirectory("hh");
        // The rows as written: a duplicate takes an earlier row's household or head, when there is one.
        List<String> lines = new ArrayList<>();
        List<String> expectedIds = new ArrayList<>();
        List<Long> expectedRejected = new ArrayList<>();
        List<BigDecimal> expectedTotals = new ArrayList<>();
        Set<String> households = new HashSet<>();
        Set<String> heads = new HashSet<>();
        List<String> earlierIds = new ArrayList<>();
        List<String> earlierHeads = new ArrayList<>();
        for (Row r : rows) {
            String household = r.household();
            String head = r.head();
            if (r.defect() == Row.SAME_HOUSEHOLD && !earlierIds.isEmpty()) {
                household = earlierIds.get(0);
            } else if (r.defect() == Row.SAME_HEAD && !earlierHeads.isEmpty()) {
                head = earlierHeads.get(0);
            } else if (r.defect() == Row.BAD_CHECK) {
                head = head.substring(0, 17) + (head.charAt(17) == '0' ? '1' : '0');
            }
            lines.add(r.line(household, head));
            earlierIds.add(household);
            earlierHeads.add(head);
            // As the reader keys a row: its household id (always valid here), and its head when valid,
            // whatever else is wrong with the row.
            boolean validHead = ResidentId.valid(head);
            boolean validCells = validHead && r.defect() != Row.BAD_COUNT;
            boolean newHousehold = households.add(household);
            boolean newHead = validHead && heads.add(head);
            if (validCells && newHousehold && newHead) {
                expectedIds.add(household);
                BigDecimal total = BigDecimal.ZERO;
                if (r.dibao() || r.wubao() || r.youfu()) {
                    total = total.add(new BigDecimal(800));
                }
                if (r.dibao()) {
                    total = total.add(new BigDecimal(1500L * r.students()));
                }
                expectedTotals.add(total.setScale(2));
            } else {
                expectedRejected.add((long) lines.size() + 1);
            }
        }
        Path in = dir.resolve("households.csv");
        Files.writeString(in, HouseholdListTest.HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Result r = run(in, dir.resolve("out"));
        assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
        List<CSVRecord> report = CommandLineRun.rows(dir.resolve("out/report.csv"));
        List<CSVRecord> rejected = CommandLineRun.rows(dir.resolve("out/rejected.csv"));
        assertEquals(lines.size(), report.size() + rejected.size(), "no row lost\n" + String.join("\n", lines));
        assertEquals(expectedIds, report.stream().map(x -> x.get("household_id")).toList());
        assertEquals(expectedRejected, rejected.stream().map(x -> Long.parseLong(x.get("line"))).toList());
        assertEquals(expectedTotals, report.stream().map(x -> new BigDecimal(x.get("total"))).toList());
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (CSVRecord x : report) {
            for (String c : List.of("festival_relief", "vocational_grant", "total")) {
                assertTrue(new BigDecimal(x.get(c)).signum() >= 0, "never negative");
            }
            sum = sum.add(new BigDecimal(x.get("total")));
        }
        CSVRecord total = CommandLineRun.rows(dir.resolve("out/summary.csv")).stream()
                .filter(x -> x.get("program").equals("total")).findFirst().orElseThrow();
        assertEquals(sum, new BigDecimal(total.get("amount")), "the summary's total is the column's sum");
        byte[] first = Files.readAllBytes(dir.resolve("out/report.csv"));
        Result again = run(in, dir.resolve("again"));
        assertEquals(r.exit(), again.exit());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("again/report.csv")), "a rerun is byte-identical");
        assertArrayEquals(Files.readAllBytes(dir.resolve("out/rejected.csv")),
                Files.readAllBytes(dir.resolve("again/rejected.csv")));
    }

    private static Result run(Path in, Path out) {
        return CommandLineRun.run("calc", "--policy", HouseholdListTest.POLICY.toString(), "--input", in.toString(),
                "--as-of", "2022-01-31", "--out", out.toString());
    }
}
