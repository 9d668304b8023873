package subsidy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The program as a real process: its own standard streams, signals, exit code. */
public final class Processes {
    private Processes() {
    }

    /** {@code java -cp <the tests' classpath> subsidy.cli.Main ARGS}. */
    public static ProcessBuilder subsidy(String... args) {
        return subsidy(List.of(), args);
    }

    /** {@code java JVM -cp <the tests' classpath> subsidy.cli.Main ARGS}: with options for the JVM. */
    public static ProcessBuilder subsidy(List<String> jvm, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "subsidy.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Waits for the process, at most a minute (a hung run fails the test rather than the build). */
    public static int exit(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not end within a minute");
        }
        return p.exitValue();
    }

    /**
     * {@code rows} valid, distinct entities under the default policy, from the benchmark's generator
     * (bench/Generate.java): the same rows and bytes for the same count and seed. Made once per path.
     */
    public static Path generated(Path file, int rows, int seed) throws IOException, InterruptedException {
        if (Files.exists(file)) {
            return file;
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process gen = new ProcessBuilder(javaBin.toString(), "bench/Generate.java", Integer.toString(rows),
                Integer.toString(seed), file.toString()).redirectErrorStream(true).start();
        String said = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (exit(gen) != 0) {
            throw new IOException("bench/Generate.java failed: " + said);
        }
        return file;
    }

    /** Sends a signal by name (QUIT, TERM, KILL) with the system's kill. */
    public static void signal(Process p, String name) throws IOException, InterruptedException {
        exit(new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start());
    }
}
