package subsidy.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun.Result;
import subsidy.config.Configuration;

/**
 * What the tests of a configured command line share: a home and a working directory of their own (so
 * the machine's configuration is never read), the two configuration files' places, and a run of the
 * command line with an environment.
 */
abstract class ConfiguredCli {
    @TempDir
    Path tmp;

    Path home;
    Path work;
    Path userFile;
    Path dirFile;

    @BeforeEach
    void places() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        work = Files.createDirectories(tmp.resolve("work"));
        userFile = home.resolve(".config/subsidy/config.yaml");
        dirFile = work.resolve(".subsidy.yaml");
    }

    /** The command line run with {@code env} as its environment (HOME the test's own unless given). */
    Result run(Map<String, String> env, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("HOME", home.toString());
        Configuration.Locations where = Configuration.Locations.of(e, work);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(where, args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
