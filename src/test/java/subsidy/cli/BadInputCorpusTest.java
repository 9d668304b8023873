package subsidy.cli;

import static subsidy.CommandLineRun.run;

import subsidy.CommandLineRun.Result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The messy and hostile inputs of src/test/resources/bad: each file's exact expected outcome is in
 * the EXPECTED.csv beside it. None may end in a stack trace, and every row read must be accounted for.
 */
class BadInputCorpusTest {
    private static final Path BAD = Path.of("src/test/resources/bad");

    @TempDir
    Path dir;

    static void assertNoStackTrace(Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), r.err());
    }

    @ParameterizedTest(name = "{0} → exit {1}")
    @CsvFileSource(resources = "/bad/input/EXPECTED.csv", numLinesToSkip = 1)
    void messyInputEndsAsExpected(String file, int exit, long read, long computed, long rejected, String message)
            throws IOException {
        Path out = dir.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", BAD.resolve("input").resolve(file).toString(), "--out", out.toString());
        assertNoStackTrace(r);
        assertEquals(exit, r.exit(), r.err());
        if (exit == 3) {
            assertFalse(Files.exists(out.resolve("report.csv")), "nothing is written when an input is unusable");
            assertTrue(r.err().contains(file), "the message names the file: " + r.err());
        } else {
            JsonNode rows = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("rows");
            assertEquals(List.of(read, computed, rejected),
                    List.of(rows.path("read").asLong(), rows.path("computed").asLong(), rows.path("rejected").asLong()));
        }
        String seen = exit == 3 ? r.err() : Files.readString(out.resolve("rejected.csv"));
        if (message != null) {
            assertTrue(seen.contains(message), "expected «" + message + "» in:\n" + seen);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/bad/policy/EXPECTED.csv", numLinesToSkip = 1)
    void unusablePolicyExitsThreeWithEveryProblemAndWritesNothing(String file, String message) {
        Path out = dir.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", "samples/firms.csv", "--policy", BAD.resolve("policy").resolve(file).toString(),
                "--out", out.toString());
        assertNoStackTrace(r);
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains(message), "expected «" + message + "» in:\n" + r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCellOfMegabytesIsRejectedNotComputed() throws IOException {
        Path f = dir.resolve("huge.csv");
        Files.writeString(f, "entity_id,name,entity_type,region_code,industry_code,size_class\n"
                + "91440300708461136T," + "某".repeat(2_000_000) + ",enterprise,530102,M74,small\n");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exit(), r.err());
        String rejected = Files.readString(dir.resolve("out/rejected.csv"));
        assertTrue(rejected.contains("is 2000000 characters long; at most 1000"));
    }

    @Test
    void aVeryLargePolicyIsRefused() throws IOException {
        Path p = dir.resolve("big.yaml");
        Files.writeString(p, "id: big\ndescription: " + "x".repeat(2 << 20) + "\n");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", "samples/firms.csv", "--policy", p.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("a policy may have at most"), r.err());
    }

    @Test
    void missingInputDirectoryInputAndOutputThatIsAFileExitThree() throws IOException {
        Result missing = run("calc", "--as-of", "2022-06-30", "--input", dir.resolve("nope.csv").toString());
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
        Result directory = run("calc", "--as-of", "2022-06-30", "--input", dir.toString());
        assertEquals(3, directory.exit());
        assertTrue(directory.err().contains("is a directory"), directory.err());
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Result outIsFile = run("calc", "--as-of", "2022-06-30", "--input", "samples/firms.csv", "--out", file.toString());
        assertEquals(3, outIsFile.exit());
        assertTrue(outIsFile.err().contains("is not a directory"), outIsFile.err());
        Stream.of(missing, directory, outIsFile).forEach(BadInputCorpusTest::assertNoStackTrace);
    }

    @Test
    void formulaLikeTextIsNeutralisedInTheReport() throws IOException {
        Path out = dir.resolve("out");
        run("calc", "--as-of", "2022-06-30", "--input", BAD.resolve("input/formula_in_name.csv").toString(), "--out", out.toString());
        String report = Files.readString(out.resolve("report.csv"));
        assertTrue(report.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), report);
        assertTrue(report.contains(",'@SUM(A1),"), report);
    }
}
