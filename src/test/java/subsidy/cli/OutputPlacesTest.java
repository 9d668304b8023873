package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static subsidy.CommandLineRun.run;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun.Result;
import subsidy.Processes;

/** Where calc may write: never over what it reads, never two runs at once, links written through. */
class OutputPlacesTest {
    private static final String FIRMS = "samples/firms.csv";

    @TempDir
    Path tmp;

    @Test
    void anInputInsideOutIsRefusedAndKept() throws Exception {
        Path out = tmp.resolve("2022-05");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString()).exit());
        Path rejected = out.resolve("rejected.csv");
        String before = Files.readString(rejected);
        Result r = run("calc", "--as-of", "2022-06-30", "--input", rejected.toString(), "--out", out.toString(), "--force");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--input " + rejected + " is inside --out " + out + ", which a run replaces as a "
                + "whole; copy it elsewhere first, or choose another --out"), r.err());
        assertEquals(before, Files.readString(rejected));
    }

    @Test
    void aPolicyInsideOutIsRefusedEvenThroughALink() throws Exception {
        Path out = tmp.resolve("2022-05");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString()).exit());
        Path summary = out.resolve("summary.csv"); // a policy saved under an output's name, as the issue found
        Files.copy(Path.of("config/policy.yaml"), summary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path link = Files.createSymbolicLink(tmp.resolve("county.yaml"), summary);
        String before = Files.readString(summary);
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--policy", link.toString(), "--out", out.toString(), "--force");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--policy " + link + " is inside --out"), r.err());
        assertEquals(before, Files.readString(summary));
    }

    @Test
    void anEmptyOutOrTheCurrentDirectoryIsAUsageError() {
        Result empty = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", "");
        assertEquals(2, empty.exit(), empty.err());
        assertTrue(empty.err().contains("--out names no directory"), empty.err());
        Result here = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", ".");
        assertEquals(2, here.exit(), here.err());
        assertTrue(here.err().contains("is the current directory or holds it"), here.err());
        assertFalse(Files.exists(Path.of("report.csv")));
    }

    /** A second run into an --out another run is writing exits 2 naming it; the first is unharmed. */
    @Test
    void aSecondRunIntoTheSameOutExitsTwoNamingTheFirst() throws Exception {
        Path fifo = fifo("in.csv");
        Path out = tmp.resolve("out");
        Process first = calcFrom(fifo, out);
        Result second;
        try (OutputStream feed = Files.newOutputStream(fifo)) {
            // Every row, then copies of one (duplicates, rejected) past the part of the input its encoding
            // is guessed from, so that the run takes --out and waits for more.
            List<String> lines = Files.readAllLines(Path.of(FIRMS));
            feed.write((String.join("\n", lines) + "\n" + (lines.get(1) + "\n").repeat(1_000))
                    .getBytes(StandardCharsets.UTF_8));
            feed.flush();
            awaitLock(out);
            second = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString());
        }
        assertEquals(1, Processes.exit(first), "every duplicate rejected");
        assertEquals(2, second.exit(), second.err());
        assertTrue(second.err().contains(out + " is being written by another subsidy run (pid " + first.pid()
                + ", started "), second.err());
        assertEquals(48, Files.readAllLines(out.resolve("report.csv")).size(), "the first run's report, whole");
    }

    /** --notice through a link replaces what the link names, and the link stays a link. */
    @Test
    void aNoticeThroughALinkReplacesWhatItNames() throws Exception {
        Path real = Files.writeString(tmp.resolve("公示名单.csv"), "old list");
        Path link = Files.createSymbolicLink(tmp.resolve("notice.csv"), real);
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", tmp.resolve("out").toString(), "--notice", link.toString(),
                "--force");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("915304"), "the list is where the link points");
    }

    @Test
    void aNoticeThatIsADeviceOrADirectoryIsRefused() throws Exception {
        Path device = Files.createSymbolicLink(tmp.resolve("notice.csv"), Path.of("/dev/null"));
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--notice", device.toString(), "--force");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--notice " + device + " is not a regular file"), r.err());
        assertTrue(Files.isSymbolicLink(device));
        Result dir = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--notice", tmp.toString(), "--force");
        assertEquals(2, dir.exit(), dir.err());
        assertTrue(dir.err().contains(" is a directory"), dir.err());
    }

    /** A notice in --out is one of its set: replaced with it, listed in the manifest, kept with it. */
    @Test
    void aNoticeInsideOutIsPartOfTheSet() throws Exception {
        Path out = tmp.resolve("out");
        Path notice = out.resolve("公示名单.csv");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString(), "--notice", notice.toString()).exit());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"公示名单.csv\" : "));
        Result again = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString(), "--notice", notice.toString(), "--force");
        assertEquals(0, again.exit(), again.err());
        Result without = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString(), "--force");
        assertEquals(0, without.exit(), without.err());
        assertFalse(Files.exists(notice), "a later run without --notice replaces the set, list and all");
    }

    /** A notice outside --out is named in the manifest with its SHA-256. */
    @Test
    void aNoticeOutsideOutIsNamedInTheManifest() throws Exception {
        Path out = tmp.resolve("out");
        Path notice = tmp.resolve("notice.csv");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString(), "--notice", notice.toString()).exit());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"notice\" : {\n    \"file\" : \"" + notice + "\",\n    \"sha256\" : \""
                + subsidy.Sha256.of(Files.readAllBytes(notice)) + "\""), manifest);
    }

    /** Escape sequences in a cell are shown, not obeyed, on standard error and in explain. */
    @Test
    void controlCharactersFromCellsReachNoTerminal() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(FIRMS));
        Path bad = tmp.resolve("esc.csv");
        String row = lines.get(1);
        int comma = row.indexOf(',');
        int second = row.indexOf(',', comma + 1);
        String id = row.substring(0, comma);
        String titled = row.substring(0, comma + 1) + "\u001b]0;pwned\u0007甲\u009b2J" + row.substring(second);
        Files.writeString(bad, lines.get(0) + "\n" + titled + "\n" + titled.replaceFirst(",\\d{6},", ",53\u001b[2J01,")
                + "\n");
        Result calc = run("calc", "--as-of", "2022-06-30", "--input", bad.toString());
        assertFalse(calc.err().contains("\u001b"), calc.err());
        assertTrue(calc.err().contains("\\x1b[2J"), calc.err());
        Result explain = run("explain", "--as-of", "2022-06-30", "--input", bad.toString(), "--id", id);
        assertFalse(explain.out().contains("\u001b") || explain.out().contains("\u009b"), explain.out());
        assertTrue(explain.out().contains("\\x1b]0;pwned\\x07甲\\x9b2J"), explain.out());
        Result json = run("explain", "--as-of", "2022-06-30", "--input", bad.toString(), "--id", id, "--format", "json");
        assertTrue(json.out().contains("\\u001B]0;pwned\\u0007甲\\u009b2J"), json.out());
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()); // still JSON
    }

    /** The lock is taken before the inputs are read: a pipe whose writer is slow does not leave --out open. */
    @Test
    void outIsLockedBeforeAPipedInputHasSentItsHeader() throws Exception {
        Path fifo = fifo("slow.csv");
        Path out = tmp.resolve("o5");
        Process first = calcFrom(fifo, out);
        Result second;
        try (OutputStream feed = Files.newOutputStream(fifo)) { // opened: the run is reading, nothing sent yet
            awaitLock(out);
            second = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString());
            feed.write(Files.readAllBytes(Path.of(FIRMS)));
        }
        assertEquals(0, Processes.exit(first));
        assertEquals(2, second.exit(), second.err());
        assertTrue(second.err().contains("is being written by another subsidy run"), second.err());
    }

    @Test
    void aDanglingLinkAsOutIsRefusedBeforeAnyRow() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("dl"), tmp.resolve("nowhere"));
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", link.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--out " + link + " is a symbolic link to nothing"), r.err());
        assertFalse(Files.exists(tmp.resolve(".dl.subsidy")));
    }

    /** --keep-previous 0 keeps nothing, and the message must not send the clerk looking for it. */
    @Test
    void keepingNoPreviousReportSaysItIsDeleted() throws Exception {
        Path out = tmp.resolve("k");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString()).exit());
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString(), "--force", "--keep-previous", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("subsidy: wrote " + out + "; the report it replaced is deleted (--keep-previous 0)"),
                r.err());
        assertFalse(r.err().contains("is kept in"), r.err());
        assertEquals(List.of(), Files.list(tmp.resolve(".k.subsidy/previous")).toList());
    }

    /** The notice list is the file someone would edit: verify recomputes it, wherever it was written. */
    @Test
    void verifyRecomputesTheNoticeListInsideAndOutsideOut() throws Exception {
        for (boolean inside : new boolean[] {true, false}) {
            Path out = tmp.resolve(inside ? "in" : "outside");
            Path notice = inside ? out.resolve("公示名单.csv") : tmp.resolve("notice-" + out.getFileName() + ".csv");
            assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS, "--out", out.toString(), "--notice", notice.toString()).exit());
            String list = Files.readString(notice);
            String edited = list.replaceFirst("\n([^,\n]*),([^,\n]*),", "\n$1,$2改,");
            Files.writeString(notice, edited);
            Path manifest = out.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace(subsidy.Sha256.of(list.getBytes(
                    StandardCharsets.UTF_8)), subsidy.Sha256.of(edited.getBytes(StandardCharsets.UTF_8))));
            Result v = run("verify", "--input", FIRMS, "--report", out.resolve("report.csv").toString());
            assertEquals(4, v.exit(), v.out() + v.err());
            assertTrue(v.out().contains("(differs from a recomputation)"), v.out());
        }
    }

    @Test
    void verifyOfADirectorySaysItIsADirectory() {
        Result r = run("verify", "--input", FIRMS, "--report", tmp.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().contains(tmp + " is a directory; name the report.csv in it"), r.err());
    }

    /** A named pipe, so that a run reading it waits for this test. */
    private Path fifo(String name) throws Exception {
        Path fifo = tmp.resolve(name);
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        return fifo;
    }

    private static Process calcFrom(Path input, Path out) throws java.io.IOException {
        return Processes.subsidy("calc", "--as-of", "2022-06-30", "--input", input.toString(), "--out", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Waits (at most 30 s) until a run has taken --out's lock and written who it is. */
    private static void awaitLock(Path out) throws Exception {
        Path lock = out.resolveSibling("." + out.getFileName() + ".subsidy").resolve("lock");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((!Files.exists(lock) || Files.size(lock) == 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
