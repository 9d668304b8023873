package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.Processes.exit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.CommandLineRun;
import subsidy.OutputSets;
import subsidy.Processes;
import subsidy.ledger.TestLedgers.Backend;

/**
 * {@code subsidy calc --ledger L --period P --out O} killed (SIGKILL) at random instants of its run, half
 * of them anywhere and half just after the output's commit journal appears (the ledger's commit comes
 * next, then the renames): the ledger then holds the whole batch (every payment row the run computes,
 * the same as an uninterrupted run records) or nothing of it, and the next run into O puts the recorded
 * batch's files in place, its manifest naming that batch; when nothing was recorded, the next run
 * records it. Each kill is on a fresh ledger, made before the run (a kill while a ledger is being made
 * is LedgerStoreTest#aLedgerWhoseCreationWasCutShortAfterFlywayMadeItsHistoryTableIsMadeByTheNextOpen).
 * The seed is printed, so a failure can be replayed (-Dledger.kill.seed=…); -Dledger.kill.runs sets how
 * many kills per backend.
 */
class LedgerKillTest {
    private static final int ROWS = 10_000;
    private static final String PERIOD = "2022-05";

    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void killedAtAnyInstantTheLedgerHoldsTheWholeBatchOrNoneAndTheNextRunPutsItsFilesInPlace(Backend backend)
            throws Exception {
        long seed = Long.getLong("ledger.kill.seed", System.nanoTime());
        int runs = Integer.getInteger("ledger.kill.runs", 6);
        System.out.println("LedgerKillTest " + backend + " seed " + seed + ", " + runs + " runs");
        Random random = new Random(seed);
        Path tmp = ledgers.folder();
        Path input = Processes.generated(tmp.resolve("firms.csv"), ROWS, 11);

        // An uninterrupted run: what a whole batch is.
        String reference = ledgers.fresh(backend);
        TestLedgers.open(reference).close();
        Path referenceOut = tmp.resolve("reference");
        long started = System.nanoTime();
        assertEquals(0, exit(calc(input, reference, referenceOut, tmp.resolve("reference.log"))),
                () -> read(tmp.resolve("reference.log")));
        long wholeRunMillis = (System.nanoTime() - started) / 1_000_000;
        int paidRows = 0;
        for (var row : CommandLineRun.rows(referenceOut.resolve("report.csv"))) {
            if (new BigDecimal(row.get("total")).signum() != 0) {
                paidRows++;
            }
        }
        assertTrue(paidRows > ROWS / 2 && paidRows < ROWS, "most rows are paid something, not all: " + paidRows);
        List<History.Payment> whole;
        long wholeStates;
        try (Ledger l = TestLedgers.open(reference)) {
            whole = l.history().ofBatch(1);
            wholeStates = TestLedgers.count(reference, "entity_state");
        }
        // Rows that only record the months waived before the ledger (amount 0) come besides those paid.
        long beforeOnly = whole.stream().filter(p -> p.items().stream().allMatch(i -> i.amount().signum() == 0))
                .count();
        assertEquals(paidRows, whole.size() - beforeOnly, "one payment row per computed row with a nonzero amount");
        byte[] wholeReport = Files.readAllBytes(referenceOut.resolve("report.csv"));

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String ledger = ledgers.fresh(backend);
            String id;
            try (Ledger l = TestLedgers.open(ledger)) {
                id = l.id();
            }
            Path out = tmp.resolve("out-" + i);
            Path journal = tmp.resolve(".out-" + i + ".subsidy").resolve("commit");
            Path log = tmp.resolve("run-" + i + ".log");
            Process p = calc(input, ledger, out, log);
            String when;
            if (i % 2 == 0) {
                // Anywhere in the run (the time a whole run took last, which follows the machine's load).
                long delay = (long) (wholeRunMillis * random.nextDouble());
                Thread.sleep(delay);
                when = "at " + delay + " ms";
            } else {
                // In the commit: once its journal is written, the ledger's commit and the renames follow.
                // 0: at once (before the ledger's commit, mostly); up to 3 ms; up to 30 ms (in the renames)
                int spread = new int[] {0, 3, 30}[i / 2 % 3];
                long after = spread == 0 ? 0 : random.nextInt(spread);
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!Files.exists(journal) && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(0, 200_000);
                }
                boolean sawJournal = Files.exists(journal);
                if (after > 0) {
                    Thread.sleep(after);
                }
                when = sawJournal ? after + " ms after its journal was written" : "(its journal was not seen)";
            }
            Processes.signal(p, "KILL");
            int killed = exit(p);

            boolean recorded;
            try (Ledger l = TestLedgers.open(ledger)) {
                List<BatchInfo> batches = l.batches(null);
                recorded = !batches.isEmpty();
                String what = "kill " + i + " " + when + " (exit " + killed + "): "
                        + (recorded ? "batch recorded" : "nothing recorded");
                seen.add(what);
                if (recorded) {
                    assertEquals(1, batches.size(), what);
                    assertEquals(1, batches.get(0).id(), what);
                    assertEquals(1, l.state(), what);
                    assertEquals(whole, l.history().ofBatch(1), what + ": the whole batch, every payment row");
                    assertEquals(wholeStates, TestLedgers.count(ledger, "entity_state"), what);
                } else {
                    assertEquals(0, l.state(), what);
                    assertEquals(0, TestLedgers.count(ledger, "payment"), what + ": no payment row of an unrecorded batch");
                    assertEquals(0, TestLedgers.count(ledger, "entity_state"), what);
                }
            }

            Path nextLog = tmp.resolve("next-" + i + ".log");
            long nextStarted = System.nanoTime();
            int next = exit(calc(input, ledger, out, nextLog));
            wholeRunMillis = (System.nanoTime() - nextStarted) / 1_000_000;
            String said = read(nextLog);
            // recorded already: the same inputs again are refused (exit 2), after the files are put in place
            assertEquals(recorded ? 2 : 0, next, seen.get(i) + "; the next run said: " + said);
            try (Ledger l = TestLedgers.open(ledger)) {
                List<BatchInfo> batches = l.batches(null);
                assertEquals(1, batches.size(), said);
                assertEquals("done", batches.get(0).files(), "the batch's files are confirmed in place: " + said);
                assertEquals(whole, l.history().ofBatch(1));
            }
            JsonNode manifest = assertWhole(out);
            assertEquals(1, manifest.path("ledger").path("batch").asLong(), "the manifest names the batch: " + said);
            assertEquals(id, manifest.path("ledger").path("id").asText());
            assertTrue(java.util.Arrays.equals(wholeReport, Files.readAllBytes(out.resolve("report.csv"))),
                    "the report is the uninterrupted run's");
        }
        System.out.println(String.join("\n", seen));
    }

    private static Process calc(Path input, String ledger, Path out, Path log) throws IOException {
        return Processes.subsidy("calc", "--input", input.toString(), "--ledger", ledger, "--period", PERIOD,
                "--out", out.toString(), "--force", "--quiet", "--ledger-wait", "30").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** O is one whole set: exactly the files its manifest lists, each with the SHA-256 listed. */
    private static JsonNode assertWhole(Path out) throws IOException {
        return OutputSets.assertWhole(out, ROWS);
    }
}
