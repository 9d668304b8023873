package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.Sha256;

/** The conventions of command-line tools (issue 21): suggestions for a misspelt option, and more. */
class ConventionsTest {
    /** Standard error of a run that must end in a usage error. */
    private static String usageError(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCode.USAGE, Main.run(args));
            return err.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aMisspelledOptionSuggestsTheRightOne() {
        assertEquals("subsidy: Unknown option: '--inpt'; did you mean --input?\n"
                + "Try 'subsidy calc --help' for more information.\n",
                usageError("calc", "--inpt", "samples/firms.csv"));
    }

    @Test
    void aMisspelledOptionSuggestsTheRightOneInChinese() {
        assertEquals("subsidy: 无法识别的选项或参数：'--inpt'；是否应为 --input？\n"
                + "用 'subsidy calc --help --lang zh' 查看用法。\n",
                usageError("--lang", "zh", "calc", "--inpt", "samples/firms.csv"));
    }

    @Test
    void aMisspelledOptionBesideTheRightOnesSuggestsIt() {
        assertEquals("subsidy: Unknown option: '--as-off'; did you mean --as-of?\n"
                + "Try 'subsidy calc --help' for more information.\n",
                usageError("calc", "--input", "samples/firms.csv", "--as-off"));
    }

    @Test
    void aMisspelledCommandSuggestsTheRightOne() {
        assertTrue(usageError("cacl").lines().findFirst().orElse("").endsWith("; did you mean calc?"));
    }

    @Test
    void anUnknownOptionWithNothingCloseIsSaidAsBefore() {
        assertEquals("subsidy: Unknown option: '--zzzzzzzz'\nTry 'subsidy calc --help' for more information.\n",
                usageError("calc", "--input", "samples/firms.csv", "--zzzzzzzz"));
    }

    /** A command line run with {@code stdin} as its standard input. */
    private static CommandLineRun.Result withStandardInput(byte[] stdin, String... args) {
        InputStream oldIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            return CommandLineRun.run(args);
        } finally {
            System.setIn(oldIn);
        }
    }

    private static final Path SAMPLE = Path.of("samples/firms.csv");

    @Test
    void inputDashReadsStandardInput(@TempDir Path tmp) throws Exception {
        byte[] sample = Files.readAllBytes(SAMPLE);
        Path out = tmp.resolve("out");
        CommandLineRun.Result r = withStandardInput(sample, "calc", "--input", "-", "--as-of", "2022-06-30", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode input = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("inputs").get(0);
        assertEquals("-", input.path("file").asText());
        assertEquals(Sha256.of(SAMPLE), input.path("sha256").asText());
        assertEquals(47, input.path("rows_read").asInt());
        // the same report as from the file
        Path fromFile = tmp.resolve("file");
        assertEquals(0, CommandLineRun.run("calc", "--input", SAMPLE.toString(), "--as-of", "2022-06-30", "--out",
                fromFile.toString()).exit());
        assertEquals(Files.readString(fromFile.resolve("report.csv")), Files.readString(out.resolve("report.csv")));

        CommandLineRun.Result verified = withStandardInput(sample, "verify", "--input", "-", "--report",
                out.resolve("report.csv").toString());
        assertEquals(0, verified.exit(), verified.err());
        assertTrue(verified.err().contains("47 rows recomputed, 0 difference(s)"), verified.err());
    }

    @Test
    void inputDashReadsStandardInputForExplain() {
        CommandLineRun.Result r = withStandardInput(readSample(), "explain", "--input", "-", "--id",
                "9153040225581193XN", "--as-of", "2022-06-30");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("entity 9153040225581193XN 红塔区某某数码科技有限公司 — - line 2\n"), r.out());
    }

    @Test
    void inputDashTwiceIsAUsageError() {
        CommandLineRun.Result r = withStandardInput(readSample(), "calc", "--input", "-", "--input", "-", "--as-of",
                "2022-06-30", "--policy", "config/policy.yaml"); // a named policy: no warning of examples first
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: --input - (standard input) can be given once: it can be read only once\n"
                + "Try 'subsidy calc --help' for more information.\n", r.err());
    }

    private static byte[] readSample() {
        try {
            return Files.readAllBytes(SAMPLE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void versionNamesTheCommit(@TempDir Path tmp) throws Exception {
        CommandLineRun.Result r = CommandLineRun.run("--version");
        assertEquals(0, r.exit(), r.err());
        String first = r.out().lines().findFirst().orElse("");
        assertEquals("subsidy " + subsidy.Version.get() + " (commit " + subsidy.Version.commit() + ")", first);
        assertTrue(first.matches("subsidy \\S+ \\(commit ([0-9a-f]{4,40}|unknown)\\)"), first);
        String zh = CommandLineRun.run("--version", "--lang", "zh").out().lines().findFirst().orElse("");
        assertEquals("subsidy " + subsidy.Version.get() + "（提交 " + subsidy.Version.commit() + "）", zh);

        Path out = tmp.resolve("out");
        assertEquals(0, CommandLineRun.run("calc", "--input", SAMPLE.toString(), "--as-of", "2022-06-30", "--out",
                out.toString()).exit());
        JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        java.util.List<String> keys = new java.util.ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertEquals(keys.indexOf("version") + 1, keys.indexOf("commit"), keys.toString());
        assertEquals(subsidy.Version.commit(), m.path("commit").asText());
    }
}
