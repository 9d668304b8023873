package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.ledger.TestLedgers.batch;
import static subsidy.ledger.TestLedgers.finish;
import static subsidy.ledger.TestLedgers.item;
import static subsidy.ledger.TestLedgers.open;
import static subsidy.ledger.TestLedgers.pay;
import static subsidy.ledger.TestLedgers.raw;
import static subsidy.ledger.TestLedgers.request;
import static subsidy.ledger.TestLedgers.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.ledger.TestLedgers.Backend;

/**
 * The ledger as a store, on SQLite and on PostgreSQL: what it makes, what it refuses and leaves as it
 * was, that a batch is recorded whole or not at all, and that two runs never record at once.
 */
class LedgerStoreTest {
    private static final String P5 = "2022-05";

    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    // ---- opening ----

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewLedgerIsMadeEmptyAndOpeningItAgainFindsTheSameOne(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        String id;
        try (Ledger first = open(where)) {
            assertTrue(first.created(), "the first open makes the ledger");
            id = first.id();
            assertTrue(id != null && id.matches("[0-9a-f]{32}"), "a ledger id of 32 hex digits: " + id);
            assertEquals(0, first.state());
            assertEquals(List.of(), first.batches(null));
            assertEquals(List.of(), first.changes());
        }
        try (Ledger again = open(where)) {
            assertFalse(again.created(), "the second open finds it");
            assertEquals(id, again.id());
            assertEquals(0, again.state());
        }
        String other = ledgers.fresh(backend);
        try (Ledger another = open(other)) {
            assertTrue(another.created());
            assertNotEquals(id, another.id(), "each ledger has an id of its own");
        }
    }

    @Test
    void aTextFileIsNotALedgerAndIsLeftByteForByte() throws Exception {
        Path file = ledgers.folder().resolve("payments.csv");
        byte[] text = "entity,amount\n91110000000000000A,1000.00\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);
        LedgerException e = assertThrows(LedgerException.class, () -> open(file.toString()));
        assertEquals(LedgerException.Kind.NOT_OURS, e.kind());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertArrayEquals(text, Files.readAllBytes(file));
        assertEquals(List.of(file), siblings(file));
    }

    @Test
    void anSqliteFileOfAnotherApplicationIsNotALedgerAndKeepsItsTablesAndRows() throws Exception {
        Path file = otherApplicationsDatabase();
        LedgerException e = assertThrows(LedgerException.class, () -> open(file.toString()));
        assertEquals(LedgerException.Kind.NOT_OURS, e.kind());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("customers"), "names what it holds: " + e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        try (Connection c = raw(file.toString())) {
            assertEquals(List.of("customers"), TestLedgers.dump(c, "sqlite_master WHERE type = 'table'").stream()
                    .map(r -> r.split(" \\| ")[1]).toList(), "no table made");
            assertEquals(List.of("1 | 上海某某有限公司"), TestLedgers.dump(c, "customers"));
        }
    }

    @Test
    void anSqliteFileOfAnotherApplicationIsNotALedgerAndIsLeftByteForByte() throws Exception {
        Path file = otherApplicationsDatabase();
        byte[] before = Files.readAllBytes(file);
        LedgerException e = assertThrows(LedgerException.class, () -> open(file.toString()));
        assertEquals(LedgerException.Kind.NOT_OURS, e.kind());
        assertArrayEquals(before, Files.readAllBytes(file), "not one byte of the other application's file changed");
        assertEquals(List.of(file), siblings(file), "no journal or WAL file left beside it");
    }

