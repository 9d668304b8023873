package subsidy.cli;

import static subsidy.CommandLineRun.rows;
import static subsidy.CommandLineRun.run;

import subsidy.CommandLineRun.Result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.entity.Column;

/** The command line of SPEC §6, through {@link Main#run}: exit codes and what each case writes. */
class CliTest {
    private static final Path FIRMS = Path.of("samples/firms.csv");
    private static final Path MESSY = Path.of("samples/messy.csv");
    private static final List<String> OUTPUTS = List.of("report.csv", "rejected.csv", "summary.csv", "manifest.json");

    @TempDir
    Path tmp;

    private void assertNothingWritten(Path out, Result r) {
        assertFalse(Files.exists(out.resolve("report.csv")), "exit 3 writes no report.csv; stderr:\n" + r.err());
        assertFalse(Files.exists(out.resolve("manifest.json")), "exit 3 writes no manifest.json");
    }

    // ---------------------------------------------------------------- exit 0 / 1

    @Test
    void exit0WhenEveryRowOfFirmsCsvIsComputed() throws IOException {
        Path out = tmp.resolve("firms");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        for (String name : OUTPUTS) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name + " written");
        }
        assertEquals(47, rows(out.resolve("report.csv")).size(), "47 rows computed");
        assertEquals(0, rows(out.resolve("rejected.csv")).size(), "nothing rejected");
    }

    @Test
    void exit1WhenSomeRowsAreRejectedAndRejectedCsvListsMessyLines5To22() throws IOException {
        Path out = tmp.resolve("messy");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", MESSY.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        List<CSVRecord> rejected = rows(out.resolve("rejected.csv"));
        List<Long> lines = rejected.stream().map(x -> Long.parseLong(x.get("line"))).toList();
        assertEquals(LongStream.rangeClosed(5, 22).boxed().toList(), lines, "rejected lines (samples/README.md)");
        List<String> computed = rows(out.resolve("report.csv")).stream().map(x -> x.get("entity_id")).toList();
        assertEquals(List.of("92530428MALW7E2C13", "91530111MA1AEJ305N", "91530402559810434G"), computed,
                "lines 2-4 are computed");
    }

    @Test
    void eachMessyRowIsRejectedForExactlyItsOneDefect() throws IOException {
        // samples/README.md: each rejected row has exactly one defect, so rejected.csv lists one reason.
        Map<Long, String> column = new LinkedHashMap<>();
        long line = 5;
        for (String c : List.of("entity_id", "entity_id", "entity_id", "name", "entity_type", "region_code",
                "industry_code", "industry_code", "employees", "revenue", "severely_affected", "landlord_type",
                "lease_start", "lease_end", "size_class", "entity_id", "row has 26 cells", "row has 12 cells")) {
            column.put(line++, c);
        }
        Path out = tmp.resolve("messy");
        assertEquals(1, run("calc", "--as-of", "2022-06-30", "--input", MESSY.toString(), "--out", out.toString()).exit());
        for (CSVRecord x : rows(out.resolve("rejected.csv"))) {
            long at = Long.parseLong(x.get("line"));
            String reasons = x.get("reasons");
            assertTrue(reasons.contains(column.get(at)), "line " + at + " is rejected for " + column.get(at)
                    + ": " + reasons);
            // Reasons are joined with "; "; a second reason would start with a column name or "row has".
            for (Column c : Column.values()) {
                assertFalse(reasons.contains("; " + c.header()), "line " + at + " has one reason: " + reasons);
            }
            assertFalse(reasons.contains("; row has"), "line " + at + " has one reason: " + reasons);
        }
    }

    // ---------------------------------------------------------------- exit 2: usage

    @Test
    void exit2WhenInputIsMissing() {
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--input"), "the message names --input: " + r.err());
        assertFalse(Files.exists(out.resolve("report.csv")));
    }

    @Test
    void exit2ForAnUnknownOption() {
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", tmp.resolve("out").toString(), "--bogus");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--bogus"), "the message names the option: " + r.err());
        assertFalse(Files.exists(tmp.resolve("out").resolve("report.csv")));
    }

    /** --as-of takes a date in the forms an input cell may (SPEC §2), and a bad one is named plainly. */
    @Test
    void asOfTakesTheInputsDateFormsAndABadOneIsExit2WithAPlainMessage() {
        Result slashes = run("policy", "show", "--as-of", "2022/6/30");
        assertEquals(0, slashes.exit(), slashes.err());
        assertEquals(run("policy", "show", "--as-of", "2022-06-30").out(), slashes.out());

        Result bad = run("calc", "--input", FIRMS.toString(), "--as-of", "2022/13/1");
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains("--as-of") && bad.err().contains("'2022/13/1' is not a calendar date"),
                bad.err());
        assertFalse(bad.err().contains("java."), "no Java class names: " + bad.err());
    }

    /** The notice list is an output like the report: not replaced without --force, and never an input. */
    @Test
    void noticeIsNotReplacedWithoutForceAndNeverReplacesAnInput() throws IOException {
        Path notice = Files.writeString(tmp.resolve("notice.csv"), "keep me");
        Result exists = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", tmp.resolve("a").toString(),
                "--notice", notice.toString());
        assertEquals(2, exists.exit(), exists.err());
        assertTrue(exists.err().contains(notice + " exists; pass --force"), exists.err());
        assertEquals("keep me", Files.readString(notice));
        assertFalse(Files.exists(tmp.resolve("a").resolve("report.csv")), "checked before anything is written");

        Path input = Files.copy(FIRMS, tmp.resolve("in.csv"));
        byte[] before = Files.readAllBytes(input);
        Result itself = run("calc", "--as-of", "2022-06-30", "--input", input.toString(), "--out", tmp.resolve("b").toString(),
                "--notice", input.toString(), "--force");
        assertEquals(2, itself.exit(), itself.err());
        assertTrue(itself.err().contains("--notice " + input + " is an input"), itself.err());
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(input)));

        Result inOut = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", tmp.resolve("c").toString(),
                "--notice", tmp.resolve("c").resolve("report.csv").toString());
        assertEquals(2, inOut.exit(), inOut.err());
        assertTrue(inOut.err().contains("is one of the files --out writes"), inOut.err());
    }

    /** The clash checks see through a symbolic link, guard the policy too, and name a notice that names no file. */
    @Test
    void noticeThroughALinkOrOnThePolicyOrNamingNoFileIsAUsageError() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), out);
        Result viaLink = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(),
                "--notice", link.resolve("summary.csv").toString());
        assertEquals(2, viaLink.exit(), viaLink.err());
        assertTrue(viaLink.err().contains("is one of the files --out writes"), viaLink.err());

        Path policy = Files.copy(Path.of("config/policy.yaml"), tmp.resolve("policy.yaml"));
        String before = Files.readString(policy);
        Result onPolicy = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--policy", policy.toString(), "--out",
                tmp.resolve("p").toString(), "--notice", policy.toString(), "--force");
        assertEquals(2, onPolicy.exit(), onPolicy.err());
        assertTrue(onPolicy.err().contains("is the policy"), onPolicy.err());
        assertEquals(before, Files.readString(policy));

        Result root = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--notice", "/");
        assertEquals(2, root.exit(), root.err());
        assertTrue(root.err().contains("--notice / names no file"), root.err());
    }

    /** Through a link, into an --out that does not exist yet: still one of --out's files. */
    @Test
    void noticeThroughALinkIntoAnOutNotYetMadeIsAUsageError() throws IOException {
        Path here = Files.createSymbolicLink(tmp.resolve("here"), tmp);
        Path out = tmp.resolve("o2");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(),
                "--notice", here.resolve("o2").resolve("report.csv").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is one of the files --out writes"), r.err());
    }

    /** An --out that cannot be made (its parent is a file) is found before the notice's directory is made. */
    @Test
    void anOutThatCannotBeMadeStopsTheRunBeforeTheNoticesDirectoryIsMade() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", file.resolve("sub").toString(),
                "--notice", tmp.resolve("newdir").resolve("n.csv").toString());
        assertEquals(3, r.exit(), r.err());
        assertFalse(Files.exists(tmp.resolve("newdir")));
    }

    /** A run refused because the report exists creates nothing, not even the notice's directory. */
    @Test
    void aRefusedRunCreatesNotTheNoticesDirectory() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString()).exit());
        Result again = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(), "--notice",
                tmp.resolve("newdir").resolve("n.csv").toString());
        assertEquals(2, again.exit(), again.err());
        assertFalse(Files.exists(tmp.resolve("newdir")));
    }

    /** Exit 3 says "nothing written": a notice that cannot be written is found before the report is printed. */
    @Test
    void unwritableNoticeStopsTheRunBeforeTheReportIsPrinted() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--notice", file.resolve("notice.csv").toString());
        assertEquals(3, r.exit(), r.err());
        assertEquals("", r.out(), "no report on standard output");
    }

    /** A date on which no program of the policy is in force makes the policy unusable, not an empty report. */
    @Test
    void aDateOnWhichNoProgramIsInForceIsExit3() {
        List<String> common = List.of("--input", "samples/linxia-2020.csv", "--policy", "config/linxia-2020.yaml",
                "--as-of", "2030-01-01");
        for (List<String> command : List.of(List.of("calc"), List.of("explain", "--id", "91622901MA3CJ9GF6P"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(common);
            Result r = run(args.toArray(String[]::new));
            assertEquals(3, r.exit(), command + ": " + r.err());
            assertTrue(r.err().contains("no program is in force on 2030-01-01"), r.err());
        }
    }

    /**
     * explain names a program left out on --as-of, as calc does, so its absence explains itself: here
     * the hiring subsidy of a copy of the 保山 policy that ends it on 2022-06-30, explained on 2022-12-31.
     */
    @Test
    void explainNamesTheProgramsLeftOutOnItsDate() throws IOException {
        String yaml = Files.readString(Path.of("config/baoshan-2022.yaml"));
        int hiring = yaml.indexOf("\n  hiring_subsidy:");
        Path policy = Files.writeString(tmp.resolve("baoshan-2022.yaml"), yaml.substring(0, hiring)
                + yaml.substring(hiring).replaceFirst("valid_to: 2022-12-31", "valid_to: 2022-06-30"));
        Result r = run("explain", "--input", "samples/baoshan-2022.csv", "--policy", policy.toString(),
                "--as-of", "2022-12-31", "--id", "91530502MA5ECL1240");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("subsidy: left out, not in force: hiring_subsidy"), r.err());
    }

    @Test
    void exit2ForDetailsWithoutOut() {
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--details");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--out"), "the message says --details needs --out: " + r.err());
        assertEquals("", r.out(), "no report on standard output");
    }

    @Test
    void exit2WhenOutAlreadyHoldsAReportWithoutForceAndExit0WithForce() throws IOException {
        Path out = tmp.resolve("again");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString()).exit());
        byte[] before = Files.readAllBytes(out.resolve("report.csv"));
        Files.writeString(out.resolve("report.csv"), "marker\n");

        Result refused = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString());
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("--force"), "the message suggests --force: " + refused.err());
        assertEquals("marker\n", Files.readString(out.resolve("report.csv")), "the existing report is untouched");

        Result forced = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("report.csv"))),
                "--force replaces the report");
    }

    // ---------------------------------------------------------------- exit 3: unusable input or policy

    @Test
    void exit3ForAMissingInputFileAndNothingWritten() {
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", tmp.resolve("no-such.csv").toString(), "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("no-such.csv"), "the message names the file: " + r.err());
        assertNothingWritten(out, r);
    }

    @Test
    void exit3ForAnInputThatIsADirectoryAndNothingWritten() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("a-directory.csv"));
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", dir.toString(), "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertNothingWritten(out, r);
    }

    @Test
    void exit3ForAPolicyWithAnUnknownKeyAndNothingWritten() throws IOException {
        Path policy = tmp.resolve("policy.yaml");
        Files.writeString(policy, Files.readString(Path.of("config/policy.yaml"), StandardCharsets.UTF_8)
                + "\nnot_a_policy_key: 1\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--policy", policy.toString(), "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("not_a_policy_key"), "the message names the key: " + r.err());
        assertNothingWritten(out, r);
    }

    @Test
    void unmodifiedCopyOfThePolicyIsAccepted() throws IOException {
        // The control for the unknown-key case: the copy itself is a usable policy.
        Path policy = tmp.resolve("policy.yaml");
        Files.copy(Path.of("config/policy.yaml"), policy);
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--policy", policy.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void exit3ForAnEmptyInputFileAndNothingWritten() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.csv"));
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", empty.toString(), "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertNothingWritten(out, r);
    }

    // ---------------------------------------------------------------- --version

    @Test
    void versionMentionsTheBundledPolicyId() {
        Result r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("yunnan-2022-default"), "--version output: " + r.out());
    }

    /** A decode-only or stateful encoding is a usage error naming it, not an internal error with a class name. */
    @Test
    void anEncodingWhoseRecordsCannotBeFoundByTheirBytesIsAUsageError() {
        for (String encoding : List.of("ISO-2022-CN", "UTF-32", "ISO-2022-JP")) {
            Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--encoding", encoding);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("--encoding " + encoding + " cannot be read"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        Result gb = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--encoding", "GB18030"); // read, if garbled (UTF-8 bytes)
        assertTrue(gb.exit() <= 1 && !gb.err().contains("cannot be read"), gb.err());
    }

    /** A table beside the policy wins over the bundled one: which was used is said, in the manifest too. */
    @Test
    void theSizeTableUsedIsNamedByPolicyShowAndInTheManifest() throws IOException {
        Result show = run("policy", "show", "config/policy.yaml", "--as-of", "2022-06-30");
        assertTrue(show.out().contains("includes size-table-2011 from config/tables/size-table-2011.yaml (sha256 "),
                show.out());
        Path out = tmp.resolve("inc");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString()).exit());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"name\" : \"size-table-2011\",\n        \"from\" : \"bundled "
                + "tables/size-table-2011.yaml\""), manifest);
    }

    /** The inputs are named as the clerk gave them, not as a Java list in brackets. */
    @Test
    void explainOfAnIdNoRowHasNamesTheInputsPlainly() {
        Result r = run("explain", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--input", MESSY.toString(), "--id", "915304024619715394");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("no row of samples/firms.csv, samples/messy.csv has entity_id 915304024619715394"),
                r.err());
    }
}
