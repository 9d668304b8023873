package subsidy.report;

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
import subsidy.DefaultPolicy;
import subsidy.input.InputFile;

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
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** Renaming into place must not fail half-way: a target that is not a file is found before writing. */
    @Test
    void aTargetThatIsNotAFileStopsTheRunBeforeAnythingIsReplaced() throws Exception {
        Path out = dir.resolve("out");
        job(out, false).run(firms(), null, NOWHERE, NOWHERE);
        String before = Files.readString(out.resolve("report.csv"));
        Files.delete(out.resolve("summary.csv"));
        Files.createDirectory(out.resolve("summary.csv"));
        IOException e = assertThrows(IOException.class, () -> job(out, true).run(firms(), null, NOWHERE, NOWHERE));
        assertTrue(e.getMessage().contains("summary.csv exists and is not a file"), e.getMessage());
        assertEquals(before, Files.readString(out.resolve("report.csv")));
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
        assertTrue(Files.exists(out.resolve(ReportJob.DETAILS)));

        job(out, true).run(firms(), null, NOWHERE, NOWHERE);
        assertFalse(Files.exists(out.resolve(ReportJob.DETAILS)));
        assertFalse(Files.readString(out.resolve(ReportJob.MANIFEST)).contains(ReportJob.DETAILS));
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
                "subsidy.cli.Main", "calc", "--input", fifo.toString(), "--out", out.toString(), "--force", "--quiet")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
        String details = Files.readString(out.resolve(ReportJob.DETAILS));
        try (OutputDir d = OutputDir.prepare(out, List.of(ReportJob.REPORT), List.of(ReportJob.DETAILS), true)) {
            d.openStream(ReportJob.REPORT, false).close();
            d.abandon();
            assertThrows(IOException.class, () -> d.openStream(ReportJob.SUMMARY, false));
            assertThrows(IOException.class, d::commit);
        }
        assertEquals(details, Files.readString(out.resolve(ReportJob.DETAILS)));
        assertEquals(List.of(), partials(out));
    }

    /** Once the new report is in place, a leftover that cannot be deleted is named, not reported as a failed run. */
    @Test
    void aRetiredFileThatCannotBeDeletedAfterTheCommitIsNamedNotAFailure() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(ReportJob.DETAILS), "old");
        try (OutputDir d = OutputDir.prepare(out, List.of(ReportJob.REPORT), List.of(ReportJob.DETAILS), true)) {
            try (OutputStream report = d.openStream(ReportJob.REPORT, false)) {
                report.write('x');
            }
            Files.delete(out.resolve(ReportJob.DETAILS)); // now a directory that cannot simply be deleted
            Files.createDirectories(out.resolve(ReportJob.DETAILS).resolve("inside"));
            d.commit();
            assertEquals(List.of(out.resolve(ReportJob.DETAILS)), d.leftovers());
        }
        assertEquals("x", Files.readString(out.resolve(ReportJob.REPORT)));
    }

    private static List<Path> partials(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".partial")).toList();
        }
    }
}
