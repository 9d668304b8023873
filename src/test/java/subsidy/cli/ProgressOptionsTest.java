package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.CommandLineRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun.Result;

/** calc's --progress and --quiet through {@link Main#run}; under the tests standard error is not a terminal. */
class ProgressOptionsTest {
    private static final Path FIRMS = Path.of("samples/firms.csv");
    private static final Path MESSY = Path.of("samples/messy.csv");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    @Test
    void progressAndQuietTogetherAreAUsageError() {
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(), "--progress", "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--progress") && r.err().contains("--quiet"), "names both options: " + r.err());
        assertFalse(Files.exists(out.resolve("report.csv")));
    }

    @Test
    void progressDrawsTheFinalRowCountOnStandardErrorEvenWhenItIsNotATerminal() {
        // --policy: the bundled policy's warning about its example lists would come first
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", tmp.resolve("out").toString(), "--progress",
                "--policy", "config/policy.yaml");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("\rsubsidy: 47 rows in "), "the progress line comes first: " + r.err());
        String progressLine = r.err().substring(0, r.err().indexOf(NL) + NL.length());
        assertTrue(progressLine.matches("\rsubsidy: 47 rows in \\d+:\\d\\d( · [\\d,]+ rows/s)?" + NL),
                "one line with the count, time taken and rate: " + progressLine);
        assertTrue(r.err().substring(progressLine.length()).startsWith("subsidy: 47 rows read"),
                "the summary follows on a line of its own: " + r.err());
    }

    @Test
    void withProgressEveryRejectedRowStillStartsALineOfItsOwn() {
        Result r = run("calc", "--as-of", "2022-06-30", "--input", MESSY.toString(), "--progress");
        assertEquals(1, r.exit(), r.err());
        assertEquals(18, r.err().lines().filter(l -> l.startsWith("rejected: ")).count(), r.err());
        assertEquals(18, r.err().split("rejected: ", -1).length - 1, "and nowhere else: " + r.err());
    }

    @Test
    void withoutEitherOptionANonTerminalGetsNoProgress() {
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", tmp.resolve("out").toString(),
                "--policy", "config/policy.yaml"); // without the bundled policy's warning
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("\r"), "no progress line: " + r.err());
        assertTrue(r.err().startsWith("subsidy: 47 rows read"), r.err());
    }

    @Test
    void quietHidesOnlyTheProgressNotTheSummary() {
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("\r"), "no progress line: " + r.err());
        assertTrue(r.err().contains("subsidy: 47 rows read") && r.err().contains("subsidy: wrote"), r.err());
    }
}
