package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Changes to a ledger as steps (calc batches, replaces, voids, imports), run against a real ledger and
 * against a plain model of what should count; after each step the ledger's two answers to "what has
 * each entity used up" are compared: {@code entity_state} through a {@link StateReader} (the cache a
 * run reads) and {@link History#priorAt} at the ledger's state (the reference), and both with the model.
 */
final class LedgerScript {
    /** The entities every step pays from, and every check asks about (one never paid, E9). */
    static final List<String> ENTITIES = List.of("E0", "E1", "E2", "E3", "E4", "E9");
    /** Programs: the first three count against a limit (in a calc batch), the last does not. */
    static final List<String> PROGRAMS = List.of("once", "cap", "months", "plain");
    static final List<String> PERIODS = List.of("2022-03", "2022-04", "2022-05");

    static boolean countedProgram(String program) {
        return !program.equals("plain");
    }

    /** One change asked of the ledger. */
    sealed interface Step permits Calc, Replace, VoidEntry, VoidBatch, Import {
    }

    /** A calc batch: what it pays each entity, in row order; {@code key} stands for its inputs. */
    record Calc(String period, String key, Map<String, List<LedgerRun.Item>> paid) implements Step {
    }

    /** A calc batch replacing the {@code target}-th batch (modulo), in its period: refused unless it is a counted calc. */
    record Replace(int target, String key, Map<String, List<LedgerRun.Item>> paid) implements Step {
    }

    /** Voids what the {@code target}-th batch (modulo) paid an entity, for one program or (null) all. */
    record VoidEntry(int target, String entity, String program) implements Step {
    }

    /** Voids the {@code target}-th batch (modulo), counted or not. */
    record VoidBatch(int target) implements Step {
    }

    /** Payments made before the ledger; {@code key} stands for the imported file's content. */
    record Import(String key, List<Corrections.Paid> rows) implements Step {
    }

    /** The model: every batch and every void, from which what counts follows. */
    private static final class Model {
        record Batch(long id, String kind, String period, String key, Map<String, List<Entry>> counted) {
        }

        final Map<Long, Batch> batches = new TreeMap<>();
        final Map<Long, String> states = new TreeMap<>();
        final Set<List<Object>> voids = new HashSet<>(); // (batch, entity, program or "")

        Map<String, Prior> expected() {
            Map<String, List<Entry>> out = new LinkedHashMap<>();
            for (Batch b : batches.values()) {
                if (!"counted".equals(states.get(b.id()))) {
                    continue;
                }
                b.counted().forEach((entity, entries) -> {
                    for (Entry e : entries) {
                        if (!voids.contains(List.of(b.id(), entity, "")) && !voids.contains(List.of(b.id(), entity,
                                e.program()))) {
                            out.computeIfAbsent(entity, k -> new ArrayList<>()).add(e);
                        }
                    }
                });
            }
            Map<String, Prior> m = new TreeMap<>();
            out.forEach((k, v) -> m.put(k, new Prior(v)));
            return m;
        }

        List<Batch> counted(String kind) {
            return batches.values().stream().filter(b -> "counted".equals(states.get(b.id())))
                    .filter(b -> kind == null || kind.equals(b.kind())).toList();
        }
    }

    private final Ledger ledger;
    private final Corrections corrections;
    private final Model model = new Model();
    /** What the model knows each batch paid, all items (for voids: "paid nothing" is refused). */
    private final Map<Long, Map<String, List<LedgerRun.Item>>> allPaid = new TreeMap<>();
    private final List<String> log = new ArrayList<>();

    LedgerScript(Ledger ledger) {
        this.ledger = ledger;
        this.corrections = new Corrections(ledger);
    }

    /** What was done so far, one line a step: for a failure's message. */
    String log() {
        return String.join("\n", log);
    }

    /** Runs the steps, checking after each; {@code where} is said in a failure. */
    void run(List<Step> steps) throws LedgerException {
        check("at the start");
        for (Step s : steps) {
            long before = ledger.state();
            String outcome;
            try {
                outcome = apply(s, before);
            } catch (LedgerException e) {
                assertTrue(e.usage(), "only a usage refusal is expected, got " + e.kind() + ": " + e.getMessage()
                        + "\nafter\n" + log());
                assertEquals(before, ledger.state(), "a refused step changes nothing: " + s + "\nafter\n" + log());
                outcome = "refused " + e.kind();
            }
            log.add(s + " -> " + outcome);
            check("after\n" + log());
        }
    }

    private String apply(Step s, long before) throws LedgerException {
        if (s instanceof Calc c) {
            // One policy throughout, as the model's "same inputs" (by key) means the same inputs under one policy.
            return calc(TestLedgers.request(c.period()), c.key(), c.paid(), before);
        }
        if (s instanceof Replace r) {
            if (model.batches.isEmpty()) {
                return "nothing to replace";
            }
            List<Long> ids = new ArrayList<>(model.batches.keySet());
            Model.Batch old = model.batches.get(ids.get(Math.floorMod(r.target(), ids.size())));
            String period = old.kind().equals("calc") ? old.period() : PERIODS.get(0);
            String outcome = calc(TestLedgers.replacing(period, old.id(), "recomputed"), r.key(), r.paid(), before);
            assertEquals("calc", old.kind(), "an import is voided, never replaced");
            return outcome;
        }
        if (s instanceof VoidEntry v) {
            if (model.batches.isEmpty()) {
                return "no batch";
            }
            List<Long> ids = new ArrayList<>(model.batches.keySet());
            long batch = ids.get(Math.floorMod(v.target(), ids.size()));
            corrections.voidEntries(batch, v.entity(), v.program(), "returned by the bank");
            // refused unless counted and paid the entity (for the program): the ledger said yes, so both hold
            assertEquals("counted", model.states.get(batch), "a void of a batch that does not count is refused");
            assertTrue(allPaid.get(batch).getOrDefault(v.entity(), List.of()).stream()
                    .anyMatch(i -> v.program() == null || i.program().equals(v.program())),
                    "a void of an entry the batch did not pay is refused");
            model.voids.add(List.of(batch, v.entity(), v.program() == null ? "" : v.program()));
            assertEquals(before + 1, ledger.state());
            return "voided batch " + batch + "'s " + v.entity();
        }
        if (s instanceof VoidBatch v) {
            if (model.batches.isEmpty()) {
                return "no batch";
            }
            List<Long> ids = new ArrayList<>(model.batches.keySet());
            long batch = ids.get(Math.floorMod(v.target(), ids.size()));
            corrections.voidEntries(batch, null, null, "clawback");
            assertEquals("counted", model.states.get(batch), "a void of a batch that does not count is refused");
            model.states.put(batch, "voided");
            assertEquals(before + 1, ledger.state());
            return "voided batch " + batch;
        }
        Import im = (Import) s;
        long id = corrections.importPayments(im.rows(), "paid-" + im.key() + ".csv", im.key(), "paid before the ledger");
        for (Model.Batch b : model.counted("import")) {
            assertTrue(!b.key().equals(im.key()), "the same import twice is refused");
        }
        Map<String, List<Entry>> counted = new LinkedHashMap<>();
        Map<String, List<LedgerRun.Item>> all = new LinkedHashMap<>();
        for (Corrections.Paid p : im.rows()) {
            counted.computeIfAbsent(p.entity(), k -> new ArrayList<>())
                    .add(new Entry(p.program(), p.period(), id, p.amount(), p.months()));
            all.computeIfAbsent(p.entity(), k -> new ArrayList<>())
                    .add(new LedgerRun.Item(p.program(), p.amount(), p.months(), true));
        }
        add(new Model.Batch(id, "import", "-", im.key(), counted), all);
        assertEquals(before + 1, ledger.state());
        return "imported as batch " + id;
    }

    private String calc(LedgerRun.Request request, String key, Map<String, List<LedgerRun.Item>> paid, long before)
            throws LedgerException {
        long id;
        Long replaced;
        try (LedgerRun run = ledger.begin(request)) {
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<String, List<LedgerRun.Item>> e : paid.entrySet()) {
                TestLedgers.pay(run, e.getKey(), request.period(), e.getValue());
                for (LedgerRun.Item i : e.getValue()) {
                    total = total.add(i.amount());
                }
            }
            run.finish(TestLedgers.finish(key, paid.size(), total));
            run.commit();
            id = run.id();
            replaced = run.replaced() == null ? null : run.replaced().id();
        }
        for (Model.Batch b : model.counted("calc")) {
            assertTrue(!b.key().equals(key) || replaced != null && replaced == b.id(),
                    "inputs recorded already are refused, unless that batch is replaced");
        }
        Map<String, List<Entry>> counted = new LinkedHashMap<>();
        paid.forEach((entity, items) -> {
            for (LedgerRun.Item i : items) {
                if (i.counted()) {
                    counted.computeIfAbsent(entity, k -> new ArrayList<>())
                            .add(new Entry(i.program(), request.period(), id, i.amount(), i.months()));
                }
            }
        });
        if (replaced != null) {
            assertEquals("counted", model.states.get(replaced), "only a batch that counts can be replaced");
            model.states.put(replaced, "replaced");
        }
        add(new Model.Batch(id, "calc", request.period(), key, counted), paid);
        assertEquals(before + (replaced == null ? 1 : 2), ledger.state());
        return "batch " + id + (replaced == null ? "" : " replacing " + replaced);
    }

    private void add(Model.Batch b, Map<String, List<LedgerRun.Item>> all) {
        assertEquals(model.batches.isEmpty() ? 1 : ((TreeMap<Long, Model.Batch>) model.batches).lastKey() + 1, b.id(),
                "batches are numbered one after the other");
        model.batches.put(b.id(), b);
        model.states.put(b.id(), "counted");
        allPaid.put(b.id(), all);
    }

    /** The cache, the reference and the model agree, entry for entry and in order. */
    void check(String when) throws LedgerException {
        long state = ledger.state();
        Map<String, Prior> reference = new TreeMap<>(ledger.history().priorAt(state, ENTITIES));
        Map<String, Prior> cache;
        try (StateReader r = ledger.stateReader(null)) {
            cache = new TreeMap<>(r.lookup(ENTITIES));
        }
        assertEquals(reference, cache, "entity_state (what a run reads) is History.priorAt(state " + state + ") "
                + when);
        assertEquals(model.expected(), reference, "History.priorAt(state " + state + ") is what counts " + when);
        for (BatchInfo b : ledger.batches(null)) {
            assertEquals(model.states.get(b.id()), b.state(), "batch " + b.id() + "'s state " + when);
        }
    }
}
