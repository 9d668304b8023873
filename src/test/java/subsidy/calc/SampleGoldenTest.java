package subsidy.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.cli.Main;

/**
 * End to end: calc on the shipped samples must reproduce the checked-in outputs byte for byte.
 * The expected amounts were worked out by hand from SPEC §4 (samples/README.md lists them).
 */
class SampleGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path out;

    static int calc(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static void assertSameFile(Path expected, Path actual) throws IOException {
        assertEquals(Files.readString(expected), Files.readString(actual), actual.getFileName() + " differs");
    }

    @Test
    void firmsSampleGivesTheExpectedReport() throws IOException {
        assertEquals(0, calc("calc", "--as-of", "2022-06-30", "--input", "samples/firms.csv", "--out", out.toString(), "--details"));
        for (String f : List.of("report.csv", "rejected.csv", "summary.csv", "details.csv", "size_check.csv")) {
            assertSameFile(GOLDEN.resolve("firms").resolve(f), out.resolve(f));
        }
    }

    @Test
    void messySampleRejectsEveryBadRowWithItsReason() throws IOException {
        assertEquals(1, calc("calc", "--as-of", "2022-06-30", "--input", "samples/messy.csv", "--out", out.toString()));
        for (String f : List.of("report.csv", "rejected.csv", "summary.csv", "size_check.csv")) {
            assertSameFile(GOLDEN.resolve("messy").resolve(f), out.resolve(f));
        }
    }

    /**
     * The same runs in Chinese (--lang zh): headers, coded values, notes, reasons, citations and the
     * public-notice list with its title, 序号 and 合计 row. The amounts are those of the English files.
     */
    @Test
    void firmsSampleInChineseGivesTheExpectedFiles() throws IOException {
        assertEquals(0, calc("calc", "--lang", "zh", "--as-of", "2022-06-30", "--input", "samples/firms.csv",
                "--out", out.toString(), "--details", "--period", "2022-06", "--notice",
                out.resolve("notice.csv").toString()));
        for (String f : List.of("report.csv", "rejected.csv", "summary.csv", "details.csv", "size_check.csv",
                "notice.csv")) {
            assertSameFile(GOLDEN.resolve("firms-zh").resolve(f), out.resolve(f));
        }
    }

    @Test
    void messySampleInChineseRejectsEveryBadRowWithItsReason() throws IOException {
        assertEquals(1, calc("calc", "--lang", "zh", "--as-of", "2022-06-30", "--input", "samples/messy.csv",
                "--out", out.toString()));
        for (String f : List.of("report.csv", "rejected.csv", "summary.csv", "size_check.csv")) {
            assertSameFile(GOLDEN.resolve("messy-zh").resolve(f), out.resolve(f));
        }
    }

    @Test
    void gbkInputWithChineseHeadersAndValuesGivesTheSameReport() throws IOException {
        Path gbk = out.resolve("firms-gbk.csv");
        Files.write(gbk, ChineseSample.translate(Files.readString(Path.of("samples/firms.csv")))
                .getBytes(Charset.forName("GBK")));
        Path dir = out.resolve("gbk");
        assertEquals(0, calc("calc", "--as-of", "2022-06-30", "--input", gbk.toString(), "--out", dir.toString()));
        assertSameFile(GOLDEN.resolve("firms/report.csv"), dir.resolve("report.csv"));
    }

    @Test
    void utf8WithBomAndCrlfLineEndsGivesTheSameReport() throws IOException {
        Path bom = out.resolve("firms-bom.csv");
        String text = Files.readString(Path.of("samples/firms.csv")).replace("\r\n", "\n").replace("\n", "\r\n");
        Files.writeString(bom, "\uFEFF" + text);
        Path dir = out.resolve("bom");
        assertEquals(0, calc("calc", "--as-of", "2022-06-30", "--input", bom.toString(), "--out", dir.toString()));
        assertSameFile(GOLDEN.resolve("firms/report.csv"), dir.resolve("report.csv"));
    }
}
