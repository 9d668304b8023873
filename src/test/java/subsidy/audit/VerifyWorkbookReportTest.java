package subsidy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.CommandLineRun.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun.Result;
import subsidy.Sha256;

/**
 * verify --report report.xlsx (calc --format xlsx|both): the workbook's rows are read back and compared as a
 * CSV report's are, and the digests the manifest lists for the workbooks are checked against the files and
 * against a recomputation of them (XlsxWriter's bytes depend on the cells only).
 */
class VerifyWorkbookReportTest {
    private static final Path FIRMS = Path.of("samples/firms.csv");
    private static final String SHEET = "xl/worksheets/sheet1.xml";
    /** The first row's stable-job refund as report.xlsx stores it (9153040225581193XN). */
    private static final String AMOUNT = "<v>71312.85</v>";
    private static final String HEADER = "entity_id,column,reported,recomputed";

    @TempDir
    Path tmp;

    private Path calc(String format, String... more) {
        Path out = tmp.resolve("out-" + format + more.length);
        List<String> args = new java.util.ArrayList<>(List.of("calc", "--as-of", "2022-06-30", "--input",
                FIRMS.toString(), "--out", out.toString(), "--format", format));
        args.addAll(List.of(more));
        Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static Result verify(Path report, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--input", FIRMS.toString(), "--report",
                report.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** The difference lines verify printed, its header left out. */
    private static List<String> differences(Result r) {
        List<String> lines = r.out().lines().toList();
        assertEquals(HEADER, lines.get(0), r.out());
        return lines.subList(1, lines.size());
    }

    /** Writes the workbook again with {@code sheet} applied to its first sheet's XML: other bytes, maybe other cells. */
    private static void rewrite(Path workbook, UnaryOperator<String> sheet) throws IOException {
        Path copy = workbook.resolveSibling(workbook.getFileName() + ".tmp");
        try (ZipFile in = new ZipFile(workbook.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            out.setLevel(Deflater.BEST_COMPRESSION); // as another program saves it: other bytes
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(SHEET)) {
                    bytes = sheet.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(copy, workbook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes the workbook again with {@code parts} applied to its entries (name to bytes, in order). */
    private static void rewriteParts(Path workbook, java.util.function.Consumer<java.util.Map<String, byte[]>> parts)
            throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile in = new ZipFile(workbook.toFile())) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                entries.put(entry.getName(), in.getInputStream(entry).readAllBytes());
            }
        }
        parts.accept(entries);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(workbook))) {
            for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Sets the SHA-256 the manifest lists for {@code name} to that of the file as it is now. */
    private static void relist(Path dir, String name) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
        ((ObjectNode) m.get("outputs")).put(name, Sha256.of(dir.resolve(name)));
        try (OutputStream o = Files.newOutputStream(manifest)) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(o, m);
        }
    }

