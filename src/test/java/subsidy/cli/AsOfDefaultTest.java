package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.CommandLineRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun.Result;
import subsidy.policy.Policy;

/**
 * Which date a command reads the policy on without --as-of (issue 18): the last day of --period when
 * given, else today (the local date), or, when all its programs ended before today, its last day in force,
 * said in a warning; a policy with no dated values stays undated. Only the tests named
 * "…Today…" read the clock, and they accept either side of a midnight passed during the run.
 */
class AsOfDefaultTest {
    @TempDir
    Path tmp;

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    @Test
    void calcWithoutAsOfOrPeriodReadsAPolicyWhoseProgramsAllEndedOnItsLastDayAndSaysSo() throws IOException {
        // A newcomer's first run on the sample: the bundled 2022 plans, read today (2026), ended on 2022-12-31.
        Path out = tmp.resolve("first");
        LocalDate before = LocalDate.now();
        Result r = run("calc", "--input", "samples/firms.csv", "--out", out.toString());
        LocalDate after = LocalDate.now();
        assertEquals(0, r.exit(), r.err());
        assertEquals("2022-12-31", manifest(out).path("as_of").asText(), "the day it was read on, recorded");
        boolean said = false;
        for (LocalDate today : List.of(before, after)) {
            said |= r.err().contains("subsidy: warning: no program of policy yunnan-2022-default is in force today ("
                    + today + "), all having ended: read as in force on its last day, 2022-12-31; give --as-of (or "
                    + "--period) for another date");
        }
        assertTrue(said, r.err());
        // The same report as the date given by hand.
        Path given = tmp.resolve("given");
        assertEquals(0, run("calc", "--input", "samples/firms.csv", "--out", given.toString(), "--as-of", "2022-12-31")
                .exit());
        assertEquals(Files.readString(given.resolve("report.csv")), Files.readString(out.resolve("report.csv")));
    }

    @Test
    void aDatedPolicyWithoutAsOfIsReadOnItsLastDayOnlyWhenEveryProgramEndedBeforeToday() throws Exception {
        String program = """
                  %s:
                    kind: fixed
                    title: %s
                    limit: {kind: none}
                    source: [{seed: s, words: w}]
                    %s
                    amount: 1
                """;
        String head = "id: dated\ntitle: t\nsources:\n  s: {file: s.txt, title: s}\nprograms:\n";
        Path ended = Files.writeString(tmp.resolve("ended.yaml"), head + program.formatted("a", "a", "valid_to: 2020-12-31")
                + program.formatted("b", "b", "valid_to: 2021-06-30"));
        Path later = Files.writeString(tmp.resolve("later.yaml"), head + program.formatted("a", "a", "valid_to: 2020-12-31")
                + program.formatted("b", "b", "valid_from: 2023-01-01"));
        LocalDate today = LocalDate.of(2026, 12, 7);
        Policy p = Inputs.policy(ended, null, () -> today);
        assertEquals(LocalDate.of(2021, 6, 30), p.asOf(), "the last day any program was in force");
        assertTrue(Inputs.ended(p, today, subsidy.text.Texts.EN).contains("read as in force on its last day, 2021-06-30"));
        // One program still to come (or in force today): nothing has ended, so nothing is chosen for the clerk.
        subsidy.policy.PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(
                subsidy.policy.PolicyException.class, () -> Inputs.policy(later, null, () -> LocalDate.of(2022, 6, 30)));
        assertTrue(e.getMessage().contains("no program is in force on 2022-06-30"), e.getMessage());
        assertEquals(LocalDate.of(2023, 1, 1), Inputs.policy(later, null, () -> LocalDate.of(2023, 1, 1)).asOf());
        assertEquals(null, Inputs.ended(Inputs.policy(later, null, () -> today), today, subsidy.text.Texts.EN),
                "read on today: nothing to tell");
    }

