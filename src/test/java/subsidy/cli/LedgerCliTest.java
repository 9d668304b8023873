package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;
import subsidy.Processes;
import subsidy.ledger.BatchInfo;
import subsidy.ledger.Ledger;

/**
 * calc --ledger as a county runs it month by month: the sample split into a May and a June list that
 * share 11 firms (the issue's own reproduction), each amount worked out from the policy by hand.
 */
class LedgerCliTest {
    /** A firm in both lists: 上年 premiums 52650.85 × 90%, 26 insured × 500, 3 months × 12800 rent, 1 graduate. */
    private static final String SHARED = "915301028489240918";

    @TempDir
    Path tmp;
    Path may;
    Path june;
    Path ledger;

    @BeforeEach
    void split() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("samples/firms.csv"), StandardCharsets.UTF_8);
        may = tmp.resolve("may.csv");
        june = tmp.resolve("june.csv");
        List<String> a = new ArrayList<>(List.of(lines.get(0)));
        a.addAll(lines.subList(1, 30));
        List<String> b = new ArrayList<>(List.of(lines.get(0)));
        b.addAll(lines.subList(19, 48));
        Files.write(may, a, StandardCharsets.UTF_8);
        Files.write(june, b, StandardCharsets.UTF_8);
        ledger = tmp.resolve("ledger.sqlite");
    }

    private Result calc(Path input, String period, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("calc", "--input", input.toString(), "--out", out.toString(),
                "--ledger", ledger.toString(), "--period", period));
        args.addAll(List.of(more));
        return CommandLineRun.run(args.toArray(String[]::new));
    }

    private static CSVRecord row(Path out, String id) throws IOException {
        return CommandLineRun.rows(out.resolve("report.csv")).stream().filter(r -> r.get("entity_id").equals(id))
                .findFirst().orElseThrow();
    }

    /** calc as a process that halts at {@code step} of its commit, as SIGKILL would stop it (exit 137). */
    private void haltedAt(String step, Path input, String period, Path out) throws Exception {
        ProcessBuilder pb = Processes.subsidy("calc", "--input", input.toString(), "--out", out.toString(), "--ledger",
                ledger.toString(), "--period", period);
        pb.command().add(1, "-Dsubsidy.test.halt-at=" + step);
        pb.redirectErrorStream(true);
        Process killed = pb.start();
        assertEquals(137, Processes.exit(killed), new String(killed.getInputStream().readAllBytes()));
    }

    private List<BatchInfo> batches() throws Exception {
        return Ledger.open(ledger.toString(), Duration.ofSeconds(5), Clock.systemUTC()).batches(null);
    }

    @Test
    void juneDoesNotPayTheOnceAYearProgramsMayPaid() throws Exception {
        Result r = calc(may, "2022-05", tmp.resolve("05"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("recorded batch 1 of 2022-05 in the ledger"), r.err());
        CSVRecord inMay = row(tmp.resolve("05"), SHARED);
        assertEquals("47385.77", inMay.get("stable_job_refund"));
        assertEquals("13000.00", inMay.get("retention_training"));
        assertEquals("38400.00", inMay.get("rent_waiver"));
        assertEquals("1500.00", inMay.get("hiring_subsidy"));

        r = calc(june, "2022-06", tmp.resolve("06"));
        assertEquals(0, r.exit(), r.err());
        CSVRecord inJune = row(tmp.resolve("06"), SHARED);
        assertEquals("0.00", inJune.get("stable_job_refund"));
        assertEquals("0.00", inJune.get("retention_training"));
        assertEquals("0.00", inJune.get("rent_waiver"));
        assertEquals("0.00", inJune.get("rent_waiver_months"));
        assertEquals("1500.00", inJune.get("hiring_subsidy"), "per head, no limit: June's new hire is paid");
        assertEquals("1500.00", inJune.get("total"));
        assertTrue(inJune.get("notes").contains("stable_job_refund: paid in 2022 already: 47385.77 in 2022-05 "
                + "(batch 1) (once a year)"), inJune.get("notes"));
        String manifest = Files.readString(tmp.resolve("06/manifest.json"));
        assertTrue(manifest.contains("\"batch\" : 2"), manifest);
        assertTrue(manifest.contains("\"computed_against\" : 1"), manifest);
        assertTrue(manifest.contains("\"as_of\" : \"2022-06-30\""), "the policy is read at the period's end");
        assertEquals(List.of("done", "done"), batches().stream().map(BatchInfo::files).toList());
    }

    @Test
    void theSameInputsForThePeriodAreRefusedAndNothingIsWritten() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        Result again = calc(may, "2022-05", tmp.resolve("05b"));
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("these inputs were recorded for 2022-05 already, as batch 1"), again.err());
        assertFalse(Files.exists(tmp.resolve("05b")));
        assertEquals(1, batches().size());
        // The same file for another month is another batch.
        assertEquals(0, calc(may, "2022-06", tmp.resolve("06")).exit());
    }

    @Test
    void theSameInputsUnderAnotherPolicyAreAnotherBatchOfThePeriod() throws Exception {
        // A county runs its list under the default policy and under another (元江's further programs, say):
        // each policy pays its own programs, so the second run is a batch of its own, not a repeat.
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        Result other = calc(may, "2022-05", tmp.resolve("05-baoshan"), "--policy", "config/baoshan-2022.yaml");
        assertEquals(0, other.exit(), other.err());
        assertEquals(2, batches().size());
        Result again = calc(may, "2022-05", tmp.resolve("05-baoshan-again"), "--policy", "config/baoshan-2022.yaml");
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("these inputs were recorded for 2022-05 already, as batch 2"), again.err());
    }

    @Test
    void replaceRecomputesTheBatchAsTheLedgerStoodWithoutItAndKeepsItAsHistory() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        byte[] first = Files.readAllBytes(tmp.resolve("05/report.csv"));
        assertEquals(0, calc(june, "2022-06", tmp.resolve("06")).exit());
        Result r = calc(may, "2022-05", tmp.resolve("05"), "--replace", "--force", "--reason", "corrected list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("recorded batch 3 of 2022-05 in the ledger"), r.err());
        Result audit = CommandLineRun.run("verify", "--input", may.toString(), "--report",
                tmp.resolve("05/report.csv").toString(), "--ledger", ledger.toString());
        assertEquals(0, audit.exit(), "recomputed without the batch it replaced: " + audit.out() + audit.err());
        Path kept;
        try (Stream<Path> sets = Files.list(tmp.resolve(".05.subsidy/previous"))) {
            kept = sets.findFirst().orElseThrow();
        }
        Result replaced = CommandLineRun.run("verify", "--input", may.toString(), "--report",
                kept.resolve("report.csv").toString(), "--ledger", ledger.toString());
        assertEquals(0, replaced.exit(), replaced.err());
        assertTrue(replaced.err().contains("batch 1 was replaced by batch 3 since: it no longer counts"), replaced.err());
        assertTrue(r.err().contains("it replaces batch 1, kept as history"), r.err());
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve("05/report.csv")),
                "recomputed as the ledger stood without batch 1: the same amounts");
        List<BatchInfo> b = batches();
        assertEquals("replaced", b.get(0).state());
        assertEquals(3L, b.get(0).replacedBy());
        assertEquals("corrected list", b.get(2).reason());
    }

    @Test
    void aDryRunComputesAgainstTheLedgerAndRecordsNothing() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        Result r = calc(june, "2022-06", tmp.resolve("06"), "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("dry run: computed against the ledger"), r.err());
        assertEquals("0.00", row(tmp.resolve("06"), SHARED).get("stable_job_refund"));
        String manifest = Files.readString(tmp.resolve("06/manifest.json"));
        assertTrue(manifest.contains("\"dry_run\" : true"), manifest);
        assertTrue(manifest.contains("\"batch\" : null"), "a dry run is no batch: " + manifest);
        assertEquals(1, batches().size());
        assertEquals(0, calc(june, "2022-06", tmp.resolve("06b")).exit(), "not recorded, so not a duplicate");
    }

    @Test
    void theSameInputsPolicyAndLedgerGiveTheSameBytes() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        Path copy = tmp.resolve("copy.sqlite");
        Files.copy(ledger, copy);
        assertEquals(0, calc(june, "2022-06", tmp.resolve("a")).exit());
        Path original = ledger;
        ledger = copy;
        assertEquals(0, calc(june, "2022-06", tmp.resolve("b")).exit());
        ledger = original;
        for (String f : List.of("report.csv", "rejected.csv", "summary.csv", "size_check.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b")
                    .resolve(f)), f);
        }
        // The manifests differ only in where the ledger is.
        assertEquals(Files.readString(tmp.resolve("a/manifest.json")).replace(original.toString(), "L"),
                Files.readString(tmp.resolve("b/manifest.json")).replace(copy.toString(), "L"));
    }

    /** Killed after the ledger committed and before the files were in place: the next run puts them there. */
    @Test
    void aRunKilledAfterTheLedgerCommittedIsFinishedByTheNextRun() throws Exception {
        Path out = tmp.resolve("05");
        haltedAt("ledger committed", may, "2022-05", out);
        assertEquals(List.of("pending"), batches().stream().map(BatchInfo::files).toList(), "recorded, files not in place");
        assertFalse(Files.exists(out.resolve("report.csv")));

        Result next = calc(june, "2022-06", tmp.resolve("06"));
        assertEquals(0, next.exit(), next.err());
        assertTrue(next.err().contains("(batch 1, recorded in the ledger); its commit is now finished"), next.err());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"batch\" : 1"));
        assertEquals(List.of("done", "done"), batches().stream().map(BatchInfo::files).toList());
        assertEquals("0.00", row(tmp.resolve("06"), SHARED).get("stable_job_refund"), "May's batch counted");
    }

    /** Killed after the journal and before the ledger's commit: the batch is not recorded, its files go. */
    @Test
    void aRunKilledBeforeTheLedgerCommittedIsUndoneByTheNextRun() throws Exception {
        Path out = tmp.resolve("05");
        haltedAt("journal", may, "2022-05", out);
        assertEquals(List.of(), batches());

        Result next = calc(may, "2022-05", out);
        assertEquals(0, next.exit(), next.err());
        assertTrue(next.err().contains("was stopped before the ledger recorded it: its files are deleted"), next.err());
        assertEquals(1, batches().size());
        assertEquals("47385.77", row(out, SHARED).get("stable_job_refund"));
        try (Stream<Path> home = Files.list(tmp.resolve(".05.subsidy"))) {
            assertEquals(List.of("lock"), home.map(f -> f.getFileName().toString()).toList());
        }
    }

    /**
     * A stopped run's batch number is taken by the next batch recorded: its files must not be put in place
     * as that batch (the review's reproduction: June killed before the ledger's commit, a late list then
     * recorded as batch 2).
     */
    @Test
    void aStoppedRunsFilesAreNeverPutInPlaceAsAnotherRunsBatch() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("may")).exit());
        haltedAt("journal", june, "2022-06", tmp.resolve("june"));
        Path late = tmp.resolve("late.csv");
        List<String> lines = Files.readAllLines(Path.of("samples/firms.csv"), StandardCharsets.UTF_8);
        List<String> l = new ArrayList<>(List.of(lines.get(0)));
        l.addAll(lines.subList(30, 40));
        Files.write(late, l, StandardCharsets.UTF_8);
        assertEquals(0, calc(late, "2022-06", tmp.resolve("june-late")).exit());
        assertEquals(2, batches().size(), "the late list took number 2");

        Result again = calc(june, "2022-06", tmp.resolve("june"));
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("was stopped before the ledger recorded it: its files are deleted"), again.err());
        assertTrue(Files.readString(tmp.resolve("june/manifest.json")).contains("\"batch\" : 3"));
    }

    @Test
    void ledgerOptionsThatDoNotGoTogetherAreUsageErrors() throws Exception {
        Path out = tmp.resolve("o").toAbsolutePath();
        assertEquals(2, CommandLineRun.run("calc", "--input", may.toString(), "--ledger", ledger.toString()).exit());
        assertEquals(2, CommandLineRun.run("calc", "--input", may.toString(), "--dry-run").exit());
        assertEquals(2, CommandLineRun.run("calc", "--input", may.toString(), "--replace").exit());
        Result month = calc(may, "2022-13", out);
        assertEquals(2, month.exit());
        assertTrue(month.err().contains("a period is a month, YYYY-MM"), month.err());
        Result pipe = CommandLineRun.run("calc", "--input", "/dev/stdin", "--out", out.toString(), "--ledger",
                ledger.toString(), "--period", "2022-05", "--replace");
        assertEquals(2, pipe.exit(), pipe.err());
        assertTrue(pipe.err().contains("name the batch, --replace=N"), pipe.err());
        assertFalse(Files.exists(ledger), "nothing made");
    }

    @Test
    void aFileThatIsNotALedgerIsRefusedUntouched() throws Exception {
        Files.writeString(ledger, "entity_id,amount\n");
        Result r = calc(may, "2022-05", tmp.resolve("05"));
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("is not a subsidy ledger (not an SQLite database); nothing was changed"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("entity_id,amount\n", Files.readString(ledger));
        assertFalse(Files.exists(tmp.resolve("05")));
    }

    @Test
    void importedPaymentsCountAndAVoidedEntryNoLongerDoes() throws Exception {
        Path earlier = tmp.resolve("earlier.csv");
        Files.writeString(earlier, "entity_id,program,period,amount,months\n"
                + SHARED + ",stable_job_refund,2022-03,47385.77,\n"
                + SHARED + ",rent_waiver,2022-03,25600.00,2\n");
        Result imported = CommandLineRun.run("ledger", "import", earlier.toString(), "--ledger", ledger.toString(),
                "--reason", "paid by hand in March");
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.err().contains("subsidy: imported 2 payment(s)"), imported.err());
        assertEquals("", imported.out(), "standard output carries data only");
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        CSVRecord r = row(tmp.resolve("05"), SHARED);
        assertEquals("0.00", r.get("stable_job_refund"));
        assertEquals("12800.00", r.get("rent_waiver"), "3 due − 2 imported = 1 month of 12800");
        assertEquals("1.00", r.get("rent_waiver_months"));

        Result voided = CommandLineRun.run("ledger", "void", "--ledger", ledger.toString(), "--batch", "1", "--entity",
                SHARED, "--program", "stable_job_refund", "--reason", "bank returned it");
        assertEquals(0, voided.exit(), voided.err());
        assertEquals(0, calc(june, "2022-06", tmp.resolve("06")).exit());
        assertEquals("47385.77", row(tmp.resolve("06"), SHARED).get("stable_job_refund"),
                "the returned payment no longer counts: June pays it");

        Result history = CommandLineRun.run("ledger", "history", SHARED, "--ledger", ledger.toString());
        assertEquals(0, history.exit(), history.err());
        Result notACode = CommandLineRun.run("ledger", "history", "123", "--ledger", ledger.toString());
        assertEquals(2, notACode.exit(), notACode.err());
        assertTrue(notACode.err().contains("is not a unified social credit code"), notACode.err());
        assertTrue(history.out().contains("voided"), history.out());
        Result bad = CommandLineRun.run("ledger", "import", earlier.toString(), "--ledger", ledger.toString(),
                "--reason", "again");
        assertEquals(2, bad.exit(), "the same file twice");
        assertTrue(bad.err().contains("was imported already, as batch 1"), bad.err());
    }

    @Test
    void anImportOfPaymentsThatWouldNotCountIsRefusedWholeNamingEachLine() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "entity_id,program,period,amount,months\n"
                + SHARED + ",rent_waivre,2022-03,38400.00,3\n"
                + SHARED + ",rent_waiver,2022-03,18000.00,\n"
                + SHARED + ",stable_job_refund,2022-03,100.00,2\n"
                + SHARED + ",stable_job_refund,2022-03\n");
        Result r = CommandLineRun.run("ledger", "import", bad.toString(), "--ledger", ledger.toString(), "--reason", "r");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("4 problem(s); nothing imported:\n"), r.err());
        assertTrue(r.err().contains("line 2: program 'rent_waivre' is not a program of yunnan-2022-default"), r.err());
        assertTrue(r.err().contains("line 3: months: blank, but rent_waiver waives months"), r.err());
        assertTrue(r.err().contains("line 4: months '2': stable_job_refund waives no months"), r.err());
        assertTrue(r.err().contains("line 5: 3 cells, the header has 5"), r.err());
        assertFalse(Files.exists(ledger), "nothing made");
        Files.writeString(bad, "entity_id,program,period,amount,months\n");
        assertEquals(3, CommandLineRun.run("ledger", "import", bad.toString(), "--ledger", ledger.toString(),
                "--reason", "r").exit(), "a header and no payments");
    }

    @Test
    void readingAMissingLedgerMakesNoneAndCalcSaysWhenItMakesOne() throws Exception {
        for (String[] read : List.of(new String[] {"ledger", "list"}, new String[] {"ledger", "history", SHARED},
                new String[] {"ledger", "export", "--batch", "1"})) {
            List<String> args = new ArrayList<>(List.of(read));
            args.addAll(List.of("--ledger", ledger.toString()));
            Result r = CommandLineRun.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("there is no ledger there (no such file)"), r.err());
            assertFalse(Files.exists(ledger), String.join(" ", read));
        }
        Result first = calc(may, "2022-05", tmp.resolve("05"));
        assertTrue(first.err().contains("note: made a new ledger, " + ledger), first.err());
        Result second = calc(june, "2022-06", tmp.resolve("06"));
        assertFalse(second.err().contains("made a new ledger"), second.err());
    }

    @Test
    void recordedInputsWithTheReportOnStandardOutputAreRefusedBeforeAnyRowIsPrinted() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        Result again = CommandLineRun.run("calc", "--input", may.toString(), "--ledger", ledger.toString(),
                "--period", "2022-05");
        assertEquals(2, again.exit(), again.err());
        assertEquals("", again.out(), "no report printed");
        assertTrue(again.err().contains("recorded for 2022-05 already, as batch 1"), again.err());
    }

    @Test
    void anEntryIsVoidedOnce() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("05")).exit());
        String[] voidIt = {"ledger", "void", "--ledger", ledger.toString(), "--batch", "1", "--entity", SHARED,
            "--reason", "clawback"};
        assertEquals(0, CommandLineRun.run(voidIt).exit());
        Result twice = CommandLineRun.run(voidIt);
        assertEquals(2, twice.exit(), twice.err());
        assertTrue(twice.err().contains("was voided already"), twice.err());
    }

    @Test
    void aSecondBatchOfThePeriodWithFirmsOfTheFirstIsWarnedOf() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("a")).exit());
        Result late = calc(june, "2022-05", tmp.resolve("b"));
        assertEquals(0, late.exit(), late.err());
        assertTrue(late.err().contains("warning: 11 entities were in another batch of 2022-05 already (" + SHARED),
                late.err());
        assertEquals("0.00", row(tmp.resolve("b"), SHARED).get("stable_job_refund"));
        Result nextMonth = calc(june, "2022-06", tmp.resolve("c"));
        assertFalse(nextMonth.err().contains("another batch"), nextMonth.err());
    }

    /**
     * The warning of a second batch of the period is about a late filing listing a firm again under the
     * same policy: the same firms in a batch of the period under another policy are not warned of.
     */
    @Test
    void aSecondBatchOfThePeriodIsWarnedOfOnlyUnderTheSamePolicy() throws Exception {
        assertEquals(0, calc(may, "2022-05", tmp.resolve("a")).exit());
        Result other = calc(june, "2022-05", tmp.resolve("b"), "--policy", "config/baoshan-2022.yaml");
        assertEquals(0, other.exit(), other.err());
        assertFalse(other.err().contains("another batch"), other.err());
        Result late = calc(june, "2022-05", tmp.resolve("c"));
        assertEquals(0, late.exit(), late.err());
        assertTrue(late.err().contains("warning: 11 entities were in another batch of 2022-05 already (" + SHARED),
                late.err());
    }

    /**
     * The yearly limits count the year of --period, not of --as-of: a claim for 2022 run as a batch of
     * 2023-01 with 2022's rules is warned of (a late claim for a year is a batch of a period of that year).
     */
    @Test
    void anAsOfInAnotherYearThanThePeriodIsWarnedOfWithALedger() throws Exception {
        String warning = "warning: --as-of 2022-12-31 is in 2022, but --period 2023-01 is in 2023: once-a-year limits "
                + "count the period's year, so this batch counts in 2023 and what batches of 2022 paid does not hold back"
                + " its once-a-year programs (stable_job_refund, retention_training); a late claim for 2022 is a batch of"
                + " a period of 2022 (e.g. --period 2022-12)";
        assertEquals(0, calc(may, "2022-12", tmp.resolve("dec"), "--as-of", "2022-12-31").exit());
        Result late = calc(june, "2023-01", tmp.resolve("jan"), "--as-of", "2022-12-31");
        assertEquals(0, late.exit(), late.err());
        assertTrue(late.err().contains(warning), late.err());
        assertEquals("47385.77", row(tmp.resolve("jan"), SHARED).get("stable_job_refund"), "2022's refund again");
        Result sameYear = calc(june, "2022-12", tmp.resolve("dec-late"), "--as-of", "2022-06-30");
        assertEquals(0, sameYear.exit(), sameYear.err());
        assertFalse(sameYear.err().contains("--period"), sameYear.err());
        assertEquals("0.00", row(tmp.resolve("dec-late"), SHARED).get("stable_job_refund"));
        assertFalse(CommandLineRun.run("calc", "--input", june.toString(), "--out", tmp.resolve("plain").toString(),
                "--as-of", "2022-12-31").err().contains("--period"), "without a ledger no limit applies");
    }
}
