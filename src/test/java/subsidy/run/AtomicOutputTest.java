package subsidy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import subsidy.DefaultPolicy;
import subsidy.input.InputFile;
import subsidy.report.Outputs;

/** An interrupted run leaves the previous report intact, never half of one, and no temporary files. */
class AtomicOutputTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    /** A disk that fills up after {@code room} bytes, across all files written. */
    static OutputDir.Opener diskWithRoomFor(long room) {
        long[] left = {room};
        return file -> new FilterOutputStream(Files.newOutputStream(file)) {
            @Override
            public void write(int b) throws IOException {
                if (--left[0] < 0) {
                    throw new IOException("No space left on device");
                }
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
    }

    private static ReportJob job(Path out, boolean force) {
        return new ReportJob(DefaultPolicy.POLICY, new ReportJob.Options(out, false, force, null));
    }

    private static List<InputFile> firms() {
        return List.of(new InputFile(Path.of("samples/firms.csv"), null));
    }

    @Test
    void fullDiskLeavesThePreviousReportIntactAndNoTemporaryFiles() throws Exception {
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        String before = Files.readString(out.resolve("report.csv"));
        String manifest = Files.readString(out.resolve("manifest.json"));

        IOException e = assertThrows(IOException.class, () -> new ReportJob(DefaultPolicy.POLICY,
                new ReportJob.Options(out, false, true, null), diskWithRoomFor(2_000)).run(firms(), null, NOWHERE,
                NOWHERE));
        assertEquals("No space left on device", e.getMessage());
        assertEquals(before, Files.readString(out.resolve("report.csv")));
        assertEquals(manifest, Files.readString(out.resolve("manifest.json")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".partial")).toList());
        }
    }

    @Test
    void fullDiskOnAFirstRunLeavesNoReportAtAll() throws Exception {
        Path out = dir.resolve("fresh");
        assertThrows(IOException.class, () -> new ReportJob(DefaultPolicy.POLICY,
                new ReportJob.Options(out, false, false, null), diskWithRoomFor(1_000)).run(firms(), null, NOWHERE,
                NOWHERE));
        assertFalse(Files.exists(out), "no report directory at all");
        assertEquals(List.of(), partials(out));
    }

    /** A commit moves all of --out away: what subsidy did not write there is refused before the first row. */
    @Test
    void aDirectoryHoldingWhatSubsidyDidNotWriteIsRefusedAndLeftAsItWas() throws Exception {
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        String before = Files.readString(out.resolve("report.csv"));
        Files.delete(out.resolve("summary.csv"));
        Files.createDirectory(out.resolve("summary.csv"));
        Files.writeString(out.resolve("notes.txt"), "the clerk's own");
        OutputDir.NotOurs e = assertThrows(OutputDir.NotOurs.class,
                () -> job(out, true).run(firms(), null, NOWHERE, NOWHERE));
        assertEquals(Path.of("notes.txt"), e.entry());
        assertEquals(before, Files.readString(out.resolve("report.csv")));
        assertEquals("the clerk's own", Files.readString(out.resolve("notes.txt")));
        assertEquals(List.of(), partials(out));
    }

    @Test
    void existingReportIsNotReplacedWithoutForce() throws Exception {
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> job(out, false).run(firms(), null, NOWHERE, NOWHERE));
    }

    /** SPEC §6: details.csv is written with --details; a forced run without it must not leave the last one's. */
    @Test
    void forcedRunWithoutDetailsRemovesTheDetailsOfTheRunBefore() throws Exception {
        Path out = dir.resolve("out");
        new ReportJob(DefaultPolicy.POLICY, new ReportJob.Options(out, true, false, null))
                .run(firms(), null, NOWHERE, NOWHERE);
        assertTrue(Files.exists(out.resolve(Outputs.DETAILS)));

        job(out, true).run(firms(), null, NOWHERE, NOWHERE);
        assertFalse(Files.exists(out.resolve(Outputs.DETAILS)));
        assertFalse(Files.readString(out.resolve(Outputs.MANIFEST)).contains(Outputs.DETAILS));
    }

    /** An auditor on the same server reads the report as the clerk's umask allows, as with any other file. */
    @Test
    void outputsHaveThePermissionsOfAnyFileTheProcessCreates() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX permissions");
        Path probe = Files.writeString(dir.resolve("probe"), "");
        // Under a umask of 077 every file is owner-only, as createTempFile's were: nothing to tell apart.
        assumeTrue(Files.getPosixFilePermissions(probe).stream().anyMatch(p -> p.name().startsWith("GROUP")
                || p.name().startsWith("OTHERS")), "a umask that lets others read");
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(f), f.toString());
            }
        }
    }

    /**
     * A clerk's Ctrl-C, or a batch system's SIGTERM, mid-run: the previous report stays, and the
     * half-written temporaries go with the process instead of filling the disk. The input is a
     * named pipe this test holds open, so the run is surely in the middle when the signal comes.
     */
    @Test
    void termSignalMidRunLeavesThePreviousReportAndNoTemporaryFiles() throws Exception {
        Path fifo = dir.resolve("in.csv");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        String before = Files.readString(out.resolve("report.csv"));

        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process calc = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "subsidy.cli.Main", "calc", "--as-of", "2022-06-30", "--input", fifo.toString(), "--out", out.toString(), "--force", "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("said.txt").toFile()).start();
        try (OutputStream feed = Files.newOutputStream(fifo)) {
            // The header and a megabyte of rows (repeats of one, so duplicates): past the part of the
            // input its encoding is guessed from, so the run opens its outputs and waits for more.
            List<String> lines = Files.readAllLines(Path.of("samples/firms.csv"));
            feed.write((lines.get(0) + "\n" + (lines.get(1) + "\n").repeat(5_000))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            feed.flush();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (partials(out).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(partials(out).isEmpty(), "the run has started writing");
            calc.destroy(); // SIGTERM
            calc.waitFor();
        }
        assertTrue(Files.readString(dir.resolve("said.txt")).contains("subsidy: note: stopped: nothing written; "
                + out.toRealPath() + " is as it was"), Files.readString(dir.resolve("said.txt")));
        assertEquals(before, Files.readString(out.resolve("report.csv")));
        assertEquals(List.of(), partials(out));
    }

    /**
     * The stop signal's hook runs beside the main thread, which goes on: after it, nothing more is
     * created, and nothing is committed or deleted, so the previous report and its details stay whole.
     */
    @Test
    void afterTheStopSignalNothingIsCreatedCommittedOrDeleted() throws Exception {
        Path out = dir.resolve("out");
        new ReportJob(DefaultPolicy.POLICY, new ReportJob.Options(out, true, false, null))
                .run(firms(), null, NOWHERE, NOWHERE);
        String details = Files.readString(out.resolve(Outputs.DETAILS));
        try (OutputDir d = OutputDir.prepare(out, true)) {
            d.openStream(Outputs.REPORT, false).close();
            d.abandon();
            assertThrows(IOException.class, () -> d.openStream(Outputs.SUMMARY, false));
            assertThrows(IOException.class, d::commit);
        }
        assertEquals(details, Files.readString(out.resolve(Outputs.DETAILS)));
        assertEquals(List.of(), partials(out));
    }

    /** --force keeps what it replaces, under a name reports/*{@literal /}report.csv does not match; the newest few. */
    @Test
    void forceKeepsTheReplacedReportsNewestFirstUpToTheLimit() throws Exception {
        Path out = dir.resolve("2022-05");
        List<String> reports = new java.util.ArrayList<>();
        for (int run = 0; run < 4; run++) {
            try (OutputDir d = OutputDir.prepare(out, true, 2, OutputDir.FILES, clockAt(run), n -> { })) {
                try (OutputStream report = d.openStream(Outputs.REPORT, false)) {
                    report.write(("run " + run).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                d.commit();
            }
            reports.add("run " + run);
        }
        assertEquals("run 3", Files.readString(out.resolve(Outputs.REPORT)));
        Path previous = dir.resolve(".2022-05.subsidy/previous");
        try (Stream<Path> kept = Files.list(previous)) {
            assertEquals(List.of("2022-06-01T080002Z", "2022-06-01T080003Z"),
                    kept.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("run 1", Files.readString(previous.resolve("2022-06-01T080002Z/report.csv")));
        assertEquals("run 2", Files.readString(previous.resolve("2022-06-01T080003Z/report.csv")));
        try (Stream<Path> top = Files.list(dir)) {
            assertEquals(List.of(".2022-05.subsidy", "2022-05"), top.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "nothing else beside --out");
        }
    }

    /** A second run into the same --out is refused while the first holds it, naming the first. */
    @Test
    void aSecondRunIntoTheSameOutIsRefusedNamingTheFirst() throws Exception {
        Path out = dir.resolve("out");
        try (OutputDir first = OutputDir.prepare(out, false)) {
            OutputDir.Busy e = assertThrows(OutputDir.Busy.class, () -> OutputDir.prepare(out, false));
            assertTrue(e.holder().startsWith("pid " + ProcessHandle.current().pid() + ", started "), e.holder());
        }
        try (OutputDir again = OutputDir.prepare(out, false)) { // let go at the end of the first
            assertTrue(again.notes().isEmpty());
        }
    }

    /** A rename that fails half-way is undone: the previous set stays whole, the new one goes. */
    @Test
    void aCommitWhoseSecondRenameFailsPutsThePreviousSetBack() throws Exception {
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        String before = Files.readString(out.resolve(Outputs.MANIFEST));
        try (OutputDir d = OutputDir.prepare(out, true)) {
            d.openStream(Outputs.REPORT, false).close();
            d.onStep(step -> {
                if (step.equals("old moved")) {
                    throw new IOException("Operation not permitted");
                }
            });
            assertEquals("Operation not permitted", assertThrows(IOException.class, d::commit).getMessage());
        }
        assertEquals(before, Files.readString(out.resolve(Outputs.MANIFEST)));
        assertEquals(List.of("lock", "previous"), homeEntries(out), "no journal, no unfinished set");
        assertEquals(List.of(), Files.list(out.resolveSibling(".out.subsidy/previous")).toList());
    }

    /**
     * A run killed between the two renames leaves no --out at all, and the journal; the next run finishes
     * the swap, says so, and only then goes on. Killed just after writing the journal, the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"journal", "old moved"})
    void aCommitKilledHalfWayIsFinishedByTheNextRun(String killedAt) throws Exception {
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        String oldManifest = Files.readString(out.resolve(Outputs.MANIFEST));
        OutputDir d = OutputDir.prepare(out, true);
        try (OutputStream report = d.openStream(Outputs.REPORT, false)) {
            report.write('x');
        }
        d.onStep(step -> {
            if (step.equals(killedAt)) {
                throw new Killed();
            }
        });
        assertThrows(Killed.class, d::commit);
        d.killed();
        assertEquals(killedAt.equals("journal"), Files.exists(out));

        try (OutputDir next = OutputDir.prepare(out, true)) {
            assertEquals(1, next.notes().size(), next.notes().toString());
            assertTrue(next.notes().get(0).contains("its commit is now finished"), next.notes().get(0));
            assertEquals("x", Files.readString(out.resolve(Outputs.REPORT)));
            assertEquals(List.of(Outputs.REPORT), Files.list(out).map(p -> p.getFileName().toString()).toList());
            try (Stream<Path> kept = Files.list(next.previous())) {
                Path previous = kept.findFirst().orElseThrow();
                assertEquals(oldManifest, Files.readString(previous.resolve(Outputs.MANIFEST)));
            }
        }
    }

    /** A run killed while writing leaves its half-written set; the next run deletes it and says so. */
    @Test
    void theFilesOfARunKilledWhileWritingAreDeletedByTheNextRun() throws Exception {
        Path out = dir.resolve("out");
        OutputDir d = OutputDir.prepare(out, false);
        d.openStream(Outputs.REPORT, false).close();
        d.killed();
        try (OutputDir next = OutputDir.prepare(out, false)) {
            assertEquals(1, next.notes().size());
            assertTrue(next.notes().get(0).contains("the unfinished files of a run that was killed"));
        }
        assertEquals(List.of("lock"), homeEntries(out));
        assertFalse(Files.exists(out), "nothing was ever committed");
    }

    /** A journal is subsidy's own: one that names a place outside its room is refused before anything moves. */
    @ParameterizedTest
    @ValueSource(strings = {"run-x/../../victim\nprevious/../../stolen\n", "run-x\n/tmp/elsewhere\n",
        "run-x\nprevious/a/../../../stolen\n"})
    void aJournalNamingAPlaceOutsideItsRoomIsRefusedAndNothingMoves(String journal) throws Exception {
        Path out = dir.resolve("o");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        String report = Files.readString(out.resolve(Outputs.REPORT));
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("secret.txt"), "precious");
        Files.createDirectories(dir.resolve(".o.subsidy/run-x"));
        Files.writeString(dir.resolve(".o.subsidy/commit"), journal);
        IOException e = assertThrows(IOException.class, () -> OutputDir.prepare(out, true));
        assertTrue(e.getMessage().contains("is not a commit journal subsidy wrote"), e.getMessage());
        assertEquals("precious", Files.readString(victim.resolve("secret.txt")));
        assertEquals(report, Files.readString(out.resolve(Outputs.REPORT)));
        assertFalse(Files.exists(dir.resolve("stolen")));
    }

    /** A run that finishes an earlier commit and then stops (no --force) has still said so. */
    @Test
    void aFinishedCommitIsSaidEvenWhenTheRunThenStops() throws Exception {
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        OutputDir d = OutputDir.prepare(out, true);
        d.openStream(Outputs.REPORT, false).close();
        d.onStep(step -> {
            if (step.equals("old moved")) {
                throw new Killed();
            }
        });
        assertThrows(Killed.class, d::commit);
        d.killed();
        List<String> said = new java.util.ArrayList<>();
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> OutputDir.prepare(out, false,
                OutputDir.KEEP, OutputDir.FILES, java.time.Clock.systemUTC(), said::add));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("its commit is now finished"), said.get(0));
    }

    /** A SIGKILL is simulated by an error the commit does not catch. */
    private static final class Killed extends RuntimeException {
    }

    private static java.time.Clock clockAt(int second) {
        return java.time.Clock.fixed(java.time.Instant.parse("2022-06-01T08:00:00Z").plusSeconds(second),
                java.time.ZoneOffset.UTC);
    }

    private static List<String> homeEntries(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolveSibling("." + out.getFileName() + ".subsidy"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Temporary files: a .partial beside --out's files, or a run's unfinished set beside --out. */
    private static List<Path> partials(Path out) throws IOException {
        Path home = out.resolveSibling("." + out.getFileName() + ".subsidy");
        List<Path> found = new java.util.ArrayList<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                files.filter(f -> f.toString().endsWith(".partial")).forEach(found::add);
            }
        }
        if (Files.isDirectory(home)) {
            try (Stream<Path> files = Files.list(home)) {
                files.filter(f -> f.getFileName().toString().startsWith("run-")).forEach(found::add);
            }
        }
        return found;
    }
}
