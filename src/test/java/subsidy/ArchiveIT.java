package subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.Processes.exit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive, target/subsidy-VERSION-linux-x64.tar.gz (failsafe: after package), as a clerk
 * uses it: unpacked into a fresh directory, run with no {@code java} on PATH and under {@code LC_ALL=C},
 * on a file with a Chinese name, and its completion script loaded in bash.
 */
class ArchiveIT {
    @TempDir
    Path tmp;

    Path home;

    @BeforeEach
    void unpack() throws Exception {
        Path archive;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> found = s.filter(p -> p.getFileName().toString().matches("subsidy-.*-linux-x64\\.tar\\.gz")).toList();
            assertEquals(1, found.size(), "one release archive in target/ (mvn package builds it): " + found);
            archive = found.get(0).toAbsolutePath();
        }
        assertEquals("", sh("tar xzf '" + archive + "'").trim());
        try (Stream<Path> s = Files.list(tmp)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        // A PATH with the few tools the launcher and this test use, and no java.
        assertEquals("", sh("mkdir nojava && for t in sh dirname readlink cmp wc; do ln -s \"$(command -v $t)\" nojava/$t; done"
                + " && ln -s '" + home.resolve("bin/subsidy") + "' nojava/subsidy").trim());
    }

    /** Runs {@code script} with sh in the temporary directory; its output and errors, and the exit code must be 0. */
    private String sh(String script, String... env) throws IOException, InterruptedException {
        return sh(0, script, env);
    }

    /** As {@link #sh(String, String...)}, the exit code to be {@code code}. */
    private String sh(int code, String script, String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(tmp.toFile()).redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(code, exit(p), script + "\n" + said);
        return said;
    }

    /** The same, with only the PATH without java, LC_ALL=C and a HOME of its own (env -i). */
    private String bare(String script, String... env) throws IOException, InterruptedException {
        return bare(0, script, env);
    }

    /** As {@link #bare(String, String...)}, the exit code to be {@code code}. */
    private String bare(int code, String script, String... env) throws IOException, InterruptedException {
        StringBuilder vars = new StringBuilder("PATH='" + tmp.resolve("nojava") + "' LC_ALL=C HOME='" + tmp + "'");
        for (int i = 0; i < env.length; i += 2) {
            vars.append(' ').append(env[i]).append("='").append(env[i + 1]).append('\'');
        }
        return sh(code, "exec env -i " + vars + " \"$(command -v sh)\" -c '" + script.replace("'", "'\\''") + "'");
    }

