package subsidy.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import subsidy.DefaultPolicy;
import subsidy.Processes;
import subsidy.input.InputFile;
import subsidy.ledger.Ledger;
import subsidy.ledger.StateReader;
import subsidy.ledger.TestLedgers;
import subsidy.ledger.TestLedgers.Backend;
import subsidy.report.RejectedTable;

/**
 * Whole calc runs against a ledger, once with every entity probed and once with entity_state read whole
 * ({@link StateReader.Bulk}): a period of 2022 and a new year's, each paying the once-a-year programs
 * again, write the same report, rejections and notes, and leave the same states, to the byte.
 */
class LedgerSnapshotRunTest {
    private static final int FIRMS = 3000;

    @RegisterExtension
    final TestLedgers ledgers = new TestLedgers();

    @TempDir
    static Path data;

    static Path firms;
    /** Enough rows (3.8 MB) for a run to read the states whole by default. */
    static Path manyFirms;

    @BeforeAll
    static void generate() throws Exception {
        firms = Processes.generated(data.resolve("firms.csv"), FIRMS, 20220501);
        manyFirms = Processes.generated(data.resolve("many.csv"), 25_000, 20220501);
    }

    /** subsidy calc in a JVM of its own, with {@code jvm} options: its exit code and standard error. */
    private static String[] command(List<String> jvm, String... args) throws Exception {
        Path err = Files.createTempFile(data, "err", ".txt");
        Process p = Processes.subsidy(jvm, args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("calc did not finish in 120 s: " + Files.readString(err));
        }
        return new String[] {Integer.toString(p.exitValue()), Files.readString(err)};
    }

    /** One calc of {@code period} into {@code out}, recorded in the ledger at {@code where}. */
    private static void calc(String where, StateReader.Bulk bulk, String period, Path out) throws Exception {
        try (Ledger l = Ledger.open(where, TestLedgers.WAIT, TestLedgers.CLOCK)) {
            l.bulk(bulk);
            List<InputFile> inputs = List.of(new InputFile(firms, null, DefaultPolicy.POLICY.schema()));
            ReportJob job = new ReportJob(DefaultPolicy.POLICY,
                    new ReportJob.Options(out, true, false, null, null, 1,
                            new Recording.Options(l, period, null, null, null, false)),
                    OutputDir.FILES, 2);
            PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            job.run(inputs, RejectedTable.sharedHeader(inputs), OutputStream.nullOutputStream(), stderr);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void runsThatReadTheStatesWholeWriteWhatRunsThatProbeWrite(Backend backend) throws Exception {
        List<List<String>> states = new ArrayList<>();
        List<List<byte[]>> files = new ArrayList<>();
        for (StateReader.Bulk bulk : List.of(StateReader.Bulk.NEVER, StateReader.Bulk.ALWAYS)) {
            String where = ledgers.fresh(backend);
            Path dir = ledgers.folder().resolve(bulk == StateReader.Bulk.NEVER ? "probed" : "whole");
            List<byte[]> written = new ArrayList<>();
            for (String period : List.of("2022-05", "2023-01")) {
                calc(where, bulk, period, dir.resolve(period));
                for (String f : List.of("report.csv", "rejected.csv", "details.csv", "summary.csv")) {
                    written.add(Files.readAllBytes(dir.resolve(period).resolve(f)));
                }
            }
            files.add(written);
            try (Connection c = TestLedgers.raw(where)) {
                states.add(TestLedgers.dump(c, TestLedgers.table(where, "entity_state")));
            }
        }
        assertTrue(states.get(0).size() > FIRMS / 2, "most firms paid a limited program: " + states.get(0).size());
        assertEquals(states.get(0), states.get(1));
        for (int i = 0; i < files.get(0).size(); i++) {
            assertArrayEquals(files.get(0).get(i), files.get(1).get(i), "file " + i);
        }
    }

    @org.junit.jupiter.api.Test
    void aRunWhoseDirectMemoryIsTooSmallForTheStatesProbesAndRecordsTheSame() throws Exception {
        // The snapshot and what a batch adds live in direct memory, which -XX:MaxDirectMemorySize may hold
        // below their budget (a share of the heap): the run then probes and merges as without them.
        List<List<String>> states = new ArrayList<>();
        for (List<String> jvm : List.of(List.<String>of(), List.of("-XX:MaxDirectMemorySize=1m"))) {
            Path dir = ledgers.folder().resolve(jvm.isEmpty() ? "default" : "small");
            Files.createDirectories(dir);
            String ledger = dir.resolve("ledger.sqlite").toString();
            for (String period : List.of("2022-05", "2023-01")) {
                String[] r = command(jvm, "calc", "--input", manyFirms.toString(), "--out",
                        dir.resolve(period).toString(), "--as-of", "2022-12-31", "--ledger", ledger, "--period", period,
                        "--quiet");
                assertEquals("0", r[0], r[1]);
                assertTrue(!r[1].contains("Exception") && !r[1].contains("\tat "), r[1]);
            }
            try (Connection c = TestLedgers.raw(ledger)) {
                states.add(TestLedgers.dump(c, "entity_state"));
            }
        }
        assertTrue(states.get(0).size() > 20_000, "states: " + states.get(0).size());
        assertEquals(states.get(0), states.get(1));
    }
}
