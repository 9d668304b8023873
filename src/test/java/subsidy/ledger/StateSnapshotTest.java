package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.ledger.TestLedgers.batch;
import static subsidy.ledger.TestLedgers.item;
import static subsidy.ledger.TestLedgers.open;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.ledger.TestLedgers.Backend;

/**
 * A run that looks up about as many entities as the ledger holds reads entity_state whole, once
 * ({@link StateSnapshot}), instead of probing it a chunk at a time: the states it finds must be the
 * probes' to the byte, on both backends, and a snapshot that would not fit its share of the heap is
 * dropped for the probes.
 */
class StateSnapshotTest {
    private static final String P5 = "2022-05";

    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    /** Ids at the edges of the packing: one-byte and two-byte lengths, non-ASCII, JSON's specials, prefixes. */
    private static final List<String> ODD_IDS = List.of("A", "AB", "ABC", "统一社会信用代码91530102",
            "a \"quoted\" id", "back\\slash", "tab\there", "x".repeat(127), "y".repeat(128), "z".repeat(300), "é");

    private static StateSnapshot snapshot(Map<String, String> cells, long budget) {
        StateSnapshot.Builder b = new StateSnapshot.Builder(budget);
        for (Map.Entry<String, String> c : cells.entrySet()) {
            if (!b.add(c.getKey().getBytes(StandardCharsets.UTF_8), c.getValue().getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
        }
        return b.build();
    }

    @Test
    void aSnapshotFindsEveryStateItHoldsAndNothingForAnIdItDoesNot() {
        Map<String, String> cells = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 30_000; i++) { // some 2 MB: several chunks of 256 KB, entries up to each chunk's end
            cells.put(String.format("915301%012d", random.nextInt(1_000_000_000)),
                    "stable_job_refund|2022-0" + (1 + i % 9) + "|" + i + "|" + random.nextInt(100_000) + ".00|");
        }
        for (String id : ODD_IDS) {
            cells.put(id, "s".repeat(id.length() * 3) + "|" + id); // lengths of states on both sides of 128 too
        }
        cells.put("long state", "hire|2022-05|1|1.00|;".repeat(5_000));
        StateSnapshot s = snapshot(cells, Long.MAX_VALUE);
        assertNotNull(s);
        assertEquals(cells.size(), s.size());
        for (Map.Entry<String, String> c : cells.entrySet()) {
            assertEquals(c.getValue(), s.state(s.entry(c.getKey())), c.getKey());
        }
        List<String> absent = List.of("", "ABCD", "a", "915301", "x".repeat(126), "y".repeat(129), "统一社会信用代码");
        for (String id : absent) {
            assertEquals(-1, s.entry(id), id);
        }
        // Looked for a group at a time (StateSnapshot.entries): the same entries, in the order asked, across
        // groups, with ids it does not hold and the same id twice among them.
        List<String> asked = new ArrayList<>(cells.keySet());
        for (int i = 0; i < absent.size(); i++) {
            asked.add(i * 997, absent.get(i));
        }
        asked.add(65, asked.get(3));
        int[] found = s.entries(asked);
        assertEquals(asked.size(), found.length);
        for (int k = 0; k < asked.size(); k++) {
            assertEquals(s.entry(asked.get(k)), found[k], asked.get(k));
        }
        assertEquals(0, s.entries(List.of()).length);
    }

    @Test
    void aSnapshotOverItsBudgetIsGivenUp() {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            cells.put("F" + i, "hire|2022-05|1|1000.00|");
        }
        // 256 KB of chunk and the places of 1,000 entries fit in a megabyte, not in 100 KB
        assertNotNull(snapshot(cells, 1 << 20));
        assertNull(snapshot(cells, 100_000));
        assertFalse(new StateSnapshot.Builder(Long.MAX_VALUE).add(new byte[Arena.CHUNK], new byte[0]),
                "a row of more than 256 KB is not packed: the run probes");
    }

    /** Three batches, the third replacing the second, so that a reader leaving a batch out is tested too. */
    private static List<String> paidThreeTimes(Ledger l) throws LedgerException {
        List<String> firms = new ArrayList<>(TestLedgers.firms(600));
        firms.addAll(ODD_IDS);
        batch(l, P5, "k1", firms, List.of(item("refund", "10.00", true), item("hire", "1.00", false)));
        batch(l, "2022-06", "k2", firms.subList(0, 300), List.of(item("refund", "20.00", true)));
        batch(l, TestLedgers.replacing("2022-06", 2, "corrected"), "k2", firms.subList(100, 400),
                List.of(item("training", "300.00", true), item("rent", "900.00", true)));
        return firms;
    }