    @Test
    void theSampleRunsUnderAChineseNameWithNoJavaOnPathAndTheCLocale() throws Exception {
        Files.copy(Path.of("samples/firms.csv"), tmp.resolve("企业名单.csv"));
        assertFalse(bare("command -v java || echo none").contains("/"), "no java on PATH");
        // The program's class data (Java 25's AOT cache or Java 17's class-data archive) must be usable
        // where the archive was unpacked, not silently ignored: -XX:AOTMode=on or -Xshare:on makes the
        // JVM refuse to start otherwise.
        String strict = Files.exists(home.resolve("lib/subsidy.aot")) ? "-XX:AOTMode=on" : "-Xshare:on";
        String said = bare("\"" + home.resolve("bin/subsidy") + "\" calc --input 企业名单.csv --as-of 2022-06-30 --out 报表 --quiet",
                "SUBSIDY_JAVA_OPTS", strict);
        assertFalse(said.contains("cannot be used"), said);
        assertEquals(Files.readString(Path.of("src/test/resources/golden/firms/report.csv"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("报表/report.csv"), StandardCharsets.UTF_8));
    }

    /**
     * What the program says on standard error reaches the clerk through the launcher, with the class data
     * and without it: a file that is not there is named, exit 3.
     */
    @Test
    void messagesOnStandardErrorReachTheClerk() throws Exception {
        for (String cds : List.of("1", "0")) {
            String said = bare(3, "\"" + home.resolve("bin/subsidy") + "\" calc --input nosuch.csv --as-of 2022-06-30 --out out",
                    "SUBSIDY_CDS", cds);
            assertTrue(said.contains("nosuch.csv") && said.contains("no such file"), "SUBSIDY_CDS=" + cds + ": " + said);
        }
    }

    /**
     * Standard input (whose size the launcher cannot know) runs with C2 for the SHA-256 digest alone, as
     * large files do: the JVM must take those options and give the same report.
     */
    @Test
    void standardInputRunsWithTheDigestOnlyJitAndGivesTheSameReport() throws Exception {
        Files.copy(Path.of("samples/firms.csv"), tmp.resolve("firms.csv"));
        String said = bare("\"" + home.resolve("bin/subsidy") + "\" calc --input - --as-of 2022-06-30 --out out --quiet <firms.csv",
                "SUBSIDY_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        assertTrue(said.contains("-XX:Tier4InvocationThreshold=1000"), "the digest-only JIT's options: " + said);
        assertFalse(said.contains("TieredStopAtLevel"), said);
        assertEquals(Files.readString(Path.of("src/test/resources/golden/firms/report.csv"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("out/report.csv"), StandardCharsets.UTF_8));
    }

    /** A ledger run loads the SQLite driver's native library: no JVM warning about it reaches the clerk. */
    @Test
    void aLedgerRunPrintsNoJvmWarning() throws Exception {
        Files.copy(Path.of("samples/firms.csv"), tmp.resolve("firms.csv"));
        String said = bare("\"" + home.resolve("bin/subsidy") + "\" calc --input firms.csv --period 2022-06 --ledger l.sqlite --out out --quiet");
        assertFalse(said.contains("WARNING"), said);
        assertTrue(Files.size(tmp.resolve("l.sqlite")) > 0);
    }

    @Test
    void theLauncherRunsThroughALinkOnPath() throws Exception {
        String said = bare("subsidy --version");
        assertTrue(said.startsWith("subsidy "), said);
        assertTrue(bare("SUBSIDY_CDS=0 subsidy --version").startsWith("subsidy "));
    }

    @Test
    void theCompletionScriptLoadsInBash() throws Exception {
        String said = sh("cd '" + home + "' && bash -c 'source subsidy_completion; complete -p subsidy'");
        assertTrue(said.contains("_complete_subsidy subsidy"), said);
    }

    @Test
    void theArchiveHoldsWhatTheReadmePromises() {
        assertTrue(Files.exists(home.resolve("lib/subsidy.aot")) != Files.exists(home.resolve("lib/subsidy.jsa")),
                "one kind of class data: lib/subsidy.aot (a Java 25 runtime) or lib/subsidy.jsa (Java 17)");
        assertFalse(Files.exists(home.resolve("lib/subsidy.aotconf")), "the AOT cache's training record is a build file");
        for (String f : List.of("bin/subsidy", "bin/subsidy.bat", "lib/subsidy.jar", "runtime/bin/java",
                "subsidy_completion", "man/man1/subsidy.1", "man/zh/man1/subsidy.1", "README.md", "LICENSE", "config/policy.yaml", "samples/firms.csv", "docs", "seeds")) {
            assertTrue(Files.exists(home.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/subsidy")));
    }

    /** cmd.exe wants CRLF line ends; the script switches the console to UTF-8 and runs the jar (it is not run here). */
    @Test
    void theWindowsScriptHasCrlfLineEndsAndSwitchesTheConsoleToUtf8() throws IOException {
        String bat = Files.readString(home.resolve("bin/subsidy.bat"), StandardCharsets.UTF_8);
        assertFalse(bat.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
        assertTrue(bat.contains("chcp 65001"), bat);
        assertTrue(bat.contains("-Dstdout.encoding=UTF-8"), bat);
        assertTrue(bat.contains("lib\\subsidy.jar"), bat);
    }
}
