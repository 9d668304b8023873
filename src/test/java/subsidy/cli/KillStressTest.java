package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.Processes.exit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.OutputSets;
import subsidy.Processes;
import subsidy.Sha256;

/**
 * calc killed (SIGKILL) or stopped (SIGTERM) at random instants of a run, again and again: after each,
 * --out holds one whole set whose every file is the one its manifest names and which verify accepts,
 * or, killed between the two renames of a commit, no --out and the journal the next run finishes.
 * The seed is printed, so a failure can be replayed (-Dkill.seed=…); -Dkill.runs sets how many.
 */
class KillStressTest {
    private static final int ROWS = 40_000;

    @TempDir
    Path tmp;

    @Test
    void killedAtAnyInstantOutHoldsOneWholeVerifiableSet() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        int runs = Integer.getInteger("kill.runs", 14);
        System.out.println("KillStressTest seed " + seed + ", " + runs + " runs");
        Random random = new Random(seed);
        Path input = Processes.generated(tmp.resolve("firms.csv"), ROWS, 11);
        Path out = tmp.resolve("2022-05");
        Path notice = tmp.resolve("notice.csv");

        long started = System.nanoTime();
        assertEquals(0, exit(calc(input, out, notice)));
        long wholeRunMillis = (System.nanoTime() - started) / 1_000_000;
        assertWhole(out, notice, true);

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            boolean kill = i % 2 == 0;
            // Half the stops anywhere in the run, half near its end, where the commit is.
            double at = i % 4 < 2 ? random.nextDouble() * 1.05 : 0.8 + random.nextDouble() * 0.25;
            long delay = (long) (wholeRunMillis * at);
            Process p = calc(input, out, notice);
            Thread.sleep(delay);
            Processes.signal(p, kill ? "KILL" : "TERM");
            int code = exit(p);
            seen.add((kill ? "KILL" : "TERM") + " at " + delay + " ms: exit " + code);
            assertWhole(out, notice, !kill);
        }
        System.out.println(String.join("\n", seen));
        assertEquals(0, exit(calc(input, out, notice)), "a run after all that completes");
        assertWhole(out, notice, true);
        CommandLineRun.Result verify = CommandLineRun.run("verify", "--input", input.toString(), "--report",
                out.resolve("report.csv").toString());
        assertEquals(0, verify.exit(), verify.out() + verify.err());
    }

    private static Process calc(Path input, Path out, Path notice) throws IOException {
        return Processes.subsidy("calc", "--as-of", "2022-06-30", "--input", input.toString(), "--out", out.toString(), "--notice",
                notice.toString(), "--force", "--quiet").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * --out is one whole set: exactly the files its manifest lists, each with the SHA-256 listed, and
     * the rows it counts. With no --out, a commit was cut between its renames and its journal is there.
     * After a SIGTERM (whose hook lets a commit finish), the notice outside --out is the one named too.
     */
    private static void assertWhole(Path out, Path notice, boolean noticeToo) throws IOException {
        Path home = out.resolveSibling("." + out.getFileName() + ".subsidy");
        if (!Files.exists(out)) {
            assertTrue(Files.exists(home.resolve("commit")), "no --out, and no journal to finish it");
            return;
        }
        JsonNode manifest = OutputSets.assertWhole(out, ROWS);
        assertEquals(ROWS + 1, Files.readAllLines(out.resolve("report.csv")).size());
        if (noticeToo) {
            assertEquals(manifest.path("notice").path("sha256").asText(), Sha256.of(Files.readAllBytes(notice)));
        }
    }
}