    /** An SQLite database as another program makes it (rollback journal, the default). */
    private Path otherApplicationsDatabase() throws Exception {
        Path file = ledgers.folder().resolve("crm.db");
        try (Connection c = raw(file.toString()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO customers (name) VALUES ('上海某某有限公司')");
        }
        return file;
    }

    @Test
    void aPostgresqlDatabaseWhoseSchemaSubsidyHoldsOtherTablesIsNotALedgerAndIsLeftAsItWas() throws Exception {
        TestLedgers.requirePg();
        String where = TestLedgers.database(ledgers.newDatabase());
        try (Connection c = raw(where); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA subsidy");
            s.execute("CREATE TABLE subsidy.grants (id BIGINT PRIMARY KEY, firm TEXT NOT NULL)");
            s.execute("INSERT INTO subsidy.grants VALUES (1, '上海某某有限公司')");
        }
        List<String> before = pgTables(where);
        LedgerException e = assertThrows(LedgerException.class, () -> open(where));
        assertEquals(LedgerException.Kind.NOT_OURS, e.kind());
        assertTrue(e.getMessage().contains(Ledger.withoutPassword(where)), e.getMessage());
        assertTrue(e.getMessage().contains("grants"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertEquals(before, pgTables(where), "no table made or dropped in any schema");
        try (Connection c = raw(where)) {
            assertEquals(List.of("1 | 上海某某有限公司"), TestLedgers.dump(c, "subsidy.grants"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLedgerOfANewerSchemaIsRefusedAndLeftAsItWas(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        try (Ledger l = open(where)) {
            batch(l, P5, "k1", List.of("E1"), List.of(item("hire", "1000.00", true)));
        }
        String history = table(where, "subsidy_schema_history");
        try (Connection c = raw(where); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + history + " (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES (4, '4', 'ledger four', "
                    + "'SQL', 'V4__ledger_four.sql', 0, 'a newer subsidy', CURRENT_TIMESTAMP, 1, "
                    + (backend == Backend.SQLITE ? "1" : "true") + ")");
        }
        Snapshot before = Snapshot.of(where);
        LedgerException e = assertThrows(LedgerException.class, () -> open(where));
        assertEquals(LedgerException.Kind.NEWER, e.kind());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertTrue(e.getMessage().contains("schema 4"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertEquals(before, Snapshot.of(where));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLedgerOfVersionTwoIsUpgradedWithEveryPaymentKeptInBlocks(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 2 * 2000 + 7; i++) {
            many.add("E" + i);
        }
        List<History.Payment> batch1;
        List<History.Payment> batch2;
        Map<String, Prior> states;
        try (Ledger l = open(where)) {
            batch(l, P5, "k1", many, List.of(item("hire", "1000.00", true), item("training", "12.50", false)));
            batch(l, "2022-06", "k2", List.of("E2", "a \"quoted\" id", "E1"), List.of(item("hire", "3.00", true)));
            batch1 = l.history().ofBatch(1);
            batch2 = l.history().ofBatch(2);
            states = l.history().priorAt(l.state());
        }
        assertEquals(many.size(), batch1.size());
        TestLedgers.downgrade(where, 2);
        assertEquals(many.size() + 3, TestLedgers.count(where, "payment"), "version 2's payments, one row each");
        try (Ledger l = open(where)) {
            assertEquals(payments(batch1), payments(l.history().ofBatch(1)), "every payment of batch 1, in order");
            assertEquals(payments(batch2), payments(l.history().ofBatch(2)));
            assertEquals(states, l.history().priorAt(l.state()));
            try (StateReader r = l.stateReader(null)) {
                assertEquals(states.get("a \"quoted\" id"), r.lookup(List.of("a \"quoted\" id")).get("a \"quoted\" id"));
            }
            assertEquals(3, batch(l, "2022-07", "k3", List.of("E1"), List.of(item("hire", "1.00", true))));
            assertEquals(3, l.history().of("E1").size(), "E1's payments: two before the upgrade, one after");
        }
        assertEquals(3 + 1 + 1, TestLedgers.count(where, "payment_block"),
                "batch 1 in blocks of 2,000 rows, batches 2 and 3 one block each");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchThatChangesMostStatesLeavesEachStateAsTheHistorySaysIt(Backend backend) throws Exception {
        // PostgreSQL builds entity_state afresh for a batch this large that changes most states: what a run
        // reads afterwards, its key and its later updates must be as if each state had been updated.
        String where = ledgers.fresh(backend);
        List<String> firms = TestLedgers.firms(10_050);
        try (Ledger l = open(where)) {
            batch(l, P5, "k1", firms.subList(0, 10_000), List.of(item("refund", "10.00", true)));
            batch(l, "2023-01", "k2", firms, List.of(item("refund", "20.00", true), item("hire", "1.00", false)));
            batch(l, "2023-02", "k3", List.of("F00001", "NEW"), List.of(item("refund", "5.00", true)));
            Map<String, Prior> reference = l.history().priorAt(l.state());
            try (StateReader r = l.stateReader(null)) {
                Map<String, Prior> read = r.lookup(List.of("F00000", "F00001", "F10049", "NEW", "none"));
                assertEquals(4, read.size(), "none was never paid");
                for (String e : read.keySet()) {
                    assertEquals(reference.get(e), read.get(e), e);
                }
                assertEquals(3, read.get("F00001").entries().size(), "2022-05, 2023-01 and 2023-02");
                assertEquals(1, read.get("F10049").entries().size());
            }
        }
        assertEquals(10_051, TestLedgers.count(where, "entity_state"), "one state per entity ever paid");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchThatChangesMostStatesFinishedButNotCommittedLeavesEveryStateAsItWas(Backend backend)
            throws Exception {
        // What a kill between the merge (PostgreSQL: the table built afresh, the old one dropped) and the
        // commit leaves: the database rolls the transaction back, the old table and its states stand. The
        // same for a run that read the states whole and writes them back itself (StateSnapshot).
        for (StateReader.Bulk bulk : List.of(StateReader.Bulk.NEVER, StateReader.Bulk.ALWAYS)) {
            String where = ledgers.fresh(backend);
            List<String> firms = TestLedgers.firms(10_050);
            Map<String, Prior> before;
            try (Ledger l = open(where)) {
                l.bulk(bulk);
                batch(l, P5, "k1", firms.subList(0, 10_000), List.of(item("refund", "10.00", true)));
                before = l.history().priorAt(l.state());
                try (LedgerRun run = l.begin(request("2023-01"))) {
                    for (String f : firms) {
                        pay(run, f, "2023-01", List.of(item("refund", "20.00", true)));
                    }
                    assertEquals(bulk == StateReader.Bulk.ALWAYS, run.reader().readWhole());
                    run.finish(finish("k2", firms.size(), new BigDecimal("201000.00")));
                    // no commit: closed as a stopped run is
                }
                assertEquals(1, l.state());
                try (StateReader r = l.stateReader(null)) {
                    Map<String, Prior> read = r.lookup(firms);
                    assertEquals(10_000, read.size());
                    assertEquals(before, read);
                }
            }
            assertEquals(10_000, TestLedgers.count(where, "entity_state"), bulk.toString());
        }
    }

    @Test
    void aLargeBatchOfARoleThatOwnsNoTableIsRecordedAndEveryGrantStays() throws Exception {
        // A department's ledger: the tables belong to its administrator; the clerks' role may read and write
        // rows, not empty or drop tables; an auditor's role may read. A new year's batch must still be
        // recorded, and leave the grants as they were.
        String where = ledgers.fresh(Backend.POSTGRESQL);
        List<String> firms = tenThousandPaidIn2022(where);
        String suffix = Long.toString(System.nanoTime(), 36);
        String clerk = "subsidy_clerk_" + suffix;
        String auditor = "subsidy_auditor_" + suffix;
        String db = where.replaceAll("^jdbc:postgresql://[^/]*/([^?]*).*$", "$1");
        try (Connection c = raw(where); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + clerk + " LOGIN");
            s.execute("CREATE ROLE " + auditor + " LOGIN");
            s.execute("GRANT USAGE ON SCHEMA subsidy TO " + clerk + ", " + auditor);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA subsidy TO " + clerk);
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA subsidy TO " + auditor);
            s.execute("GRANT TEMP ON DATABASE " + db + " TO " + clerk);
        }
        try {
            try (Ledger l = open(where.replace("user=postgres", "user=" + clerk))) {
                assertEquals(2, batch(l, "2023-01", "k2", firms, List.of(item("refund", "20.00", true))));
            }
            try (Ledger l = open(where)) {
                assertEquals(3, batch(l, "2024-01", "k3", firms, List.of(item("refund", "30.00", true))));
                Map<String, Prior> reference = l.history().priorAt(l.state());
                try (StateReader r = l.stateReader(null)) {
                    assertEquals(reference, r.lookup(firms));
                }
            }
            try (Connection c = java.sql.DriverManager.getConnection(where.replace("user=postgres", "user=" + auditor));
                    Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM subsidy.entity_state")) {
                rs.next();
                assertEquals(10_050, rs.getLong(1), "the auditor still reads the states");
            }
        } finally {
            try (Connection c = raw(where); Statement s = c.createStatement()) {
                s.execute("DROP OWNED BY " + clerk + ", " + auditor);
                s.execute("DROP ROLE " + clerk);
                s.execute("DROP ROLE " + auditor);
            }
        }
    }

    @Test
    void aLargeBatchOfARoleThatMayEmptyTheStatesButDoesNotOwnThemWritesThemAfreshKeepingTheirKey() throws Exception {
        // Granted TRUNCATE, not the table: it may not drop and make again the primary key (LedgerRun.emptyAndRefill),
        // so it copies the states into the key as it stands, and still writes the table afresh.
        String where = ledgers.fresh(Backend.POSTGRESQL);
        List<String> firms = tenThousandPaidIn2022(where);
        String clerk = "subsidy_clerk_" + Long.toString(System.nanoTime(), 36);
        String db = where.replaceAll("^jdbc:postgresql://[^/]*/([^?]*).*$", "$1");
        String files = "SELECT pg_relation_filenode('subsidy.entity_state'), "
                + "(SELECT conindid FROM pg_constraint WHERE conrelid = 'subsidy.entity_state'::regclass AND contype = 'p')";
        long[] before = new long[2];
        try (Connection c = raw(where); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + clerk + " LOGIN");
            s.execute("GRANT USAGE ON SCHEMA subsidy TO " + clerk);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA subsidy TO " + clerk);
            s.execute("GRANT TEMP ON DATABASE " + db + " TO " + clerk);
            try (java.sql.ResultSet rs = s.executeQuery(files)) {
                rs.next();
                before[0] = rs.getLong(1);
                before[1] = rs.getLong(2);
            }
        }
        try {
            try (Ledger l = open(where.replace("user=postgres", "user=" + clerk))) {
                assertEquals(2, batch(l, "2023-01", "k2", firms, List.of(item("refund", "20.00", true))));
                try (StateReader r = l.stateReader(null)) {
                    assertEquals(l.history().priorAt(l.state()), r.lookup(firms));
                }
            }
            try (Connection c = raw(where); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(files)) {
                rs.next();
                assertNotEquals(before[0], rs.getLong(1), "entity_state written afresh (emptied: a new file)");
                assertEquals(before[1], rs.getLong(2), "its primary key kept, not made again");
            }
        } finally {
            try (Connection c = raw(where); Statement s = c.createStatement()) {
                s.execute("DROP OWNED BY " + clerk);
                s.execute("DROP ROLE " + clerk);
            }
        }
    }

    @Test
    void aLargeBatchIsRecordedWhileAnotherProgramHoldsTheStatesInAnOpenTransaction() throws Exception {
        String where = ledgers.fresh(Backend.POSTGRESQL);
        List<String> firms = tenThousandPaidIn2022(where);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection reader = raw(where); Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.executeQuery("SELECT count(*) FROM subsidy.entity_state").close(); // holds it until it ends
            try (Ledger l = open(where)) {
                Future<Long> big = pool.submit(() -> batch(l, "2023-01", "k2", firms,
                        List.of(item("refund", "20.00", true))));
                // Recorded while the reader still holds the table: the batch did not wait for it to end.
                assertEquals(2, big.get(120, java.util.concurrent.TimeUnit.SECONDS));
                try (StateReader r = l.stateReader(null)) {
                    assertEquals(l.history().priorAt(l.state()), r.lookup(firms));
                }
            }
            reader.rollback();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Records 10,000 of 10,050 firms in one 2022 batch at {@code where}: the ledger a new year's batch of all
     * 10,050 changes most states of (PostgreSQL then writes entity_state afresh). Returns the 10,050.
     */
    private static List<String> tenThousandPaidIn2022(String where) throws LedgerException {
        List<String> firms = TestLedgers.firms(10_050);
        try (Ledger l = open(where)) {
            batch(l, P5, "k1", firms.subList(0, 10_000), List.of(item("refund", "10.00", true)));
        }
        return firms;
    }

    private static List<String> payments(List<History.Payment> ps) {
        return ps.stream().map(p -> p.batch() + " " + p.row() + " " + p.entity() + " " + p.period() + " " + p.items())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLedgerWhoseCreationWasCutShortAfterFlywayMadeItsHistoryTableIsMadeByTheNextOpen(Backend backend)
            throws Exception {
        String where = ledgers.fresh(backend);
        open(where).close();
        // what the kill leaves: Flyway's history table, empty, and none of the versions' tables
        try (Connection c = raw(where); Statement s = c.createStatement()) {
            s.execute("DROP VIEW " + table(where, "payment"));
            for (String t : List.of("subsidy_ledger", "ledger_change", "batch", "payment_block", "entity_state",
                    "hired_person")) {
                s.execute("DROP TABLE " + table(where, t));
            }
            s.execute("DELETE FROM " + table(where, "subsidy_schema_history"));
        }
        try (Ledger l = open(where)) {
            assertTrue(l.created(), "an empty ledger is made afresh");
            assertEquals(0, l.state());
            batch(l, P5, "k1", List.of("E1"), List.of(item("hire", "1000.00", true)));
            assertEquals(1, l.state());
        }
    }

    // ---- a batch: whole or nothing ----

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchFinishedButNotCommittedLeavesNothingRecorded(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        try (Ledger l = open(where)) {
            try (LedgerRun run = l.begin(request(P5))) {
                assertEquals(1, run.id());
                assertEquals(0, run.against());
                pay(run, "E1", P5, List.of(item("hire", "1000.00", true)));
                pay(run, "E2", P5, List.of(item("hire", "500.00", true), item("training", "300.00", false)));
                pay(run, "E3", P5, List.of(item("training", "300.00", false)));
                pay(run, "E4", P5, List.of());
                run.finish(finish("k1", 4, new BigDecimal("2100.00")));
                // closed without commit
            }
            assertNothingRecorded(l, List.of("E1", "E2", "E3", "E4"));
            // and the lock went with it: the next run begins at once, as batch 1 again
            try (LedgerRun next = l.begin(request(P5))) {
                assertEquals(1, next.id());
            }
        }
    }

    /** A run stopped mid-way (more rows than one write holds, so the writer thread is at work) records nothing. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBatchStoppedWhileItsRowsAreBeingWrittenLeavesNothingRecorded(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        List<String> entities = new ArrayList<>();
        try (Ledger l = open(where)) {
            try (LedgerRun run = l.begin(request(P5))) {
                for (int i = 0; i < 5_000; i++) {
                    String e = String.format("E%05d", i);
                    entities.add(e);
                    run.record(e, new TestLedgers.Paid(List.of(item("hire", "1000.00", true)),
                            new Prior(List.of(new Entry("hire", P5, run.id(), new BigDecimal("1000.00"), null))),
                            "hire|" + P5 + "|" + run.id() + "|1000.00|"));
                }
            }
            assertNothingRecorded(l, entities);
            try (LedgerRun next = l.begin(request(P5))) {
                assertEquals(1, next.id(), "the lock is free again");
            }
        }
    }

    private static void assertNothingRecorded(Ledger l, List<String> entities) throws Exception {
        assertEquals(List.of(), l.batches(null));
        assertEquals(0, l.state());
        assertEquals(List.of(), l.changes());
        try (StateReader r = l.stateReader(null)) {
            assertEquals(Map.of(), r.lookup(entities));
        }
        for (String e : entities.subList(0, Math.min(10, entities.size()))) {
            assertEquals(List.of(), l.history().of(e));
        }
        assertEquals(List.of(), l.history().ofBatch(1));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCommittedBatchIsRecordedWholeAndAdvancesTheStateByOne(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        try (Ledger l = open(where)) {
            try (LedgerRun run = l.begin(request(P5))) {
                pay(run, "E1", P5, List.of(item("hire", "1000.00", true)));
                pay(run, "E2", P5, List.of(item("hire", "500.00", true), item("training", "300.00", false)));
                pay(run, "E3", P5, List.of(item("training", "300.00", false)));
                pay(run, "E4", P5, List.of());
                run.finish(finish("k1", 4, new BigDecimal("2100.00")));
                run.commit();
                assertTrue(run.recorded());
            }
            assertEquals(1, l.state());
            List<BatchInfo> batches = l.batches(null);
            assertEquals(1, batches.size());
            BatchInfo b = batches.get(0);
            assertEquals(1, b.id());
            assertEquals(1, b.seq());
            assertEquals(P5, b.period());
            assertEquals("calc", b.kind());
            assertEquals("k1", b.contentKey());
            assertEquals("counted", b.state());
            assertEquals("none", b.files(), "no output directory: no files to confirm");
            assertEquals(0, b.against());
            assertEquals(4, b.entities());
            assertEquals("2100.00", b.total());
            assertEquals("2022-06-01T08:00:00Z", b.createdAt());
            assertEquals(List.of(new Ledger.Change(1, "2022-06-01T08:00:00Z", "batch", 1, null, null, null,
                    subsidy.Version.get())), l.changes());
            List<History.Payment> paid = l.history().ofBatch(1);
            assertEquals(List.of("E1", "E2", "E3"), paid.stream().map(History.Payment::entity).toList(),
                    "one payment row per entity paid anything; E4 was paid nothing");
            assertEquals(List.of(1L, 2L, 3L), paid.stream().map(History.Payment::row).toList());
            assertEquals(List.of(item("hire", "500.00", true), item("training", "300.00", false)), paid.get(1).items());
            try (StateReader r = l.stateReader(null)) {
                assertEquals(Map.of(
                        "E1", new Prior(List.of(new Entry("hire", P5, 1, new BigDecimal("1000.00"), null))),
                        "E2", new Prior(List.of(new Entry("hire", P5, 1, new BigDecimal("500.00"), null)))),
                        r.lookup(List.of("E1", "E2", "E3", "E4")));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aReplacingBatchAdvancesTheStateByTwo(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        try (Ledger l = open(where)) {
            long first = batch(l, P5, "k1", List.of("E1", "E2"), List.of(item("hire", "1000.00", true)));
            assertEquals(1, l.state());
            try (LedgerRun run = l.begin(TestLedgers.replacing(P5, first, "wrong headcount"))) {
                assertEquals(2, run.id());
                assertEquals(1, run.against());
                assertEquals(first, run.replaced().id());
                // E1 and E2 are there with no entries (the reader leaves the replaced batch's out of their row)
                assertEquals(List.of(), run.reader().lookup(List.of("E1", "E2")).values().stream()
                        .flatMap(p -> p.entries().stream()).toList(), "computed as the ledger stood without batch 1");
                pay(run, "E1", P5, List.of(item("hire", "800.00", true)));
                run.finish(finish("k2", 1, new BigDecimal("800.00")));
                run.commit();
            }
            assertEquals(3, l.state(), "the replace and the batch: two changes");
            assertEquals(List.of("replace", "batch"), l.changes().stream().skip(1).map(Ledger.Change::what).toList());
            try (StateReader r = l.stateReader(null)) {
                assertEquals(Map.of("E1", new Prior(List.of(new Entry("hire", P5, 2, new BigDecimal("800.00"), null)))),
                        r.lookup(List.of("E1", "E2")));
            }
        }
    }

    /** A run reads what entities used up in bulk, a query for up to 500: every one is found, across queries. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRunReadsWhatEachOfManyEntitiesUsedUpAcrossSeveralQueries(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            entities.add(String.format("91530100%010dX", i));
        }
        try (Ledger l = open(where)) {
            batch(l, "2022-04", "k1", entities, List.of(item("hire", "10.00", true), item("rent", "1.00", false)));
            List<String> asked = new ArrayList<>(entities);
            asked.add(600, "91530100NEVERPAID0");
            try (LedgerRun run = l.begin(request(P5))) {
                Map<String, Prior> read = run.reader().lookup(asked);
                assertEquals(1_201, read.size(), "every entity paid, and not the one never paid");
                assertEquals(new Prior(List.of(new Entry("hire", "2022-04", 1, new BigDecimal("10.00"), null))),
                        read.get(entities.get(1_200)));
                assertEquals(l.history().priorAt(l.state(), asked), read);
            }
        }
    }

    @Test
    void aPasswordInAPostgresqlUrlIsNeverShown() throws Exception {
        TestLedgers.requirePg();
        String where = TestLedgers.database(ledgers.newDatabase()) + "&password=s3cret-Pa55";
        try (Ledger l = open(where)) {
            assertTrue(l.shown().contains("password=***"), l.shown());
            assertFalse(l.shown().contains("s3cret"), l.shown());
        }
        String nowhere = "jdbc:postgresql://127.0.0.1:1/none?user=postgres&password=s3cret-Pa55&connectTimeout=5";
        LedgerException e = assertThrows(LedgerException.class, () -> open(nowhere));
        assertEquals(LedgerException.Kind.DAMAGED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("could not use the ledger jdbc:postgresql://127.0.0.1:1/none?user=postgres"
                + "&password=***"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    // ---- two runs ----

    @Test
    void aSecondRunGivesUpWhenAPostgresqlLedgerIsNotFreeWithinItsWaitAndSaysSo() throws Exception {
        aSecondRunGivesUpBusy(Backend.POSTGRESQL);
    }

    @Test
    void aSecondRunGivesUpWhenAnSqliteLedgerIsNotFreeWithinItsWaitAndSaysSo() throws Exception {
        aSecondRunGivesUpBusy(Backend.SQLITE);
    }

    private void aSecondRunGivesUpBusy(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        open(where).close();
        try (Ledger a = open(where); LedgerRun runA = a.begin(request(P5))) {
            pay(runA, "E1", P5, List.of(item("hire", "1000.00", true)));
            try (Ledger b = Ledger.open(where, Duration.ofSeconds(1), TestLedgers.CLOCK)) {
                LedgerException e = assertThrows(LedgerException.class, () -> b.begin(request("2022-06")).close());
                assertEquals(LedgerException.Kind.BUSY, e.kind(), e.getMessage());
                assertEquals("the ledger " + b.shown() + " is being written by another run, and was not free within "
                        + "1 s (--ledger-wait); nothing was recorded", e.getMessage());
                LedgerException v = assertThrows(LedgerException.class,
                        () -> new Corrections(b).voidEntries(1, null, null, "clawback"));
                assertEquals(LedgerException.Kind.BUSY, v.kind(), v.getMessage());
            }
            runA.finish(finish("kA", 1, new BigDecimal("1000.00")));
            runA.commit();
        }
        try (Ledger l = open(where)) {
            assertEquals(1, l.batches(null).size(), "A's batch, and nothing of B's");
            assertEquals(1, l.state());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void afterTheFirstRunCommitsTheSecondBeginsAndSeesItsBatch(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        open(where).close();
        CountDownLatch aHoldsTheLock = new CountDownLatch(1);
        CountDownLatch bIsWaiting = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Ledger a = open(where); LedgerRun runA = a.begin(request(P5))) {
            pay(runA, "E1", P5, List.of(item("hire", "1000.00", true)));
            aHoldsTheLock.countDown();
            Future<List<Object>> b = pool.submit(() -> {
                aHoldsTheLock.await();
                try (Ledger lb = open(where)) {
                    bIsWaiting.countDown();
                    try (LedgerRun runB = lb.begin(request("2022-06"))) { // waits for A's commit
                        return List.of(runB.id(), runB.against(), runB.batches().keySet(),
                                runB.batches().get(1L).contentKey(), runB.reader().lookup(List.of("E1")));
                    }
                }
            });
            bIsWaiting.await();
            runA.finish(finish("kA", 1, new BigDecimal("1000.00")));
            runA.commit();
            assertEquals(List.of(2L, 1L, Set.of(1L), "kA",
                    Map.of("E1", new Prior(List.of(new Entry("hire", P5, 1, new BigDecimal("1000.00"), null))))),
                    b.get(), "B began after A's commit, as batch 2 against state 1, and sees A's batch and entry");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The way two processes meet: the second opens the ledger while the first is recording into it. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLedgerCanBeOpenedWhileAnotherRunIsRecordingIntoIt(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        open(where).close();
        try (Ledger a = open(where); LedgerRun runA = a.begin(request(P5))) {
            pay(runA, "E1", P5, List.of(item("hire", "1000.00", true)));
            try (Ledger b = Ledger.open(where, Duration.ofSeconds(1), TestLedgers.CLOCK)) {
                assertFalse(b.created());
                assertEquals(a.id(), b.id());
                assertEquals(List.of(), b.batches(null), "A's batch is not visible before its commit");
            }
            runA.finish(finish("kA", 1, new BigDecimal("1000.00")));
            runA.commit();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoThreadsCommittingAtOnceNeverShareABatchNumberAndLoseNoEntry(Backend backend) throws Exception {
        String where = ledgers.fresh(backend);
        open(where).close();
        int threads = 2;
        int each = 5;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    try (Ledger l = open(where)) {
                        start.await();
                        for (int k = 0; k < each; k++) {
                            String period = String.format("2022-%02d", k + 1);
                            try (LedgerRun run = l.begin(request(period))) {
                                pay(run, "T" + thread + "-" + k, period, List.of(item("hire", "100.00", true)));
                                pay(run, "SHARED", period, List.of(item("hire", "1.00", true)));
                                run.finish(finish("t" + thread + "k" + k, 2, new BigDecimal("101.00")));
                                run.commit();
                                ids.add(run.id());
                            }
                        }
                    }
                    return ids;
                }));
            }
            Set<Long> ids = new TreeSet<>();
            for (Future<List<Long>> f : done) {
                ids.addAll(f.get());
            }
            assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ids, "10 batches, 10 numbers");
        } finally {
            pool.shutdownNow();
        }
        try (Ledger l = open(where)) {
            assertEquals(10, l.state());
            List<BatchInfo> batches = l.batches(null);
            assertEquals(10, batches.size());
            for (BatchInfo b : batches) {
                assertEquals(b.id(), b.seq(), "one change per batch, in the order of their commits");
                assertEquals(b.id() - 1, b.against(), "each computed against the one before");
                List<History.Payment> paid = l.history().ofBatch(b.id());
                assertEquals(2, paid.size(), "batch " + b.id() + "'s payments");
                assertEquals("SHARED", paid.get(1).entity());
            }
            try (StateReader r = l.stateReader(null)) {
                Prior shared = r.lookup(List.of("SHARED")).get("SHARED");
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L),
                        shared.entries().stream().map(Entry::batch).toList(),
                        "the entity both threads paid has every batch's entry, none lost");
                assertEquals(l.history().priorAt(l.state(), List.of("SHARED")).get("SHARED"), shared);
            }
        }
    }

    // ---- helpers ----

    private static List<Path> siblings(Path file) throws Exception {
        try (Stream<Path> all = Files.list(file.getParent())) {
            return all.sorted().toList();
        }
    }

    private static List<String> pgTables(String where) throws SQLException {
        try (Connection c = raw(where)) {
            return TestLedgers.dump(c, "information_schema.tables WHERE table_schema NOT IN "
                    + "('pg_catalog', 'information_schema')");
        }
    }

    /** All that a ledger holds: the file's bytes (SQLite), or every table of the schema subsidy. */
    record Snapshot(byte[] bytes, List<String> rows) {
        static Snapshot of(String where) throws Exception {
            if (!where.startsWith("jdbc:")) {
                return new Snapshot(Files.readAllBytes(Path.of(where)), List.of());
            }
            List<String> rows = new ArrayList<>();
            try (Connection c = raw(where)) {
                for (String t : List.of("subsidy_ledger", "subsidy_schema_history", "batch", "payment",
                        "ledger_change", "entity_state")) {
                    for (String r : TestLedgers.dump(c, "subsidy." + t)) {
                        rows.add(t + ": " + r);
                    }
                }
                rows.addAll(pgTables(where));
            }
            return new Snapshot(null, rows);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && java.util.Arrays.equals(bytes, s.bytes) && rows.equals(s.rows);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes) * 31 + rows.hashCode();
        }

        @Override
        public String toString() {
            return bytes != null ? bytes.length + " bytes, SHA-256 " + subsidy.Sha256.of(bytes) : rows.toString();
        }
    }
}
