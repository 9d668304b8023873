package subsidy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.cli.Main;
import subsidy.input.EncodingDetector;

/**
 * A Chinese report handed to verify without the manifest.json it was written with (sent by mail, copied
 * alone): verify reads the language from the report's own header and recomputes in it, rather than
 * taking the Chinese header for a file that is no report.
 */
class ChineseReportWithoutManifestTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run subsidy(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path chineseReportAlone() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, subsidy("calc", "--lang", "zh", "--as-of", "2022-06-30", "--input", "samples/firms.csv",
                "--out", out.toString()).code());
        Path alone = Files.createDirectories(dir.resolve("mailed")).resolve("report.csv");
        Files.copy(out.resolve("report.csv"), alone);
        return alone;
    }

    @Test
    void aChineseReportWithoutItsManifestIsVerifiedInChinese() throws Exception {
        Path report = chineseReportAlone();
        Run r = subsidy("verify", "--as-of", "2022-06-30", "--input", "samples/firms.csv", "--report",
                report.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("47"), r.err());
    }

    @Test
    void aChineseReportResavedAsGbkWithoutItsManifestNamesWhatDiffers() throws Exception {
        Path report = chineseReportAlone();
        String text = Files.readString(report, StandardCharsets.UTF_8).replace("\uFEFF", "");
        // One amount changed by hand, then saved as GBK as a Chinese Excel does.
        String changed = text.replaceFirst("71312\\.85", "71313.85");
        assertTrue(!changed.equals(text));
        Files.write(report, changed.getBytes(EncodingDetector.GBK));
        Run r = subsidy("verify", "--as-of", "2022-06-30", "--input", "samples/firms.csv", "--report",
                report.toString());
        assertEquals(4, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("9153040225581193XN,失业保险稳岗返还,71313.85,71312.85"), r.out());
    }
}
