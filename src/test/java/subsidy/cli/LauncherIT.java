package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.Processes.exit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.Processes;

/** The packaged launcher, target/subsidy, as cron and a clerk's shell run it (failsafe: after package). */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target/subsidy").toAbsolutePath();

    @TempDir
    Path tmp;

    /**
     * Under LC_ALL=C a Chinese file name reaches Java as question marks unless the launcher fixes the
     * locale. The name is made by the shell from its bytes, so this test does not depend on the
     * locale of the JVM running it.
     */
    @Test
    void aChineseFileNameIsReadUnderTheCLocale() throws Exception {
        Path firms = Path.of("samples/firms.csv").toAbsolutePath();
        String script = "name=\"$(printf '\\344\\274\\201\\344\\270\\232')\"\n" // 企业
                + "cp '" + firms + "' \"$name.csv\"\n"
                + "LC_ALL=C LANG= '" + LAUNCHER + "' calc --input \"$name.csv\" --as-of 2022-06-30 --out \"$name\" --quiet\n"
                + "code=$?; test -f \"$name/report.csv\" && echo report-written; exit $code\n";
        Process p = new ProcessBuilder("sh", "-c", script).directory(tmp.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, exit(p), said);
        assertTrue(said.contains("report-written"), said);
        assertFalse(said.contains("cannot be used"), said);
    }

    /**
     * On Java 24 and newer, a ledger run through {@code java -jar} (target/subsidy, subsidy.bat) loads the
     * SQLite driver's native library without a warning to the clerk: the jar's manifest enables native
     * access. Run where a Java 25 is installed beside the build's (this project's machines; else skipped).
     */
    @Test
    void aLedgerRunOnJava25ByJavaJarPrintsNoWarning() throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java25), "no Java 25 at " + java25);
        Process p = new ProcessBuilder(java25.toString(), "-jar", Path.of("target/subsidy.jar").toAbsolutePath().toString(),
                "calc", "--input", Path.of("samples/firms.csv").toAbsolutePath().toString(), "--period", "2022-06",
                "--ledger", tmp.resolve("l.sqlite").toString(), "--out", tmp.resolve("out").toString(), "--quiet")
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, exit(p), said);
        assertFalse(said.contains("WARNING"), said);
    }

    /** Ctrl-\ (SIGQUIT) makes the JVM print a thread dump: into standard error, never into the report. */
    @Test
    void aThreadDumpOnSigquitGoesToStandardErrorNotIntoTheReport() throws Exception {
        Path big = Processes.generated(tmp.resolve("big.csv"), 300_000, 3);
        Path report = tmp.resolve("report.csv");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(LAUNCHER.toString(), "calc", "--as-of", "2022-06-30", "--input", big.toString(), "--quiet")
                .redirectOutput(report.toFile()).redirectError(err.toFile()).start();
        while (Files.size(report) == 0 && p.isAlive()) { // the JVM is up and handles signals once it writes
            Thread.sleep(10);
        }
        Processes.signal(p, "QUIT");
        assertEquals(0, exit(p), Files.readString(err));
        String reportText = Files.readString(report, StandardCharsets.UTF_8);
        assertFalse(reportText.contains("Full thread dump"), "no thread dump in the report");
        assertEquals(300_001, reportText.lines().count(), "the header and every row");
        assertTrue(Files.readString(err).contains("Full thread dump"), "the dump went to standard error");
    }
}