    private static Map<String, Prior> read(Ledger l, StateReader.Bulk bulk, Long without, List<String> ids)
            throws LedgerException {
        l.bulk(bulk);
        try (StateReader r = l.stateReader(without)) {
            Map<String, Prior> all = new HashMap<>();
            for (int from = 0; from < ids.size(); from += 97) { // as a run's workers ask: a chunk at a time
                all.putAll(r.lookup(ids.subList(from, Math.min(ids.size(), from + 97))));
            }
            assertEquals(bulk != StateReader.Bulk.NEVER && bulk.heapShare() > 0.01, r.readWhole(),
                    "read whole: " + bulk);
            return all;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunReadingTheWholeTableFindsTheStatesTheProbesFind(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            List<String> firms = paidThreeTimes(l);
            List<String> asked = new ArrayList<>(firms);
            asked.addAll(List.of("never paid", "A ", "F0000")); // a space after, a prefix: not the same id
            Map<String, Prior> reference = l.history().priorAt(l.state(), asked);
            Map<String, Prior> probed = read(l, StateReader.Bulk.NEVER, null, asked);
            Map<String, Prior> whole = read(l, StateReader.Bulk.ALWAYS, null, asked);
            assertEquals(reference, probed);
            assertEquals(probed, whole);
            assertEquals(firms.size(), whole.size(), "each firm paid, none of the three others");
            assertEquals(List.of("refund", "training", "rent"),
                    whole.get("F00150").entries().stream().map(Entry::program).toList());
            // leaving the replacing batch out, as a run replacing it again reads
            assertEquals(read(l, StateReader.Bulk.NEVER, 3L, asked), read(l, StateReader.Bulk.ALWAYS, 3L, asked));
            assertEquals(1, read(l, StateReader.Bulk.ALWAYS, 3L, asked).get("F00150").entries().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSnapshotThatWouldNotFitItsShareOfTheHeapIsDroppedForTheProbes(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            List<String> firms = paidThreeTimes(l);
            Map<String, Prior> reference = l.history().priorAt(l.state(), firms);
            assertEquals(reference, read(l, new StateReader.Bulk(0, Long.MAX_VALUE, 1e-9, 0.25), null, firms));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunThatExpectsFewEntitiesProbesAndOneThatExpectsManyReadsTheTableAtOnce(Backend backend)
            throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            List<String> firms = paidThreeTimes(l); // 611 states
            l.bulk(new StateReader.Bulk(100, 4, 0.4, 0.25));
            try (StateReader r = l.stateReader(null)) {
                r.lookup(firms.subList(0, 40));
                assertFalse(r.readWhole(), "40 looked up, 80 likely: under 100, the table not even counted");
                r.lookup(firms.subList(40, 60));
                assertFalse(r.readWhole(), "60 looked up, 120 likely, each worth 4 states: 480 < 611");
                r.lookup(firms.subList(60, 80));
                assertTrue(r.readWhole(), "80 looked up, 160 likely: 640 ≥ 611 states");
            }
            try (StateReader r = l.stateReader(null)) {
                r.expect(5_000);
                r.lookup(firms.subList(0, 1));
                assertTrue(r.readWhole(), "a run of 5,000 rows reads the table at its first look-up");
            }
            try (StateReader r = l.stateReader(null)) {
                r.expect(120);
                r.lookup(firms.subList(0, 10));
                assertFalse(r.readWhole(), "a run of 120 rows probes its 611-state ledger");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStateThatCannotBeReadIsTheLedgersDamageInTheSnapshotAsInTheProbes(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        try (Ledger l = open(where)) {
            batch(l, P5, "k1", List.of("E1", "E2"), List.of(item("refund", "10.00", true)));
        }
        try (Connection c = TestLedgers.raw(where); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + TestLedgers.table(where, "entity_state")
                    + " SET state = 'refund|2022-05|x|1|' WHERE entity = 'E2'");
        }
        try (Ledger l = open(where)) {
            for (StateReader.Bulk bulk : List.of(StateReader.Bulk.NEVER, StateReader.Bulk.ALWAYS)) {
                l.bulk(bulk);
                try (StateReader r = l.stateReader(null)) {
                    assertEquals(1, r.lookup(List.of("E1")).size(), "E1 is read: " + bulk);
                    LedgerException e = assertThrows(LedgerException.class, () -> r.lookup(List.of("E1", "E2")));
                    assertEquals(LedgerException.Kind.DAMAGED, e.kind());
                    assertTrue(e.getMessage().contains("E2") && e.getMessage().contains("refund|2022-05|x|1|"),
                            e.getMessage());
                }
            }
        }
    }

    /** Reading entity_state whole, keeping what each batch adds beside it, and a budget for that spent at once. */
    private static final List<StateReader.Bulk> BULKS = List.of(StateReader.Bulk.NEVER, StateReader.Bulk.ALWAYS,
            new StateReader.Bulk(0, Long.MAX_VALUE, 0.4, 1e-9));

    @ParameterizedTest
    @EnumSource(Backend.class)
    void batchesThatReadTheStatesWholeLeaveTheLedgerAsBatchesThatProbeDo(Backend backend) throws Exception {
        // A first batch of new firms, a new year's that changes nearly every state (PostgreSQL empties the
        // table and copies it back), a small one (copied to a temporary table and upserted) and a --replace
        // (which keeps its states the way without a snapshot): each table as the probing runs leave it.
        List<String> firms = new ArrayList<>(TestLedgers.firms(10_050));
        firms.addAll(ODD_IDS);
        Map<StateReader.Bulk, List<String>> states = new HashMap<>();
        for (StateReader.Bulk bulk : BULKS) {
            String where = ledgers.fresh(backend);
            long keyIndex = 0;
            try (Ledger l = open(where)) {
                l.bulk(bulk);
                batch(l, P5, "k1", firms.subList(0, 10_000), List.of(item("refund", "10.00", true),
                        item("hire", "1.00", false)));
                keyIndex = backend == Backend.POSTGRESQL ? keyIndex(where) : 0;
                batch(l, "2023-01", "k2", firms, List.of(item("refund", "20.00", true)));
                batch(l, "2023-02", "k3", List.of("F00001", "NEW", "tab\there"), List.of(item("rent", "5.00", true)));
                batch(l, TestLedgers.replacing("2023-02", 3, "corrected"), "k3", List.of("F00002", "NEW"),
                        List.of(item("rent", "6.00", true)));
                Map<String, Prior> reference = l.history().priorAt(l.state());
                l.bulk(StateReader.Bulk.NEVER);
                try (StateReader r = l.stateReader(null)) {
                    assertEquals(reference, r.lookup(new ArrayList<>(reference.keySet())), "read back: " + bulk);
                }
                assertEquals(10_050 + ODD_IDS.size() + 1, reference.size());
                assertEquals(2, reference.get("F00001").entries().size(), "2022-05 and 2023-01; 2023-02 replaced");
                assertEquals(3, reference.get("F00002").entries().size());
            }
            try (Connection c = TestLedgers.raw(where)) {
                states.put(bulk, TestLedgers.dump(c, TestLedgers.table(where, "entity_state")));
                if (backend == Backend.POSTGRESQL) {
                    // Written afresh with its primary key dropped and made again: the same key, still keeping ids unique.
                    try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                    + "WHERE conrelid = 'subsidy.entity_state'::regclass AND contype = 'p'")) {
                        assertTrue(rs.next(), "a primary key: " + bulk);
                        assertEquals("entity_state_pkey", rs.getString(1));
                        assertEquals("PRIMARY KEY (entity)", rs.getString(2));
                    }
                    // Not the same index: the new year's batch dropped the key and made it again, rather than
                    // falling back to an upsert that keeps it (whose table would look the same).
                    assertNotEquals(keyIndex, keyIndex(where), "the key made again: " + bulk);
                    try (Statement s = c.createStatement()) {
                        assertThrows(java.sql.SQLException.class, () -> s.executeUpdate(
                                "INSERT INTO subsidy.entity_state (entity, state) VALUES ('F00001', 'x')"));
                    }
                }
            }
        }
        assertEquals(states.get(StateReader.Bulk.NEVER), states.get(StateReader.Bulk.ALWAYS));
        assertEquals(states.get(StateReader.Bulk.NEVER), states.get(BULKS.get(2)));
    }

    /**
     * While the whole table is read, a run's look-ups probe and its writer keeps what those rows change
     * (StateReader.loading): the table left must be the probing run's, whether the reading ends midway through
     * the rows, with no room to keep the changes beside it, or only after the last row.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void rowsComputedWhileTheTableIsBeingReadLeaveTheLedgerAsProbingRowsDo(Backend backend) throws Exception {
        List<String> firms = new ArrayList<>(TestLedgers.firms(6_000));
        firms.addAll(ODD_IDS);
        List<LedgerRun.Item> paid = List.of(item("refund", "20.00", true), item("hire", "1.00", false));
        Map<String, List<String>> states = new HashMap<>();
        for (String how : List.of("probing", "read midway", "read midway, no room", "read after the last row")) {
            String where = ledgers.fresh(backend);
            try (Ledger l = open(where)) {
                batch(l, P5, "k1", firms.subList(0, 5_000), List.of(item("refund", "10.00", true)));
                java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
                l.bulk(how.equals("probing") ? StateReader.Bulk.NEVER : how.endsWith("no room")
                        ? new StateReader.Bulk(0, Long.MAX_VALUE, 0.4, 1e-9) : StateReader.Bulk.ALWAYS);
                l.holdWholeReads(hold);
                try (LedgerRun run = l.begin(TestLedgers.request("2023-01"))) {
                    run.reader().expect(1_000_000);
                    waitFor(() -> how.equals("probing") || run.reader().loading(), "the table being read");
                    for (int i = 0; i < firms.size(); i++) {
                        if (i == 3_000 && how.startsWith("read midway")) {
                            // the first 2,000 rows handed to the writer while the table is still being read
                            waitFor(() -> run.keptEarly() > 0, "rows kept early");
                            hold.countDown();
                        }
                        TestLedgers.pay(run, firms.get(i), "2023-01", paid);
                    }
                    if (how.equals("read after the last row")) {
                        new Thread(() -> {
                            sleep(300);
                            hold.countDown();
                        }).start();
                    }
                    run.finish(TestLedgers.finish("k2", firms.size(), java.math.BigDecimal.ONE));
                    run.commit();
                    assertEquals(how.equals("probing"), run.keptEarly() == 0, how + ": " + run.keptEarly());
                    assertEquals(!how.equals("probing"), run.reader().readWhole(), how);
                }
            }
            try (Connection c = TestLedgers.raw(where)) {
                states.put(how, TestLedgers.dump(c, TestLedgers.table(where, "entity_state")));
            }
        }
        assertEquals(firms.size(), states.get("probing").size());
        assertTrue(states.get("probing").toString().contains("refund|2022-05|1|10.00|;refund|2023-01|2|20.00|"));
        for (String how : states.keySet()) {
            assertEquals(states.get("probing"), states.get(how), how);
        }
    }

    /** The index of entity_state's primary key (PostgreSQL), by its number. */
    private static long keyIndex(String where) throws java.sql.SQLException {
        try (Connection c = TestLedgers.raw(where); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT conindid FROM pg_constraint WHERE conrelid = 'subsidy.entity_state'::regclass AND contype = 'p'")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier what, String named) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!what.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited a minute for " + named);
            }
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunClosedWhileItsSnapshotIsStartingLeavesNoConnectionOpen(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            paidThreeTimes(l);
            l.bulk(StateReader.Bulk.ALWAYS);
            for (int i = 0; i < 10; i++) {
                StateReader r = l.stateReader(null);
                r.expect(1_000_000); // the snapshot's thread starts
                r.close(); // as a run that fails on its input at once
                Thread.sleep(200);
                assertEquals(0, r.openConnections(), "try " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWriterThatFailsWithAnErrorEndsTheRunInsteadOfLeavingItWaiting(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
                try (LedgerRun run = l.begin(TestLedgers.request(P5))) {
                    run.record("E1", new LedgerRun.Paid() {
                        @Override
                        public List<LedgerRun.Item> items() {
                            throw new OutOfMemoryError("direct buffer memory (a test's)");
                        }

                        @Override
                        public Prior newState() {
                            return null;
                        }

                        @Override
                        public String added() {
                            return null;
                        }

                        @Override
                        public Prior read() {
                            return null;
                        }
                    });
                    OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
                            () -> run.finish(TestLedgers.finish("k1", 1, java.math.BigDecimal.ONE)));
                    assertEquals("direct buffer memory (a test's)", e.getMessage());
                }
            });
            assertEquals(0, l.state(), "nothing recorded");
        }
    }
}
