package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.CommandLineRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import subsidy.CommandLineRun.Result;
import subsidy.entity.CreditCode;
import subsidy.text.Msg;
import subsidy.text.Texts;

/**
 * Excel workbooks in and out (issue 19): calc --format xlsx|both read back by another reader than the one
 * that wrote them (fastexcel-reader, and the sheet's XML parsed as a DOM), and .xlsx inputs with typed
 * cells (dates, numbers, booleans) computed exactly as the same rows in a CSV.
 */
class WorkbookTest {
    private static final Path FIRMS = Path.of("samples/firms.csv");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("(0|[1-9]\\d{0,11})(\\.\\d+)?");

    @TempDir
    Path tmp;

    @Test
    void theReportWorkbookHoldsCodesAsTextAmountsAsNumbersAndTheCsvReportsRows() throws Exception {
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(),
                "--format", "both");
        assertEquals(0, r.exit(), r.err());
        List<CSVRecord> csv = csv(out.resolve("report.csv"));
        List<String> header = csv.get(0).toList();
        int firstAmount = 6;
        int notes = header.size() - 1;
        int digitCodes = 0;
        try (ReadableWorkbook wb = new ReadableWorkbook(out.resolve("report.xlsx").toFile(),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(csv.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                CSVRecord expected = csv.get(i);
                for (int c = 0; c < expected.size(); c++) {
                    String want = expected.get(c);
                    Cell cell = row.getCell(c);
                    if (i > 0 && c >= firstAmount && c < notes) {
                        assertEquals(CellType.NUMBER, cell.getType(), header.get(c));
                        assertEquals(0, new BigDecimal(want).compareTo(cell.asNumber()), header.get(c));
                        assertEquals("0.00", cell.getDataFormatString());
                    } else if (want.isEmpty()) {
                        assertTrue(cell == null || cell.getType() == CellType.EMPTY || cell.getText().isEmpty());
                    } else {
                        assertEquals(CellType.STRING, cell.getType(), header.get(c) + " row " + i);
                        assertEquals(want, cell.asString());
                    }
                }
                if (i > 0 && row.getCell(0).asString().matches("\\d{" + CreditCode.LENGTH + "}")) {
                    digitCodes++;
                }
            }
        }
        assertTrue(digitCodes > 0, "the sample has all-digit codes");
        Element pane = (Element) sheetXml(out.resolve("report.xlsx")).getElementsByTagName("pane").item(0);
        assertEquals("frozen", pane.getAttribute("state"));
        assertEquals("1", pane.getAttribute("ySplit"));
        assertEquals("A2", pane.getAttribute("topLeftCell"));
        // Widths that fit: the name column (Chinese, two widths a character) is wider than the type column.
        var cols = sheetXml(out.resolve("report.xlsx")).getElementsByTagName("col");
        double nameWidth = Double.parseDouble(((Element) cols.item(1)).getAttribute("width"));
        double typeWidth = Double.parseDouble(((Element) cols.item(2)).getAttribute("width"));
        assertTrue(nameWidth > 2 * 12 && nameWidth > typeWidth, nameWidth + " " + typeWidth);
        JsonNode outputs = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("outputs");
        for (String f : List.of("report.xlsx", "rejected.xlsx", "summary.xlsx", "report.csv")) {
            assertEquals(subsidy.Sha256.of(out.resolve(f)), outputs.path(f).asText(), f);
        }
    }

