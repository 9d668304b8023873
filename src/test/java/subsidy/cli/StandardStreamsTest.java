package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static subsidy.Processes.exit;
import static subsidy.Processes.subsidy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.Processes;

/**
 * Standard output is checked like any file: a report, a list of differences, an explanation or the help
 * cut short by a full disk or a closed pipe ends with exit 3 and a message, never exit 0 (Java's
 * PrintStream swallows write errors, so these run as real processes with real descriptors).
 */
class StandardStreamsTest {
    private static final File FULL = new File("/dev/full");
    private static final String FIRMS = "samples/firms.csv";

    @TempDir
    static Path tmp;
    static Path big;

    @BeforeAll
    static void bigInput() throws Exception {
        big = Processes.generated(tmp.resolve("big.csv"), 200_000, 7);
    }

    private static String run(ProcessBuilder pb, int expectedExit) throws Exception {
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectError(err.toFile()).start();
        int code = exit(p);
        String said = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, said);
        assertFalse(said.contains("Exception") || said.contains("\tat "), said);
        return said;
    }

    @Test
    void aReportToAFullDiskExitsThreeSayingItIsIncomplete() throws Exception {
        assumeTrue(FULL.exists(), "/dev/full");
        String said = run(subsidy("calc", "--as-of", "2022-06-30", "--input", FIRMS).redirectOutput(FULL), 3);
        assertTrue(said.contains("could not write the report to standard output: no space left on device; "
                + "the report is incomplete"), said);
        assertFalse(said.contains("rows read"), "no summary of a report nobody got: " + said);
    }

    @Test
    void verifyExplainAndHelpToAFullDiskExitThree() throws Exception {
        assumeTrue(FULL.exists(), "/dev/full");
        Path out = tmp.resolve("verify-me");
        assertEquals(0, exit(subsidy("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString()).start()));
        // A report with one amount changed, so verify has a difference to write (and would exit 4).
        Path report = out.resolve("report.csv");
        Files.writeString(report, Files.readString(report).replaceFirst("\n(\\w+),", "\n$1,x"));
        String verify = run(subsidy("verify", "--input", FIRMS, "--report", report.toString()).redirectOutput(FULL), 3);
        assertTrue(verify.contains("could not write the differences to standard output: no space left on device"),
                verify);
        run(subsidy("explain", "--as-of", "2022-06-30", "--input", FIRMS, "--id", "915304024619715393").redirectOutput(FULL), 3);
        run(subsidy("--help").redirectOutput(FULL), 3);
        run(subsidy("policy", "show", "config/policy.yaml").redirectOutput(FULL), 3);
    }

    /** `calc | head -1`: the run stops at the closed pipe, with exit 3, rather than computing every row. */
    @Test
    void aReportIntoAPipeClosedEarlyStopsTheRunWithExitThree() throws Exception {
        Path err = tmp.resolve("pipe-err.txt");
        Process p = subsidy("calc", "--as-of", "2022-06-30", "--input", big.toString()).redirectError(err.toFile()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(r.readLine().startsWith("entity_id,"));
        } // closed: the next writes fail with a broken pipe
        assertEquals(3, exit(p));
        String said = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(said.contains("could not write the report to standard output: broken pipe"), said);
        assertFalse(said.contains("200000 rows read"), "stopped before the end: " + said);
    }

    /** Under a non-UTF-8 locale the outputs are still UTF-8: 说明 is not written as question marks. */
    @Test
    void textIsUtf8WhateverTheLocale() throws Exception {
        ProcessBuilder pb = subsidy("explain", "--as-of", "2022-06-30", "--input", FIRMS, "--id", "915304024619715393");
        pb.environment().put("LC_ALL", "C");
        Path out = tmp.resolve("explain.txt");
        run(pb.redirectOutput(out.toFile()), 0);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertFalse(text.contains("??"), text);
        assertTrue(text.chars().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), "Chinese text kept: " + text);
    }

    /**
     * With the progress line on, rejected rows and the summary go to standard error through the meter:
     * their loss to a full disk is a failed run too, not exit 1.
     */
    @Test
    void rejectedRowsLostToAFullStandardErrorUnderProgressExitThree() throws Exception {
        assumeTrue(FULL.exists(), "/dev/full");
        Path report = tmp.resolve("progress-report.csv");
        Process p = subsidy("calc", "--as-of", "2022-06-30", "--input", "samples/messy.csv", "--progress").redirectOutput(report.toFile())
                .redirectError(FULL).start();
        assertEquals(3, exit(p));
    }
}