    @Test
    void aWorkbookReportOfTheSampleVerifies() {
        Path out = calc("xlsx");
        assertFalse(Files.exists(out.resolve("report.csv")));
        Result r = verify(out.resolve("report.xlsx"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(List.of(), differences(r));
        assertTrue(r.err().contains("verify: 47 rows recomputed, 0 difference(s)"), r.err());
    }

    @Test
    void anAmountChangedInTheWorkbookIsFoundAndItsDigestDiffers() throws IOException {
        Path out = calc("xlsx");
        Path report = out.resolve("report.xlsx");
        String listed = Sha256.of(report);
        rewrite(report, xml -> {
            assertTrue(xml.contains(AMOUNT));
            return xml.replaceFirst(java.util.regex.Pattern.quote(AMOUNT), "<v>71312.86</v>");
        });
        Result r = verify(report);
        assertEquals(4, r.exit(), r.out() + r.err());
        assertEquals(List.of("9153040225581193XN,stable_job_refund,71312.86,71312.85",
                "(manifest),report.xlsx sha256 (report edited after it was written)," + listed + "," + Sha256.of(report)),
                differences(r));
    }

    /** Saved again by another program, the same cells in other bytes: every row agrees, the digest does not. */
    @Test
    void aResavedWorkbookVerifiesItsRowsAndSaysItsDigestDiffers() throws IOException {
        Path out = calc("xlsx");
        Path report = out.resolve("report.xlsx");
        String listed = Sha256.of(report);
        rewrite(report, xml -> xml);
        assertFalse(listed.equals(Sha256.of(report)));
        Result r = verify(report);
        assertEquals(4, r.exit(), r.out() + r.err());
        assertEquals(List.of("(manifest),report.xlsx sha256 (report edited after it was written)," + listed + ","
                + Sha256.of(report)), differences(r));
        assertTrue(r.err().contains("47 rows recomputed, 1 difference(s)"), r.err());
    }

    /** The workbooks beside the report are recomputed: an edit made with its digest in the manifest is found. */
    @Test
    void aWorkbookEditedWithItsDigestInTheManifestDiffersFromTheRecomputation() throws IOException {
        Path out = calc("xlsx");
        Path summary = out.resolve("summary.xlsx");
        String recomputed = Sha256.of(summary);
        rewrite(summary, xml -> xml.replace("3586045.85", "3586045.86"));
        relist(out, "summary.xlsx");
        Result r = verify(out.resolve("report.xlsx"));
        assertEquals(4, r.exit(), r.out() + r.err());
        assertEquals(List.of("(manifest),summary.xlsx (differs from a recomputation)," + Sha256.of(summary) + ","
                + recomputed), differences(r));
    }

    @Test
    void withBothFormatsEitherReportVerifiesAndTheOtherFormatsFilesAreChecked() throws IOException {
        Path out = calc("both");
        Result csv = verify(out.resolve("report.csv"));
        assertEquals(0, csv.exit(), csv.out() + csv.err());
        Result xlsx = verify(out.resolve("report.xlsx"));
        assertEquals(0, xlsx.exit(), xlsx.out() + xlsx.err());

        // Given report.csv, the workbooks' digests are still checked, and recomputed (report.xlsx too) ...
        Path workbook = out.resolve("report.xlsx");
        String recomputed = Sha256.of(workbook);
        rewrite(workbook, xml -> xml.replaceFirst(java.util.regex.Pattern.quote(AMOUNT), "<v>71312.86</v>"));
        relist(out, "report.xlsx");
        Result r = verify(out.resolve("report.csv"));
        assertEquals(4, r.exit(), r.out() + r.err());
        assertEquals(List.of("(manifest),report.xlsx (differs from a recomputation)," + Sha256.of(workbook) + ","
                + recomputed), differences(r));

        // ... and given report.xlsx (whose rows are now wrong), report.csv's are.
        Path report = out.resolve("report.csv");
        String listed = Sha256.of(report);
        Files.write(report, Files.readString(report).replace("71312.85", "71312.87").getBytes(StandardCharsets.UTF_8));
        Result back = verify(workbook);
        assertEquals(4, back.exit(), back.out() + back.err());
        List<String> found = differences(back);
        assertTrue(found.contains("9153040225581193XN,stable_job_refund,71312.86,71312.85"), found.toString());
        assertTrue(found.contains("(manifest),report.csv sha256 (edited after it was written)," + listed + ","
                + Sha256.of(report)), found.toString());
        assertTrue(found.contains("(manifest),report.csv (differs from a recomputation)," + Sha256.of(report) + ","
                + listed), found.toString());
    }

    /** A run in Chinese, its notice list a workbook in --out: verified in Chinese, with nothing to report. */
    @Test
    void aChineseRunWithANoticeWorkbookVerifies() throws IOException {
        Path out = tmp.resolve("zh");
        Result calc = run("calc", "--lang", "zh", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out",
                out.toString(), "--format", "both", "--notice", out.resolve("公示名单.xlsx").toString());
        assertEquals(0, calc.exit(), calc.err());
        for (String report : List.of("report.xlsx", "report.csv")) {
            Result r = verify(out.resolve(report), "--lang", "zh");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertEquals(List.of(), differences(r));
            assertTrue(r.err().contains("verify: 重算 47 行，差异 0 处"), r.err());
        }
        Path report = out.resolve("report.xlsx");
        String listed = Sha256.of(report);
        rewrite(report, xml -> xml.replaceFirst(java.util.regex.Pattern.quote(AMOUNT), "<v>71312.86</v>"));
        Result r = verify(report, "--lang", "zh");
        assertEquals(4, r.exit(), r.out() + r.err());
        assertEquals(List.of("9153040225581193XN,失业保险稳岗返还,71312.86,71312.85",
                "(manifest),report.xlsx sha256（报表生成后被改动）," + listed + "," + Sha256.of(report)), differences(r));
    }

    /** A report in the other format than the run wrote is not one of its outputs: said so, its rows compared. */
    @Test
    void aWorkbookTheRunDidNotWriteIsNamedAsUnlisted() throws IOException {
        Path out = calc("xlsx");
        Path csvRun = calc("csv");
        Files.copy(out.resolve("report.xlsx"), csvRun.resolve("report.xlsx"));
        Result r = verify(csvRun.resolve("report.xlsx"));
        assertEquals(4, r.exit(), r.out() + r.err());
        assertEquals(List.of("(manifest),report.xlsx sha256 (the report given is not in the manifest: the run wrote "
                + "its report in the other format),(none)," + Sha256.of(csvRun.resolve("report.xlsx"))), differences(r));
    }

    /**
     * A table longer than a sheet holds continues on "report (2)", its header repeated (XlsxWriter): the rows of
     * every such sheet are the report's. Made here by moving rows 31 to 48 of the sample's report to a second
     * sheet, and adding a sheet of a clerk's own, which is not the report's.
     */
    @Test
    void aReportContinuedOnASecondSheetIsReadWhole() throws IOException {
        Path out = calc("xlsx");
        Path report = out.resolve("report.xlsx");
        String listed = Sha256.of(report);
        rewriteParts(report, parts -> {
            String sheet = text(parts.get(SHEET));
            int second = sheet.indexOf("<row r=\"2\">");
            int moved = sheet.indexOf("<row r=\"31\">");
            int end = sheet.indexOf("</sheetData>");
            assertTrue(second > 0 && moved > second && end > moved);
            java.util.regex.Matcher ref = java.util.regex.Pattern.compile(" r=\"([A-Z]*)(\\d+)\"")
                    .matcher(sheet.substring(moved, end));
            StringBuilder rows = new StringBuilder();
            while (ref.find()) {
                ref.appendReplacement(rows, " r=\"" + ref.group(1) + (Integer.parseInt(ref.group(2)) - 29) + "\"");
            }
            ref.appendTail(rows);
            String tail = sheet.substring(end);
            parts.put(SHEET, (sheet.substring(0, moved) + tail).getBytes(StandardCharsets.UTF_8));
            parts.put("xl/worksheets/sheet2.xml", (sheet.substring(0, second) + rows + tail)
                    .getBytes(StandardCharsets.UTF_8));
            parts.put("xl/worksheets/sheet3.xml", (sheet.substring(0, second).replace("entity_id", "备注") + tail)
                    .getBytes(StandardCharsets.UTF_8));
            parts.put("xl/workbook.xml", text(parts.get("xl/workbook.xml")).replace("</sheets>",
                    "<sheet name=\"report (2)\" sheetId=\"2\" r:id=\"rId8\"/>"
                            + "<sheet name=\"notes\" sheetId=\"3\" r:id=\"rId9\"/></sheets>")
                    .getBytes(StandardCharsets.UTF_8));
            String worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
            parts.put("xl/_rels/workbook.xml.rels", text(parts.get("xl/_rels/workbook.xml.rels")).replace(
                    "</Relationships>", "<Relationship Id=\"rId8\" Type=\"" + worksheet
                            + "\" Target=\"worksheets/sheet2.xml\"/><Relationship Id=\"rId9\" Type=\"" + worksheet
                            + "\" Target=\"worksheets/sheet3.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
            parts.put("[Content_Types].xml", text(parts.get("[Content_Types].xml")).replace("</Types>",
                    "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"" + type + "\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet3.xml\" ContentType=\"" + type + "\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
        });
        Result r = verify(report);
        assertEquals(4, r.exit(), r.out() + r.err());
        assertEquals(List.of("(manifest),report.xlsx sha256 (report edited after it was written),"
                + listed + "," + Sha256.of(report)), differences(r));
        assertTrue(r.err().contains("47 rows recomputed, 1 difference(s)"), r.err());
    }

    /**
     * A name a spreadsheet would run as a formula: report.csv holds it after an apostrophe (SafeText), the
     * workbook as it is, in a text cell. Each report is compared as its writer stored it.
     */
    @Test
    void aNameThatLooksLikeAFormulaIsComparedAsEachFormatStoresIt() throws IOException {
        Path input = tmp.resolve("firms.csv");
        String sample = Files.readString(FIRMS, StandardCharsets.UTF_8);
        assertTrue(sample.contains(",红塔区某某数码科技有限公司,"));
        Files.writeString(input, sample.replace(",红塔区某某数码科技有限公司,", ",=红塔区某某数码科技有限公司,"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("formula");
        Result calc = run("calc", "--as-of", "2022-06-30", "--input", input.toString(), "--out", out.toString(),
                "--format", "both");
        assertEquals(0, calc.exit(), calc.err());
        assertTrue(Files.readString(out.resolve("report.csv")).contains(",'=红塔区某某数码科技有限公司,"));
        for (String report : List.of("report.csv", "report.xlsx")) {
            Result r = run("verify", "--input", input.toString(), "--report", out.resolve(report).toString());
            assertEquals(0, r.exit(), report + ": " + r.out() + r.err());
        }
    }

    /** A notice list written outside --out as a workbook (*.xlsx) is recomputed as a workbook, not as CSV. */
    @Test
    void aNoticeWorkbookOutsideTheDirectoryIsRecomputedAsAWorkbook() {
        Path notice = tmp.resolve("notice.xlsx");
        Path out = calc("csv", "--notice", notice.toString());
        assertTrue(Files.isRegularFile(notice));
        Result r = verify(out.resolve("report.csv"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(List.of(), differences(r));
    }

    /**
     * Saved by a spreadsheet that took the codes of digits only for numbers: each is named with its sheet row
     * (the report's line), as for a CSV report, and the rest of its row is compared.
     */
    @Test
    void codesAWorkbookStoresAsNumbersAreNamedAsMangled() throws IOException {
        Path out = calc("xlsx");
        Path report = out.resolve("report.xlsx");
        java.util.regex.Pattern code = java.util.regex.Pattern.compile(
                "<c r=\"A(\\d+)\" s=\"3\" t=\"inlineStr\"><is><t>(\\d{18})</t></is></c>");
        List<String> rows = new java.util.ArrayList<>();
        rewrite(report, xml -> {
            java.util.regex.Matcher m = code.matcher(xml);
            while (m.find()) {
                rows.add(m.group(1));
            }
            return m.replaceAll("<c r=\"A$1\"><v>$2</v></c>");
        });
        assertEquals(14, rows.size());
        Result r = verify(report);
        assertEquals(4, r.exit(), r.out() + r.err());
        List<String> found = differences(r);
        assertEquals(15, found.size(), found.toString());
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(found.get(i).matches("[0-9*]{18},\"?entity_id on line " + rows.get(i) + ": a spreadsheet turned "
                    + "the credit code into a number in exponent form; export the column as text "
                    + "\\[spreadsheet_mangled\\]\"?,9\\.\\d+E\\+17,[0-9*]{18}"), found.get(i));
        }
        assertTrue(found.get(14).startsWith("(manifest),report.xlsx sha256 (report edited"), found.get(14));
    }
}
