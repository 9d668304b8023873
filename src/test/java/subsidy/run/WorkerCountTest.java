package subsidy.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.DefaultPolicy;
import subsidy.calc.Totals;
import subsidy.input.InputFile;
import subsidy.money.Money;
import subsidy.report.RejectedTable;

/**
 * README ("Speed"): the output is byte for byte what one thread would write. Every file of --out
 * (with details.csv and a notice list inside it) from one worker and from several is the same, on
 * the shipped samples and a few thousand generated rows, duplicates across inputs and chunks included.
 */
class WorkerCountTest {
    /** Enough rows for some 80 chunks of 8 KiB, so that several workers each get many. */
    private static final int GENERATED = 4000;

    @TempDir
    static Path data;

    static Path generated;
    static Path again;

    @BeforeAll
    static void generate() throws Exception {
        generated = subsidy.Processes.generated(data.resolve("generated.csv"), GENERATED, 20220501);
        // Every other row of the generated file, from a second input: each one a duplicate, found
        // in another chunk than its first, on another worker, after it was computed there.
        List<String> lines = Files.readAllLines(generated, StandardCharsets.UTF_8);
        List<String> half = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i += 2) {
            half.add(lines.get(i));
        }
        again = data.resolve("again.csv");
        Files.write(again, half, StandardCharsets.UTF_8);
    }

    private static Totals calc(int workers, Path out) throws Exception {
        List<InputFile> inputs = new ArrayList<>();
        for (Path f : List.of(Path.of("samples/firms.csv"), Path.of("samples/messy.csv"), generated, again)) {
            inputs.add(new InputFile(f, null, DefaultPolicy.POLICY.schema()));
        }
        ReportJob job = new ReportJob(DefaultPolicy.POLICY, new ReportJob.Options(out, true, false,
                out.resolve("notice.csv")), OutputDir.FILES, workers);
        PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return job.run(inputs, RejectedTable.sharedHeader(inputs), OutputStream.nullOutputStream(), stderr);
    }

    private static TreeMap<String, byte[]> files(Path dir) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    @Test
    void oneWorkerAndSeveralWriteTheSameBytes() throws Exception {
        Totals one = calc(1, data.resolve("one"));
        TreeMap<String, byte[]> expected = files(data.resolve("one"));
        assertEquals(List.of("details.csv", "manifest.json", "notice.csv", "rejected.csv", "report.csv",
                "size_check.csv", "summary.csv"), List.copyOf(expected.keySet()));
        // firms.csv's 47 rows, messy.csv's 21 (18 rejected), the generated rows and half of them again
        assertEquals(47 + 21 + GENERATED + GENERATED / 2, one.read());
        assertEquals(47 + 3 + GENERATED, one.computed());
        assertEquals(18 + GENERATED / 2, one.rejected());
        // 999015049.33: since retention training's hard-hit branch is for enterprises (seed 003 @11083),
        // 10307500.00 less than before, the retention of 322 individual businesses and nonprofits
        assertEquals("999015049.33", Money.format(one.total()));
        for (int workers : new int[] {2, 3, 8}) {
            Path out = data.resolve("workers-" + workers);
            Totals several = calc(workers, out);
            assertEquals(one.read(), several.read());
            assertEquals(one.total(), several.total());
            TreeMap<String, byte[]> actual = files(out);
            assertEquals(expected.keySet(), actual.keySet(), workers + " workers");
            for (String name : expected.keySet()) {
                assertArrayEquals(expected.get(name), actual.get(name), name + " with " + workers + " workers");
            }
        }
    }

    @Test
    void aRunWritingALedgerTakesOneWorkerFewerThanCoresAndAtLeastOne() {
        // Its writer thread, and at its ends the threads reading and writing the states, run beside the
        // workers and the ordering thread (README, "A ledger across monthly batches", Speed).
        assertEquals(2, ReportJob.perCore(2, false));
        assertEquals(1, ReportJob.perCore(2, true));
        assertEquals(7, ReportJob.perCore(8, true));
        assertEquals(1, ReportJob.perCore(1, true));
        assertEquals(1, ReportJob.perCore(1, false));
    }
}
