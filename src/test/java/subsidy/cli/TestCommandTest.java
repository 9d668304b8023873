package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;

/** {@code subsidy test}: what it prints and its exit codes (0 all pass, 1 some fail, 3 a file unusable). */
class TestCommandTest {
    @TempDir
    Path tmp;

    /** The shipped tiered policy's case file, copied beside a copy of its policy, with {@code edit} applied. */
    private Path copy(String from, String to) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tests"));
        Files.copy(Path.of("config/tiered-stable-job.yaml"), tmp.resolve("tiered-stable-job.yaml"));
        Path cases = dir.resolve("tiered-stable-job.yaml");
        String text = Files.readString(Path.of("config/tests/tiered-stable-job.yaml"), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(cases, text.replace(from, to).replace("../../samples/", Path.of("samples").toAbsolutePath() + "/"),
                StandardCharsets.UTF_8);
        return cases;
    }

    @Test
    void theShippedCasesPass() {
        Result r = CommandLineRun.run("test", "config/tests/");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("\n  PASS a layoff rate of exactly 4% is paid 30% (inclusive reading)\n"), r.out());
        assertTrue(r.out().matches("(?s).*\n\\d+ passed, 0 failed\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aDeliberatelyWrongAmountFailsWithExit1AndATable() throws Exception {
        Path cases = copy("{stable_job_subsidy: 3000.00}", "{stable_job_subsidy: 3000.01}");
        Result r = CommandLineRun.run("test", cases.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  FAIL a layoff rate just above 3% is paid 30%  (" + cases + ", line "), r.out());
        assertTrue(r.out().contains("       program             field   expected  computed\n"
                + "       stable_job_subsidy  amount  3000.01   3000.00\n"), r.out());
        assertTrue(r.out().endsWith("15 passed, 2 failed\n"), r.out()); // the exactly-4% case has 3000.00 too
        assertFalse(r.out().contains("subsidy.cases"), "no class names");
    }

    @Test
    void anUnusableFileIsExit3NamingTheLineAndTheOthersStillRun() throws Exception {
        Path cases = copy("as_of: 2022-06-30", "as_of: 2022-06-31");
        Result r = CommandLineRun.run("test", cases.toString(), "config/tests/baoshan-2022.yaml");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("subsidy: " + cases + ": 1 problem(s):\n  as_of (line 7): '2022-06-31' is not a calendar date\n"), r.err());
        assertTrue(r.out().contains("PASS rent_waiver: a lease of exactly 3 months is not pro-rated"), r.out());
        assertTrue(r.out().endsWith(" passed, 0 failed; some case files are unusable (see above)\n"), r.out());
        assertEquals(3, CommandLineRun.run("test", tmp.resolve("none.yaml").toString()).exit());
    }

    /**
     * A case file of a dated policy without as_of is told a date on which its policy is in force (益阳's
     * programs are 2019's), and when the policy is in force, not a date of another year's plans.
     */
    @Test
    void theAsOfSuggestedForACaseFileIsADayItsPolicyIsInForce() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tests"));
        Files.copy(Path.of("config/yiyang-2019.yaml"), tmp.resolve("yiyang-2019.yaml"));
        Path cases = dir.resolve("yiyang-2019.yaml");
        String text = Files.readString(Path.of("config/tests/yiyang-2019.yaml"), StandardCharsets.UTF_8);
        assertTrue(text.contains("as_of: 2019-12-31\n"));
        Files.writeString(cases, text.replace("as_of: 2019-12-31\n", "").replace("../../samples/",
                Path.of("samples").toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        Result r = CommandLineRun.run("test", cases.toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("as_of: the policy " + tmp.resolve("yiyang-2019.yaml")
                + " has dated values or programs in force for a while; its programs are in force from 2019-01-01 to "
                + "2019-12-31; give the date its cases are computed on, as 'as_of: 2019-12-31' at the top of this file"
                + " (or in a case)"), r.err());
        assertFalse(r.err().contains("2022"), r.err());
    }
}
