package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.ledger.TestLedgers.batch;
import static subsidy.ledger.TestLedgers.item;
import static subsidy.ledger.TestLedgers.open;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.ledger.TestLedgers.Backend;

/**
 * Replaces, voids and imports ({@link Corrections}, {@code --replace}) on both backends: what each
 * takes out of what entities have used up, how each batch is marked, and what is refused.
 */
class LedgerCorrectionsTest {
    private static final String P4 = "2022-04";
    private static final String P5 = "2022-05";

    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    private static Entry entry(String program, String period, long batch, String amount) {
        return new Entry(program, period, batch, new BigDecimal(amount), null);
    }

    private static Map<String, Prior> read(Ledger l, String... entities) throws LedgerException {
        try (StateReader r = l.stateReader(null)) {
            return r.lookup(List.of(entities));
        }
    }

    /** The cache a run reads is the reference, for these entities, at the ledger's state. */
    private static void assertCacheIsHistory(Ledger l, String... entities) throws LedgerException {
        assertEquals(l.history().priorAt(l.state(), List.of(entities)), read(l, entities));
    }

    private static BatchInfo batchInfo(Ledger l, long id) throws LedgerException {
        return l.batches(null).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aReplaceTakesTheOldBatchsEntriesOutAndMarksItReplacedByTheNewOne(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            long first = batch(l, P5, "k1", List.of("E1", "E2"), List.of(item("hire", "1000.00", true)));
            long other = batch(l, P4, "k0", List.of("E1"), List.of(item("training", "300.00", true)));
            long replacing = batch(l, TestLedgers.replacing(P5, first, "headcount was wrong"), "k1", List.of("E2"),
                    List.of(item("hire", "900.00", true)));
            assertEquals(List.of(1L, 2L, 3L), List.of(first, other, replacing));
            assertEquals(Map.of(
                    "E1", new Prior(List.of(entry("training", P4, 2, "300.00"))),
                    "E2", new Prior(List.of(entry("hire", P5, 3, "900.00")))), read(l, "E1", "E2"),
                    "batch 1's entries are gone; batch 2's stay; batch 3's are added");
            BatchInfo old = batchInfo(l, 1);
            assertEquals("replaced", old.state());
            assertEquals(3L, old.replacedBy());
            BatchInfo now = batchInfo(l, 3);
            assertEquals("counted", now.state());
            assertEquals(1L, now.replaces());
            assertEquals("headcount was wrong", now.reason());
            Ledger.Change replace = l.changes().get(2);
            assertEquals(List.of(3L, "replace", 1L, "headcount was wrong"),
                    List.of(replace.seq(), replace.what(), replace.batch(), replace.reason()));
            assertEquals(4, l.state());
            assertEquals(2, l.history().ofBatch(1).size(), "the replaced batch's payments stay, as history");
            assertCacheIsHistory(l, "E1", "E2");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aReplaceIsRefusedForABatchThatIsNotACountedCalcOfThePeriod(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            long first = batch(l, P5, "k1", List.of("E1"), List.of(item("hire", "1000.00", true)));
            long imported = new Corrections(l).importPayments(List.of(new Corrections.Paid("E2", "hire", "2021-03",
                    new BigDecimal("500.00"), null)), "paid.csv", "sha-1", "before the ledger");
            batch(l, TestLedgers.replacing(P5, first, null), "k2", List.of("E1"), List.of(item("hire", "1.00", true)));
            long state = l.state();
            for (var c : List.of(
                    List.of(TestLedgers.replacing(P5, first, null), "was replaced by batch 3 already"),
                    List.of(TestLedgers.replacing(P5, imported, null), "is an import"),
                    List.of(TestLedgers.replacing(P4, 3, null), "is of period 2022-05, not 2022-04"),
                    List.of(TestLedgers.replacing(P5, 99, null), "has no batch 99"))) {
                LedgerException e = assertThrows(LedgerException.class, () -> l.begin((LedgerRun.Request) c.get(0)));
                assertEquals(LedgerException.Kind.NOT_FOUND, e.kind(), e.getMessage());
                assertTrue(e.getMessage().contains((String) c.get(1)), e.getMessage());
            }
            assertEquals(state, l.state(), "nothing changed");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aVoidOfOneEntitysEntryTakesOutOnlyThatEntitysEntries(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            Corrections corrections = new Corrections(l);
            long b1 = batch(l, P4, "k1", List.of("E1", "E2"),
                    List.of(item("hire", "1000.00", true), item("training", "300.00", true), item("rent", "5.00", false)));
            long b2 = batch(l, P5, "k2", List.of("E1"), List.of(item("hire", "700.00", true)));

            assertEquals(1, corrections.voidEntries(b1, "E1", null, "returned by the bank"));
            assertEquals(Map.of(
                    "E1", new Prior(List.of(entry("hire", P5, b2, "700.00"))),
                    "E2", new Prior(List.of(entry("hire", P4, b1, "1000.00"), entry("training", P4, b1, "300.00")))),
                    read(l, "E1", "E2"), "E1's entries of batch 1 only");
            assertEquals(1, corrections.voidEntries(b1, "E2", "training", "certificate withdrawn"));
            assertEquals(new Prior(List.of(entry("hire", P4, b1, "1000.00"))), read(l, "E2").get("E2"),
                    "only the program named");
            assertEquals("counted", batchInfo(l, b1).state(), "the batch still counts");
            Ledger.Change last = l.changes().get(l.changes().size() - 1);
            assertEquals(List.of("void", b1, "E2", "training", "certificate withdrawn"),
                    List.of(last.what(), last.batch(), last.entity(), last.program(), last.reason()));
            assertEquals(4, l.state());
            assertEquals(2, l.history().ofBatch(b1).size(), "the payments stay, as history");
            assertCacheIsHistory(l, "E1", "E2");

            // an entry the batch did not pay
            for (var asked : List.of(List.of("E3", ""), List.of("E1", "skills"))) {
                String program = asked.get(1).isEmpty() ? null : asked.get(1);
                LedgerException e = assertThrows(LedgerException.class,
                        () -> corrections.voidEntries(b2, asked.get(0), program, "why"));
                assertEquals(LedgerException.Kind.NOT_FOUND, e.kind());
                assertTrue(e.getMessage().contains("batch " + b2 + " paid " + asked.get(0) + " nothing"), e.getMessage());
            }
            assertEquals(4, l.state());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aVoidOfABatchMarksItVoidedAndTakesOutAllItsEntries(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            Corrections corrections = new Corrections(l);
            long b1 = batch(l, P4, "k1", List.of("E1", "E2", "E3"),
                    List.of(item("hire", "1000.00", true), item("rent", "5.00", false)));
            long b2 = batch(l, P5, "k2", List.of("E1"), List.of(item("hire", "700.00", true)));
            assertEquals(3, corrections.voidEntries(b1, null, null, "clawback"), "three entities touched");
            assertEquals(Map.of("E1", new Prior(List.of(entry("hire", P5, b2, "700.00")))), read(l, "E1", "E2", "E3"),
                    "E2 and E3 had only batch 1's entries: they are gone from entity_state");
            BatchInfo voided = batchInfo(l, b1);
            assertEquals("voided", voided.state());
            assertNull(voided.reason(), "the batch keeps its own reason (none); the void's is the change's");
            Ledger.Change change = l.changes().get(l.changes().size() - 1);
            assertEquals("void", change.what());
            assertEquals("clawback", change.reason());
            assertNull(voided.replacedBy());
            assertEquals(3, l.state());
            assertCacheIsHistory(l, "E1", "E2", "E3");
            LedgerException again = assertThrows(LedgerException.class,
                    () -> corrections.voidEntries(b1, null, null, "twice"));
            assertEquals(LedgerException.Kind.NOT_FOUND, again.kind());
            assertEquals("batch 1 was voided already; it does not count", again.getMessage());
            LedgerException entity = assertThrows(LedgerException.class,
                    () -> corrections.voidEntries(b1, "E1", null, "after the batch"));
            assertEquals(LedgerException.Kind.NOT_FOUND, entity.kind());
            assertEquals(3, l.state());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void voidingABatchTheLedgerDoesNotHaveIsRefusedNotFound(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            LedgerException e = assertThrows(LedgerException.class,
                    () -> new Corrections(l).voidEntries(7, null, null, "why"));
            assertEquals(LedgerException.Kind.NOT_FOUND, e.kind());
            assertTrue(e.usage(), "exit 2: the user named a batch that is not there");
            assertEquals("the ledger has no batch 7; subsidy ledger list shows its batches", e.getMessage());
            assertEquals(0, l.state());
            assertEquals(List.of(), l.changes());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anImportCountsItsPaymentsAndTheSameFileImportedAgainIsRefusedDuplicate(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            Corrections corrections = new Corrections(l);
            List<Corrections.Paid> rows = List.of(
                    new Corrections.Paid("E1", "hire", "2021-03", new BigDecimal("500.00"), null),
                    new Corrections.Paid("E2", "rent", "2021-05", new BigDecimal("1200.00"), new BigDecimal("3")),
                    new Corrections.Paid("E1", "training", "2021-11", new BigDecimal("300.00"), null));
            long id = corrections.importPayments(rows, "paid-2021.csv", "sha-a", "paid before the ledger");
            assertEquals(1, id);
            BatchInfo b = batchInfo(l, id);
            assertEquals(List.of("import", "2021-03..2021-11", "counted", "none", 2L, "2000.00", "sha-a"),
                    List.of(b.kind(), b.period(), b.state(), b.files(), b.entities(), b.total(), b.contentKey()));
            assertEquals(Map.of(
                    "E1", new Prior(List.of(entry("hire", "2021-03", 1, "500.00"), entry("training", "2021-11", 1, "300.00"))),
                    "E2", new Prior(List.of(new Entry("rent", "2021-05", 1, new BigDecimal("1200.00"), new BigDecimal("3"))))),
                    read(l, "E1", "E2"));
            assertCacheIsHistory(l, "E1", "E2");

            LedgerException e = assertThrows(LedgerException.class,
                    () -> corrections.importPayments(rows, "copy-of-paid-2021.csv", "sha-a", "again"));
            assertEquals(LedgerException.Kind.DUPLICATE, e.kind());
            assertTrue(e.getMessage().startsWith("copy-of-paid-2021.csv was imported already, as batch 1 on "),
                    e.getMessage());
            assertEquals(1, l.state(), "nothing recorded");
            assertEquals(1, l.batches(null).size());

            // once the first import is voided, the file may be imported again
            corrections.voidEntries(1, null, null, "imported with the wrong amounts");
            assertEquals(2, corrections.importPayments(rows.subList(0, 1), "paid-2021.csv", "sha-a", "again"));
            assertEquals(Map.of("E1", new Prior(List.of(entry("hire", "2021-03", 2, "500.00")))), read(l, "E1", "E2"));
            assertCacheIsHistory(l, "E1", "E2");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void inputsRecordedForThePeriodAlreadyAreRefusedDuplicateAndNothingIsRecorded(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            batch(l, P5, "k1", List.of("E1"), List.of(item("hire", "1000.00", true)));
            LedgerException e = assertThrows(LedgerException.class,
                    () -> batch(l, P5, "k1", List.of("E2"), List.of(item("hire", "1000.00", true))));
            assertEquals(LedgerException.Kind.DUPLICATE, e.kind());
            assertTrue(e.getMessage().startsWith("these inputs were recorded for 2022-05 already, as batch 1 on "),
                    e.getMessage());
            assertEquals(1, l.state());
            assertEquals(Map.of(), read(l, "E2"), "the refused batch's rows are not there");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDryRunOfInputsRecordedAlreadyComputesAndRecordsNothing(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            batch(l, P5, "k1", List.of("E1"), List.of(item("hire", "1000.00", true)));
            LedgerRun.Request dry = new LedgerRun.Request(P5, "test-policy", "0".repeat(64), null, null, null, null,
                    null, true);
            try (LedgerRun run = l.begin(dry)) {
                TestLedgers.pay(run, "E1", P5, List.of(item("hire", "1000.00", true)));
                run.finish(TestLedgers.finish("k1", 1, new BigDecimal("1000.00")));
                run.commit();
                assertTrue(!run.recorded());
            }
            assertEquals(1, l.state());
            assertEquals(1, l.batches(null).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aVoidOfABatchWithAProgramNamedKeepsWhatARunReadsEqualToTheHistory(Backend backend) throws Exception {
        try (Ledger l = open(ledgers.fresh(backend))) {
            long b1 = batch(l, P5, "k1", List.of("E1"),
                    List.of(item("hire", "1000.00", true), item("training", "300.00", true)));
            try {
                new Corrections(l).voidEntries(b1, null, "hire", "only the hiring subsidy");
            } catch (LedgerException refused) {
                assertTrue(refused.usage(), refused.getMessage());
            }
            assertCacheIsHistory(l, "E1");
        }
    }

    @Test
    void aBatchsPaymentsAreListedInRowOrderAndAnEntitysAcrossBatches() throws Exception {
        try (Ledger l = open(ledgers.fresh(Backend.SQLITE))) {
            batch(l, P4, "k1", List.of("E2", "E1"), List.of(item("hire", "1.00", true)));
            batch(l, P5, "k2", List.of("E1"), List.of(item("rent", "2.00", false)));
            assertEquals(List.of("E2", "E1"), l.history().ofBatch(1).stream().map(History.Payment::entity).toList());
            assertEquals(List.of(List.of(1L, P4, List.of(item("hire", "1.00", true))),
                    List.of(2L, P5, List.of(item("rent", "2.00", false)))),
                    l.history().of("E1").stream().map(p -> List.of(p.batch(), p.period(), p.items())).toList());
        }
    }
}