    @Test
    void theManifestRecordsTodayWhenTheDateIsDefaulted() throws IOException {
        Path out = tmp.resolve("national");
        LocalDate before = LocalDate.now();
        Result r = run("calc", "--input", "samples/national-ui-refund.csv", "--policy",
                "config/national-ui-refund.yaml", "--out", out.toString());
        LocalDate after = LocalDate.now();
        assertEquals(0, r.exit(), r.err());
        String asOf = manifest(out).path("as_of").asText();
        assertTrue(asOf.equals(before.toString()) || asOf.equals(after.toString()), asOf);
    }

    @Test
    void aPolicyWithNoDatedValuesStaysUndatedWithoutAsOf() throws IOException {
        Path out = tmp.resolve("tiered");
        Result r = run("calc", "--input", "samples/tiered-stable-job.csv", "--policy", "config/tiered-stable-job.yaml",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(manifest(out).path("as_of").isNull(), manifest(out).toString());
        Result shown = run("policy", "show", "config/tiered-stable-job.yaml");
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("no dated values"), shown.out());
    }

    @Test
    void calcWithPeriodAndNoLedgerReadsThePolicyOnThePeriodsLastDay() throws IOException {
        Path out = tmp.resolve("june");
        Result r = run("calc", "--input", "samples/firms.csv", "--period", "2022-06", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("2022-06-30", manifest(out).path("as_of").asText());
    }

    @Test
    void explainWithPeriodReadsThePolicyOnThePeriodsLastDay() {
        Result r = run("explain", "--input", "samples/firms.csv", "--id", "9153040225581193XN", "--period", "2022-06");
        assertEquals(0, r.exit(), r.err());
        Result without = run("explain", "--input", "samples/firms.csv", "--id", "9153040225581193XN");
        assertEquals(0, without.exit(), without.err());
        assertTrue(without.err().contains("read as in force on its last day, 2022-12-31"), without.err());
    }

    @Test
    void verifyWithoutAsOfReadsThePolicyOnTheDateItsManifestRecords() throws IOException {
        Path out = tmp.resolve("dated");
        assertEquals(0, run("calc", "--input", "samples/firms.csv", "--as-of", "2022-06-30", "--out", out.toString())
                .exit());
        Result r = run("verify", "--input", "samples/firms.csv", "--report", out.resolve("report.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("the policy read as in force on 2022-06-30, the as_of of"), r.err());
        Result other = run("verify", "--input", "samples/firms.csv", "--report", out.resolve("report.csv").toString(),
                "--as-of", "2022-12-31");
        assertEquals(4, other.exit(), "another date is a difference of the manifest: " + other.err());
        assertTrue(other.out().contains("as_of"), other.out());
    }

    @Test
    void policyShowWithoutAsOfReadsTheBundledPolicyOnItsLastDayTodayAllItsProgramsHavingEnded() {
        Result r = run("policy", "show");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("values in force on 2022-12-31"), r.out());
        assertTrue(r.err().contains("read as in force on its last day, 2022-12-31"), r.err());
        Result dated = run("policy", "show", "--as-of", "2022-06-30");
        assertEquals(0, dated.exit(), dated.err());
        assertTrue(dated.out().contains("values in force on 2022-06-30"), dated.out());
    }

    @Test
    void versionNamesTheBundledPolicyWhateverTheDate() {
        Result r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("bundled policy: yunnan-2022-default"), r.out());
    }

    /** A policy read through a pipe is read once, then parsed undated and, as it has periods, on the date. */
    @Test
    void aDatedPolicyThroughAPipeIsReadOnce() throws Exception {
        Path fifo = tmp.resolve("policy.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        byte[] bytes = Files.readAllBytes(Path.of("config/linxia-2020.yaml"));
        Thread writer = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write(bytes);
            } catch (IOException ignored) {
                // the test fails on the policy read
            }
        });
        writer.start();
        Policy p = Inputs.policy(fifo, null, () -> LocalDate.of(2020, 6, 30));
        writer.join();
        assertEquals(LocalDate.of(2020, 6, 30), p.asOf());
        assertEquals(8, p.programs().size());
        assertEquals(List.of(), p.leftOut());
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("valid_from"));
    }
}
