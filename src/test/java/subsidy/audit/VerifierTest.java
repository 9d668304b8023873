package subsidy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.DefaultPolicy;
import subsidy.input.InputFile;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.report.RejectedTable;
import subsidy.run.ReportJob;

/**
 * verify finds a changed amount, a dropped row, an added row, a column named twice, a changed policy
 * or input, and any file, count or control total that is not what manifest.json says; passes otherwise.
 */
class VerifierTest {
    private static final Path FIRMS = Path.of("samples/firms.csv");

    @TempDir
    Path dir;
    Path report;

    @BeforeEach
    void writeReport() throws Exception {
        Path out = dir.resolve("out");
        calc(DefaultPolicy.POLICY, out, List.of(new InputFile(FIRMS, null)));
        report = out.resolve("report.csv");
    }

    private List<Difference> verify(Policy policy) throws Exception {
        List<Difference> found = new ArrayList<>();
        new Verifier(policy).verify(List.of(new InputFile(FIRMS, null)), report, found::add);
        return found;
    }

    private void edit(java.util.function.UnaryOperator<List<String>> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(report, StandardCharsets.UTF_8));
        Files.write(report, change.apply(lines), StandardCharsets.UTF_8);
    }

    @Test
    void untouchedReportAgrees() throws Exception {
        assertEquals(List.of(), verify(DefaultPolicy.POLICY));
    }

    /** A report opened in a spreadsheet and saved again as GBK still has the same names and amounts. */
    @Test
    void reportSavedAgainAsGbkDiffersOnlyAsAFile() throws Exception {
        String text = Files.readString(report, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Files.write(report, text.getBytes(subsidy.input.EncodingDetector.GBK));
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(List.of("report.csv sha256 (report edited after it was written)"),
                d.stream().map(Difference::column).toList(), d.toString());
    }

    @Test
    void changedAmountIsListedWithBothValues() throws Exception {
        edit(lines -> {
            lines.set(2, lines.get(2).replace(",392596.47,", ",392596.48,"));
            return lines;
        });
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(new Difference("91530111980102933U", "stable_job_refund", "392596.48", "392596.47"), d.get(0));
        assertEquals(new Difference("91530111980102933U", "total", "392596.48", "392596.47"), d.get(1));
        assertEquals("report.csv sha256 (report edited after it was written)", d.get(2).column());
        assertEquals(3, d.size());
    }

    /** A row copied in the report is one row twice, not a row the recomputation lacks. */
    @Test
    void rowThatAppearsTwiceInTheReportIsListedAsTwice() throws Exception {
        String[] copied = new String[1];
        edit(lines -> {
            copied[0] = lines.get(3).split(",")[0];
            lines.add(4, lines.get(3));
            return lines;
        });
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(new Difference(copied[0], Difference.ROW, "present twice", "once"), d.get(0));
        assertEquals(List.of(Difference.ROW, "report.csv sha256 (report edited after it was written)"),
                d.stream().map(Difference::column).toList(), d.toString());
    }

    @Test
    void droppedAndAddedRowsAreListed() throws Exception {
        String[] dropped = new String[1];
        edit(lines -> {
            dropped[0] = lines.remove(5).split(",")[0];
            lines.add(8, lines.get(8).replaceFirst("^91530", "91531"));
            return lines;
        });
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(new Difference(dropped[0], Difference.ROW, "missing", "present"), d.get(0));
        assertEquals(Difference.ROW, d.get(1).column());
        assertEquals("present", d.get(1).reported());
        assertEquals(3, d.size(), d.toString());
    }

    @Test
    void changedPolicyIsNamedAndItsEffectsListed() throws Exception {
        // 5.5% → 6%: 五华区某某商贸 (11 / 199 = 5.53%) now qualifies: 0.90 × 412000.00 = 370800.00
        String yaml = Files.readString(Path.of("config/policy.yaml")).replace("layoff_rate_max: 0.055",
                "layoff_rate_max: 0.06");
        Policy changed = PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "changed.yaml",
                Resolution.on(DefaultPolicy.AS_OF));
        List<Difference> d = verify(changed);
        assertEquals(new Difference("915301022674397173", "stable_job_refund", "0.00", "370800.00"), d.get(0));
        // and the control totals and summary.csv, recomputed, follow the changed amount
        assertEquals(List.of(new Difference(Difference.MANIFEST, "policy sha256 (policy changed)",
                        DefaultPolicy.POLICY.sha256(), changed.sha256()),
                new Difference(Difference.MANIFEST, "control_totals.stable_job_refund", "3586045.85", "3956845.85"),
                new Difference(Difference.MANIFEST, "control_totals.total", "4620391.60", "4991191.60")),
                d.stream().filter(x -> x.entityId().equals(Difference.MANIFEST)
                        && !x.column().startsWith("summary.csv")).toList());
        assertEquals("summary.csv (differs from a recomputation)", d.get(d.size() - 1).column());
    }

    /**
     * A report made with --as-of 2022-06-30 and verified against 2022-12-31, on which the hiring subsidy
     * of this copy of the 保山 policy (ended 2022-06-30 here) is no longer in force: the program in force
     * only then is not silently skipped, and the manifest's date is compared too.
     */
    @Test
    void programLeftOutOnTheVerifyDateAndAnotherAsOfAreDifferences() throws Exception {
        String yaml = Files.readString(Path.of("config/baoshan-2022.yaml"));
        int hiring = yaml.indexOf("\n  hiring_subsidy:");
        Path policyFile = Files.writeString(dir.resolve("baoshan-2022.yaml"), yaml.substring(0, hiring)
                + yaml.substring(hiring).replaceFirst("valid_to: 2022-12-31", "valid_to: 2022-06-30"));
        Path input = Path.of("samples/baoshan-2022.csv");
        Policy then = PolicyLoader.load(policyFile, Resolution.on(java.time.LocalDate.of(2022, 6, 30)));
        Policy later = PolicyLoader.load(policyFile, Resolution.on(java.time.LocalDate.of(2022, 12, 31)));
        assertEquals(List.of("hiring_subsidy"), later.leftOutIds());
        Path out = dir.resolve("baoshan");
        calc(then, out, List.of(new InputFile(input, null)));
        Path laterRun = dir.resolve("baoshan-later");
        calc(later, laterRun, List.of(new InputFile(input, null)));
        String gone = later.leftOutIds().get(0);
        List<Difference> found = new ArrayList<>();
        new Verifier(later).verify(List.of(new InputFile(input, null)), out.resolve("report.csv"), found::add);
        assertEquals(List.of(new Difference(Difference.COLUMN, gone, "in the report",
                        "left out: " + later.leftOut().get(0)),
                new Difference(Difference.MANIFEST, "as_of (the policy was taken on another date)", "2022-06-30",
                        "2022-12-31"),
                // the program's amounts are no longer paid: the totals and the summary say so too
                new Difference(Difference.MANIFEST, "control_totals.total", "1137864.60", "1104864.60"),
                new Difference(Difference.MANIFEST, "control_totals." + gone, "33000.00", "(none)"),
                new Difference(Difference.MANIFEST, "summary.csv (differs from a recomputation)",
                        sha256(out.resolve("summary.csv")), sha256(laterRun.resolve("summary.csv")))),
                found.stream().filter(d -> !d.column().equals("total")).toList());
    }

    /**
     * Inputs are matched to the manifest by their content, not by where they stand on the command
     * line: given in the other order (or by another path) they have not changed, but the order is
     * named, since the first row of an id wins.
     */
    @Test
    void inputsGivenInAnotherOrderAreNamedOnceNotAsChanged() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path out = reportOfFirmsSplitInto(a, b);
        List<Difference> found = new ArrayList<>();
        new Verifier(DefaultPolicy.POLICY).verify(List.of(new InputFile(b, null), new InputFile(a, null)),
                out.resolve("report.csv"), found::add);
        assertEquals(List.of(new Difference(Difference.MANIFEST, "inputs given in another order (the first row of an"
                + " id wins)", a + ", " + b, b + ", " + a)), found);
    }

    /** An input edited after the run is matched by its name and named as changed. */
    @Test
    void inputEditedAfterTheRunIsNamedAsChanged() throws Exception {
        Path input = Files.copy(FIRMS, dir.resolve("firms.csv"));
        Path out = dir.resolve("edited");
        calc(DefaultPolicy.POLICY, out, List.of(new InputFile(input, null)));
        Files.writeString(input, Files.readString(input).replace("红塔区某某数码科技有限公司", "红塔区某某数码有限公司"));
        List<Difference> found = new ArrayList<>();
        new Verifier(DefaultPolicy.POLICY).verify(List.of(new InputFile(input, null)), out.resolve("report.csv"),
                found::add);
        assertEquals(List.of("name", "input " + input + " sha256 (input changed)"),
                found.stream().map(Difference::column).toList(), found.toString());
    }

    /** Two inputs with the same content: the one edited is named as changed, by its name, not as missing. */
    @Test
    void ofTwoIdenticalInputsTheEditedOneIsNamedAsChanged() throws Exception {
        String header = Files.readAllLines(FIRMS, StandardCharsets.UTF_8).get(0);
        Path jan = Files.write(dir.resolve("jan.csv"), List.of(header), StandardCharsets.UTF_8);
        Path feb = Files.write(dir.resolve("feb.csv"), List.of(header), StandardCharsets.UTF_8);
        Path out = dir.resolve("twins");
        calc(DefaultPolicy.POLICY, out, List.of(new InputFile(jan, null), new InputFile(feb, null)));
        Files.write(jan, List.of(header, ""), StandardCharsets.UTF_8);
        List<Difference> found = new ArrayList<>();
        new Verifier(DefaultPolicy.POLICY).verify(List.of(new InputFile(jan, null), new InputFile(feb, null)),
                out.resolve("report.csv"), found::add);
        assertEquals(List.of("input " + jan + " sha256 (input changed)"),
                found.stream().map(Difference::column).toList(), found.toString());
    }

    /** a.csv now holds what b.csv held, and b.csv was edited: both are named as changed, by their names. */
    @Test
    void anInputThatNowHoldsAnothersContentIsNamedAsChangedByItsName() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path out = reportOfFirmsSplitInto(a, b);
        Files.copy(b, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(b, Files.readAllLines(FIRMS, StandardCharsets.UTF_8).subList(0, 1), StandardCharsets.UTF_8);
        List<Difference> found = new ArrayList<>();
        new Verifier(DefaultPolicy.POLICY).verify(List.of(new InputFile(a, null), new InputFile(b, null)),
                out.resolve("report.csv"), found::add);
        assertEquals(List.of("input " + a + " sha256 (input changed)", "input " + b + " sha256 (input changed)"),
                found.stream().filter(d -> d.column().startsWith("input ")).map(Difference::column).toList(),
                found.toString());
        assertEquals(List.of(new Difference(Difference.MANIFEST, "rows.read", "47", "27")),
                found.stream().filter(d -> d.column().equals("rows.read")).toList());
    }

    /** A manifest.json that is not one of ours is said to be so, once, not read as a changed policy. */
    @Test
    void aManifestThatIsNotOursIsOneDifference() throws Exception {
        Files.writeString(report.resolveSibling("manifest.json"), "{}");
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(List.of(new Difference(Difference.MANIFEST, "manifest.json",
                "not a subsidy manifest (it lacks policy.sha256, inputs, outputs.report.csv)", "")), d);
    }

    /**
     * A header naming a column twice is a difference of its own, and every copy is compared: the
     * reader that takes the first copy and the one that takes the last must both be told.
     */
    @Test
    void aColumnNamedTwiceInTheHeaderIsADifferenceAndEveryCopyIsCompared() throws Exception {
        String[] edited = new String[1];
        rewriteReport(rows -> {
            int total = rows.get(0).indexOf("total");
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                String cell = row.get(total);
                if (i == 2) {
                    edited[0] = row.get(0);
                    assertEquals("392596.47", cell);
                    cell = "392596.48";
                }
                row.add(1, cell); // the first copy, right after entity_id
            }
        });
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(List.of(new Difference(Difference.COLUMN, "total", "2 times in the header", "once"),
                new Difference(edited[0], "total", "392596.48", "392596.47")),
                d.stream().filter(x -> !x.entityId().equals(Difference.MANIFEST)).toList(), d.toString());
    }

    /** Every file the manifest vouches for is checked against its SHA-256, and recomputed where it can be. */
    @Test
    void anOutputEditedAfterTheRunIsADifferenceByItsHashAndByItsRecomputation() throws Exception {
        Path summary = report.resolveSibling("summary.csv");
        String written = sha256(summary);
        assertEquals(written, manifest().path("outputs").path("summary.csv").asText());
        Files.writeString(summary, Files.readString(summary).replace(",45000.00\n", ",46000.00\n"));
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(List.of(new Difference(Difference.MANIFEST, "summary.csv sha256 (edited after it was written)",
                        written, sha256(summary)),
                new Difference(Difference.MANIFEST, "summary.csv (differs from a recomputation)", sha256(summary),
                        written)), d);
    }

    /** Editing the manifest's hash along with the file does not hide the edit: the file is recomputed. */
    @Test
    void anOutputEditedWithItsHashInTheManifestStillDiffersFromItsRecomputation() throws Exception {
        Path input = Path.of("samples/messy.csv");
        Path out = run(input, false);
        Path rejected = out.resolve("rejected.csv");
        String written = sha256(rejected);
        Files.writeString(rejected, Files.readString(rejected).replace("check character is 'W'",
                "check character is 'w'"));
        String edited = sha256(rejected);
        editManifest(out, m -> ((ObjectNode) m.path("outputs")).put("rejected.csv", edited));
        assertEquals(List.of(new Difference(Difference.MANIFEST, "rejected.csv (differs from a recomputation)",
                edited, written)), verify(input, out));
    }

    /**
     * Recomputed, rejected.csv names each input as the run did, so an auditor who gives the same file
     * by another path is not told that rejected.csv changed.
     */
    @Test
    void rejectedRowsAreRecomputedUnderTheNamesTheRunGaveTheInputs() throws Exception {
        Path input = Path.of("samples/messy.csv");
        Path out = run(input, false);
        Path elsewhere = Files.copy(input, dir.resolve("messy-copy.csv"));
        assertEquals(List.of(), verify(input, out));
        assertEquals(List.of(), verify(elsewhere, out));
    }

    /** details.csv is recomputed when the manifest lists it. */
    @Test
    void detailsAreRecomputedWhenTheManifestListsThem() throws Exception {
        Path out = run(FIRMS, true);
        assertEquals(List.of(), verify(FIRMS, out));
        Path details = out.resolve("details.csv");
        String written = sha256(details);
        Files.writeString(details, Files.readString(details).replaceFirst(",392596\\.47,", ",392596.48,"));
        String edited = sha256(details);
        editManifest(out, m -> ((ObjectNode) m.path("outputs")).put("details.csv", edited));
        assertEquals(List.of(new Difference(Difference.MANIFEST, "details.csv (differs from a recomputation)",
                edited, written)), verify(FIRMS, out));
    }

    @Test
    void anOutputTheManifestListsButThatIsMissingIsADifference() throws Exception {
        Path sizeCheck = report.resolveSibling("size_check.csv");
        String written = sha256(sizeCheck);
        Files.delete(sizeCheck);
        assertEquals(List.of(new Difference(Difference.MANIFEST,
                "size_check.csv (listed in the manifest, missing beside the report)", written, "(none)")),
                verify(DefaultPolicy.POLICY));
    }

    /** The control totals and row counts the manifest states are compared with the recomputation's. */
    @Test
    void controlTotalsAndRowCountsInTheManifestAreComparedWithTheRecomputation() throws Exception {
        editManifest(report.getParent(), m -> {
            ((ObjectNode) m.path("control_totals")).put("hiring_subsidy", "45001.00");
            ((ObjectNode) m.path("control_totals")).put("total", "4620391.6"); // the same amount
            ((ObjectNode) m.path("rows")).put("read", 48);
        });
        assertEquals(List.of(new Difference(Difference.MANIFEST, "rows.read", "48", "47"),
                new Difference(Difference.MANIFEST, "control_totals.hiring_subsidy", "45001.00", "45000.00")),
                verify(DefaultPolicy.POLICY));
    }

    /**
     * rejected.csv names the inputs and follows their order: given in another order, it cannot be
     * recomputed as written, which is said (the order itself is the difference), not listed as an edit.
     */
    @Test
    void rejectedRowsOfInputsGivenInAnotherOrderAreNotComparedButSaidSo() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("samples/messy.csv"), StandardCharsets.UTF_8);
        Path a = Files.write(dir.resolve("a.csv"), lines.subList(0, 8), StandardCharsets.UTF_8);
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(8, lines.size()));
        Path b = Files.write(dir.resolve("b.csv"), rest, StandardCharsets.UTF_8);
        Path out = dir.resolve("ab");
        calc(DefaultPolicy.POLICY, out, List.of(new InputFile(a, null), new InputFile(b, null)));
        List<Difference> found = new ArrayList<>();
        Verifier.Outcome o = new Verifier(DefaultPolicy.POLICY).verify(
                List.of(new InputFile(b, null), new InputFile(a, null)), out.resolve("report.csv"), found::add);
        // messy.csv has an id in both halves: in the other order the other row of it wins, and shows
        assertEquals(List.of("name", "stable_job_refund", "total",
                "inputs given in another order (the first row of an id wins)", "control_totals.stable_job_refund",
                "control_totals.total", "summary.csv (differs from a recomputation)"),
                found.stream().map(Difference::column).toList(), found.toString());
        assertEquals(List.of(ManifestCheck.REJECTED_NOT_RECOMPUTED), o.notes());
    }

    /**
     * What else the manifest states of the run is compared too: each input's row counts (for an
     * input whose content is unchanged) and the programs left out on the date; another version of
     * the tool is said, since a difference may come from it rather than from the data.
     */
    @Test
    void perInputRowCountsAndLeftOutProgramsInTheManifestAreCompared() throws Exception {
        Path input = Path.of("samples/messy.csv");
        Path out = run(input, false);
        editManifest(out, m -> {
            ObjectNode first = (ObjectNode) m.path("inputs").get(0);
            first.put("rows_rejected", first.path("rows_rejected").asLong() - 1);
            ((ObjectNode) m).putArray("left_out").add("hiring_subsidy: in force to 2022-12-31");
            ((ObjectNode) m).put("version", "0.0.1");
        });
        List<Difference> found = new ArrayList<>();
        Verifier.Outcome o = new Verifier(DefaultPolicy.POLICY).verify(List.of(new InputFile(input, null)),
                out.resolve("report.csv"), found::add);
        assertEquals(List.of(new Difference(Difference.MANIFEST, "left_out", "hiring_subsidy: in force to 2022-12-31",
                        "(none)"),
                new Difference(Difference.MANIFEST, "input samples/messy.csv rows_rejected", "17", "18")), found);
        assertEquals(List.of("the report was written by subsidy 0.0.1, and is checked by subsidy "
                + subsidy.Version.get() + ": a difference may come from the tool, not from the data"), o.notes());
    }

    /** A notice list the manifest names is checked where it says, against its SHA-256. */
    @Test
    void aNoticeTheManifestNamesIsCheckedAgainstItsHashAndARecomputation() throws Exception {
        Path out = dir.resolve("with-notice");
        Path notice = dir.resolve("notice.csv");
        new ReportJob(DefaultPolicy.POLICY, new ReportJob.Options(out, false, false, notice)).run(
                List.of(new InputFile(FIRMS, null)), RejectedTable.sharedHeader(List.of(new InputFile(FIRMS, null))),
                java.io.OutputStream.nullOutputStream(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        report = out.resolve("report.csv");
        String written = sha256(notice);
        assertEquals(List.of(), verify(DefaultPolicy.POLICY));
        String list = Files.readString(notice);
        Files.writeString(notice, list + "530402,某某公司,915304******5393,,1.00\n");
        String mine = written;
        assertEquals(List.of(new Difference(Difference.MANIFEST,
                "notice " + notice + " sha256 (edited after it was written)", written, sha256(notice)),
                new Difference(Difference.MANIFEST, "notice " + notice + " (differs from a recomputation)",
                        sha256(notice), mine)),
                verify(DefaultPolicy.POLICY));
        Files.delete(notice);
        assertEquals(List.of(new Difference(Difference.MANIFEST, "notice " + notice + " (named in the manifest,"
                + " missing)", written, "(none)")), verify(DefaultPolicy.POLICY));
    }

    /** A program column deleted from the report is a difference (exit 4), and the rest is still compared. */
    @Test
    void aProgramColumnTheReportLacksIsADifferenceNotAnUnusableReport() throws Exception {
        edit(lines -> lines.stream().map(l -> {
            List<String> cells = new ArrayList<>(List.of(l.replace("\uFEFF", "").split(",", -1)));
            int at = List.of(lines.get(0).replace("\uFEFF", "").split(",", -1)).indexOf("hiring_subsidy");
            cells.remove(at);
            return String.join(",", cells);
        }).toList());
        List<Difference> d = verify(DefaultPolicy.POLICY);
        assertEquals(new Difference(Difference.COLUMN, "hiring_subsidy", "not in the report", "in the recomputation"),
                d.get(0));
        assertEquals(true, d.stream().anyMatch(x -> x.column().startsWith("report.csv sha256")), d.toString());
    }

    /** Without a manifest only the rows can be checked: not a difference, but said plainly. */
    @Test
    void aReportWithoutItsManifestIsSaidToBeCheckedOnlyRowByRow() throws Exception {
        Files.delete(report.resolveSibling("manifest.json"));
        List<Difference> found = new ArrayList<>();
        Verifier.Outcome o = new Verifier(DefaultPolicy.POLICY).verify(List.of(new InputFile(FIRMS, null)), report,
                found::add);
        assertEquals(List.of(), found);
        assertEquals(new Verifier.Outcome(47, 0, List.of("no manifest.json beside the report: only the report's rows"
                + " were checked; whether the policy, the inputs, the other files or the control totals changed"
                + " cannot be told")), o);
    }

    /** The run of the policy in force on {@code input} into a new directory, with or without details.csv. */
    private Path run(Path input, boolean details) throws Exception {
        Path out = Files.createTempDirectory(dir, "run");
        calc(DefaultPolicy.POLICY, out, List.of(new InputFile(input, null)), details);
        return out;
    }

    private static void calc(Policy policy, Path out, List<InputFile> inputs) throws Exception {
        calc(policy, out, inputs, false);
    }

    /** What {@code subsidy calc --out} does (the rejected rows' columns decided as it decides them). */
    private static void calc(Policy policy, Path out, List<InputFile> inputs, boolean details) throws Exception {
        new ReportJob(policy, new ReportJob.Options(out, details, true, null)).run(inputs,
                RejectedTable.sharedHeader(inputs), System.out,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    private static List<Difference> verify(Path input, Path out) throws Exception {
        List<Difference> found = new ArrayList<>();
        new Verifier(DefaultPolicy.POLICY).verify(List.of(new InputFile(input, null)), out.resolve("report.csv"),
                found::add);
        return found;
    }

    private JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(report.resolveSibling("manifest.json").toFile());
    }

    private static void editManifest(Path out, java.util.function.Consumer<JsonNode> change) throws IOException {
        Path manifest = out.resolve("manifest.json");
        JsonNode m = new ObjectMapper().readTree(manifest.toFile());
        change.accept(m);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), m);
    }

    private static String sha256(Path file) throws IOException {
        return subsidy.Sha256.of(Files.readAllBytes(file));
    }

    /** Rewrites report.csv cell by cell, as a spreadsheet would (byte-order mark kept). */
    private void rewriteReport(java.util.function.Consumer<List<List<String>>> change) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        String text = Files.readString(report, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(text,
                subsidy.report.Csv.FORMAT)) {
            p.forEach(r -> rows.add(new ArrayList<>(r.toList())));
        }
        change.accept(rows);
        StringBuilder out = new StringBuilder("\uFEFF");
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
                subsidy.report.Csv.FORMAT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Files.writeString(report, out, StandardCharsets.UTF_8);
    }

    /** firms.csv split into a (its first 20 rows) and b (the rest), and the report of both, in that order. */
    private Path reportOfFirmsSplitInto(Path a, Path b) throws Exception {
        List<String> lines = Files.readAllLines(FIRMS, StandardCharsets.UTF_8);
        Files.write(a, lines.subList(0, 21), StandardCharsets.UTF_8);
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(21, lines.size()));
        Files.write(b, rest, StandardCharsets.UTF_8);
        Path out = dir.resolve("ab");
        calc(DefaultPolicy.POLICY, out, List.of(new InputFile(a, null), new InputFile(b, null)));
        return out;
    }
}