    @Test
    void aReportWorkbookReadsBackAsCsvWithTheSameCodesAndAmounts() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(),
                "--format", "both").exit());
        assertTrue(subsidy.input.XlsxSheets.isWorkbook(out.resolve("report.xlsx")));
        assertFalse(subsidy.input.XlsxSheets.isWorkbook(out.resolve("report.csv")));
        List<CSVRecord> csv = csv(out.resolve("report.csv"));
        List<CSVRecord> back;
        try (InputStream in = subsidy.input.XlsxSheets.csv(out.resolve("report.xlsx"), null, Texts.EN)) {
            back = CSVFormat.RFC4180.parse(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .getRecords();
        }
        assertEquals(csv.size(), back.size());
        for (int i = 0; i < csv.size(); i++) {
            for (int c = 0; c < csv.get(i).size(); c++) {
                String want = csv.get(i).get(c);
                String got = back.get(i).get(c);
                if (i > 0 && c >= 6 && c < csv.get(i).size() - 1) {
                    assertEquals(0, new BigDecimal(want).compareTo(new BigDecimal(got)), want + " " + got);
                } else {
                    assertEquals(want, got);
                }
            }
        }
    }

    @Test
    void theSummaryWorkbookHasCountsAndAmountsAsNumbers() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(),
                "--format", "xlsx").exit());
        assertFalse(Files.exists(out.resolve("report.csv")), "--format xlsx writes no CSV tables");
        assertFalse(Files.exists(out.resolve("summary.csv")));
        try (ReadableWorkbook wb = new ReadableWorkbook(out.resolve("summary.xlsx").toFile())) {
            List<Row> rows = wb.getFirstSheet().read();
            Row total = rows.get(rows.size() - 1);
            assertEquals("total", total.getCell(0).asString());
            assertEquals(CellType.NUMBER, total.getCell(2).getType());
            assertEquals(0, new BigDecimal("4620391.60").compareTo(total.getCell(3).asNumber()));
        }
    }

    @Test
    void theSameInputMakesTheSameWorkbookBytes() throws Exception {
        List<byte[]> runs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path out = tmp.resolve(name);
            assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out",
                    out.toString(), "--format", "xlsx", "--notice", out.resolve("notice.xlsx").toString()).exit());
            for (String f : List.of("report.xlsx", "rejected.xlsx", "summary.xlsx", "notice.xlsx")) {
                runs.add(Files.readAllBytes(out.resolve(f)));
            }
            Thread.sleep(1100); // a timestamp in seconds would differ
        }
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(runs.get(i), runs.get(i + 4), "file " + i);
        }
    }

    @Test
    void theNoticeWorkbookHasMaskedCodesAndNumericAmounts() throws Exception {
        Path out = tmp.resolve("out");
        Path notice = tmp.resolve("公示名单.xlsx");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out", out.toString(),
                "--notice", notice.toString()).exit());
        try (ReadableWorkbook wb = new ReadableWorkbook(notice.toFile())) {
            List<Row> rows = wb.getFirstSheet().read();
            Row first = rows.get(1);
            assertTrue(first.getCell(2).asString().contains("*"));
            assertEquals(CellType.NUMBER, first.getCell(first.getCellCount() - 1).getType());
        }
    }

    @Test
    void aWorkbookWithTypedCellsComputesAsTheSameRowsInACsv() throws Exception {
        Path xlsx = tmp.resolve("firms.xlsx");
        writeWorkbook(xlsx, List.of("申报"), true);
        Path fromCsv = tmp.resolve("csv");
        Path fromXlsx = tmp.resolve("xlsx");
        assertEquals(0, run("calc", "--as-of", "2022-06-30", "--input", FIRMS.toString(), "--out",
                fromCsv.toString()).exit());
        Result r = run("calc", "--as-of", "2022-06-30", "--input", xlsx.toString(), "--out", fromXlsx.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(fromCsv.resolve("report.csv")), Files.readString(fromXlsx.resolve("report.csv")));
        JsonNode input = new ObjectMapper().readTree(fromXlsx.resolve("manifest.json").toFile()).path("inputs").get(0);
        assertEquals(subsidy.Sha256.of(xlsx), input.path("sha256").asText());
        assertEquals(2, input.path("header_line").asLong(), "the title row is row 1");
        assertEquals(1, input.path("rows_above_header").asLong());
        assertEquals(47, input.path("rows_read").asLong());
        assertTrue(input.path("encoding").asText().startsWith("xlsx"));
        // explain and verify read the workbook too
        Result verify = run("verify", "--input", xlsx.toString(), "--report", fromXlsx.resolve("report.csv").toString());
        assertEquals(0, verify.exit(), verify.out() + verify.err());
    }

    @Test
    void aSheetIsChosenByNameAndAMissingOneIsNamedWithTheSheetsThereAre() throws Exception {
        Path xlsx = tmp.resolve("two.xlsx");
        writeWorkbook(xlsx, List.of("说明", "申报"), false);
        Result first = run("calc", "--as-of", "2022-06-30", "--input", xlsx.toString());
        assertEquals(3, first.exit(), "the first sheet holds notes, no header");
        Result chosen = run("calc", "--as-of", "2022-06-30", "--input", xlsx.toString(), "--sheet", "申报");
        assertEquals(0, chosen.exit(), chosen.err());
        Result missing = run("calc", "--as-of", "2022-06-30", "--input", xlsx.toString(), "--sheet", "Sheet9");
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains(xlsx + ": the workbook has no sheet named \"Sheet9\"; its sheets are \"说明\", "
                + "\"申报\""), missing.err());
    }

    @Test
    void aCreditCodeStoredAsANumberIsRejectedAsASpreadsheetsMangling() throws Exception {
        Path xlsx = tmp.resolve("numeric.xlsx");
        try (OutputStream os = new FileOutputStream(xlsx.toFile())) {
            Workbook wb = new Workbook(os, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            String[] header = {"entity_id", "name", "entity_type", "region_code", "industry_code"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            ws.value(1, 0, 915304021234567890.0);
            ws.value(1, 1, "某某公司");
            ws.value(1, 2, "enterprise");
            ws.value(1, 3, 530402);
            ws.value(1, 4, "I65");
            wb.finish();
        }
        Path out = tmp.resolve("out");
        Result r = run("calc", "--as-of", "2022-06-30", "--input", xlsx.toString(), "--out", out.toString(),
                "--format", "both");
        assertEquals(1, r.exit(), r.err());
        String rejected = Files.readString(out.resolve("rejected.csv"));
        assertTrue(rejected.contains(xlsx + ",2,") && rejected.contains("spreadsheet_mangled"), rejected);
        try (ReadableWorkbook wb = new ReadableWorkbook(out.resolve("rejected.xlsx").toFile())) {
            Row row = wb.getFirstSheet().read().get(1);
            assertEquals(CellType.NUMBER, row.getCell(1).getType(), "the line is a number");
            assertEquals(0, BigDecimal.valueOf(2).compareTo(row.getCell(1).asNumber()));
            assertEquals("spreadsheet_mangled", row.getCell(3).asString());
            assertTrue(row.getCell(4).asString().matches("9\\.\\d+E\\+17"), row.getCell(4).asString());
        }
    }

    @Test
    void anXlsFileAndAZipThatIsNoWorkbookAreRefusedSayingWhat() throws Exception {
        Path xls = tmp.resolve("old.xls");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1}, 0, ole2, 0, 8);
        Files.write(xls, ole2);
        Result r = run("calc", "--as-of", "2022-06-30", "--input", xls.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().contains(xls + ": is an Excel 97-2003 workbook (.xls)"), r.err());
        Path zip = tmp.resolve("data.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("firms.csv"));
            z.write(Files.readAllBytes(FIRMS));
        }
        Result notBook = run("calc", "--as-of", "2022-06-30", "--input", zip.toString());
        assertEquals(3, notBook.exit());
        assertTrue(notBook.err().contains(zip + ": is a zip archive but not an Excel workbook (.xlsx)"), notBook.err());
    }

    @Test
    void aFormatOtherThanCsvXlsxOrBothOrAWorkbookWithoutOutIsAUsageError() {
        assertEquals(2, run("calc", "--input", FIRMS.toString(), "--format", "ods").exit());
        assertEquals(2, run("calc", "--input", FIRMS.toString(), "--format", "xlsx").exit());
    }

    @Test
    void aMissingSheetIsSaidInChinese() {
        assertEquals("a.xlsx：工作簿中没有名为“表9”的工作表；现有工作表：\"申报\"",
                Msg.of("workbook.no_sheet", "a.xlsx", "表9", "\"申报\"").in(Texts.ZH));
        assertEquals("公示名单", Texts.ZH.get("workbook.sheet.notice"));
    }

    /**
     * samples/firms.csv as a clerk's workbook: a title row above the header; dates as date cells, figures as
     * number cells, booleans as boolean cells, codes as text. Sheets named {@code sheets}; the data on the last.
     */
    private void writeWorkbook(Path file, List<String> sheets, boolean title) throws IOException {
        List<CSVRecord> rows = csv(FIRMS);
        try (OutputStream os = new FileOutputStream(file.toFile())) {
            Workbook wb = new Workbook(os, "test", "1.0");
            for (int s = 0; s < sheets.size() - 1; s++) {
                wb.newWorksheet(sheets.get(s)).value(0, 0, "填表说明：金额以元为单位");
            }
            Worksheet ws = wb.newWorksheet(sheets.get(sheets.size() - 1));
            int top = 0;
            if (title) {
                ws.value(0, 0, "2022年5月稳岗返还申报表");
                top = 1;
            }
            List<String> header = rows.get(0).toList();
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord rec = rows.get(i);
                for (int c = 0; c < rec.size(); c++) {
                    String v = rec.get(c);
                    String column = header.get(c);
                    int r = i + top;
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (i > 0 && DATE.matcher(v).matches()) {
                        ws.value(r, c, LocalDate.parse(v));
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (i > 0 && (v.equals("true") || v.equals("false"))) {
                        ws.value(r, c, Boolean.valueOf(v));
                    } else if (i > 0 && !column.equals("entity_id") && NUMBER.matcher(v).matches()) {
                        ws.value(r, c, new BigDecimal(v));
                    } else {
                        ws.value(r, c, v);
                    }
                }
            }
            wb.finish();
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return CSVFormat.RFC4180.parse(new StringReader(s)).getRecords();
    }

    private static Document sheetXml(Path xlsx) throws Exception {
        try (ZipFile zip = new ZipFile(xlsx.toFile()); InputStream in = zip.getInputStream(
                zip.getEntry("xl/worksheets/sheet1.xml"))) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in);
        }
    }

}
