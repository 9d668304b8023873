package subsidy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.DefaultPolicy;
import subsidy.input.EncodingDetector;
import subsidy.input.InputFile;
import subsidy.report.Csv;
import subsidy.report.NoticeList;
import subsidy.report.RejectedTable;
import subsidy.run.ReportJob;
import subsidy.text.Texts;

/**
 * A report opened in Excel and saved again: every credit code of digits only became a number shown in
 * exponent form (9.15302E+17), amounts lost their ".00", and the file is GBK now. verify says which
 * codes the spreadsheet mangled (line, cell, and the code the recomputation has there, masked), as the
 * input side's spreadsheet_mangled does, and compares the rest of each such row; it does not list them
 * as rows missing and rows added.
 */
class SpreadsheetMangledReportTest {
    private static final Path FIRMS = Path.of("samples/firms.csv");

    @TempDir
    Path dir;
    Path report;
    /** The codes Excel mangled, by the line of the report they stand on. */
    final List<long[]> lines = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    final List<String> cells = new ArrayList<>();

    @BeforeEach
    void writeAndResaveReport() throws Exception {
        Path out = dir.resolve("out");
        List<InputFile> inputs = List.of(new InputFile(FIRMS, null));
        new ReportJob(DefaultPolicy.POLICY, new ReportJob.Options(out, false, true, null)).run(inputs,
                RejectedTable.sharedHeader(inputs), java.io.OutputStream.nullOutputStream(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        report = out.resolve("report.csv");
        List<List<String>> rows = new ArrayList<>();
        String text = Files.readString(report, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (CSVParser p = CSVParser.parse(text, Csv.FORMAT)) {
            p.forEach(r -> rows.add(new ArrayList<>(r.toList())));
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String id = row.get(0);
            if (id.chars().allMatch(Character::isDigit)) {
                codes.add(id);
                cells.add(excel(id));
                lines.add(new long[] {i + 1});
                row.set(0, excel(id));
            }
            row.replaceAll(c -> c.equals("0.00") ? "0" : c); // General format drops the zero decimals
        }
        StringBuilder resaved = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(resaved, Csv.FORMAT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Files.write(report, resaved.toString().getBytes(EncodingDetector.GBK)); // no byte-order mark, GBK
    }

    /** A number as Excel's General format writes it: six significant digits in exponent form. */
    static String excel(String digits) {
        String s = String.format(Locale.ROOT, "%.5E", new BigDecimal(digits)); // 9.15302E+17
        String mantissa = s.substring(0, s.indexOf('E')).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + s.substring(s.indexOf('E'));
    }

    private List<Difference> verify(Texts texts) throws Exception {
        List<Difference> found = new ArrayList<>();
        new Verifier(DefaultPolicy.POLICY, null, texts).verify(List.of(new InputFile(FIRMS, null)), report,
                found::add);
        return found;
    }

    @Test
    void theSampleHasCodesOfDigitsOnlyThatExcelShowsInExponentForm() {
        assertEquals(14, codes.size(), codes.toString());
        assertTrue(cells.stream().allMatch(c -> c.matches("9\\.\\d+E\\+17")), cells.toString());
    }

    @Test
    void eachMangledCodeIsNamedWithItsLineCellAndTheMaskedRecomputedCode() throws Exception {
        List<Difference> expected = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String masked = NoticeList.mask(codes.get(i));
            expected.add(new Difference(masked, "entity_id on line " + lines.get(i)[0] + ": a spreadsheet turned the"
                    + " credit code into a number in exponent form; export the column as text [spreadsheet_mangled]",
                    cells.get(i), masked));
        }
        expected.add(new Difference(Difference.MANIFEST, "report.csv sha256 (report edited after it was written)",
                "", ""));
        List<Difference> found = verify(Texts.EN);
        assertEquals(expected.size(), found.size(), found.toString());
        assertEquals(expected.subList(0, codes.size()), found.subList(0, codes.size()));
        assertEquals(expected.get(codes.size()).column(), found.get(codes.size()).column());
        assertTrue(found.get(0).recomputed().contains("*"), "masked: " + found.get(0));
    }

    /** The rest of a mangled row is still compared: an amount edited in it is found under its real code. */
    @Test
    void theRestOfAMangledRowIsStillCompared() throws Exception {
        String text = new String(Files.readAllBytes(report), EncodingDetector.GBK);
        List<String> all = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = (int) lines.get(0)[0] - 1;
        String row = all.get(at);
        int comma = row.lastIndexOf(',', row.lastIndexOf(',') - 1); // total is the cell before notes
        String total = row.substring(comma + 1, row.indexOf(',', comma + 1));
        all.set(at, row.substring(0, comma + 1) + "1" + total + row.substring(row.indexOf(',', comma + 1)));
        Files.write(report, String.join("\n", all).getBytes(EncodingDetector.GBK));
        List<Difference> found = verify(Texts.EN);
        assertTrue(found.stream().anyMatch(d -> d.entityId().equals(codes.get(0)) && d.column().equals("total")
                && d.reported().equals("1" + total)), found.toString());
        assertEquals(0, found.stream().filter(d -> d.column().equals(Difference.ROW)).count(), found.toString());
    }

    @Test
    void inChineseTheMangledCodeIsToldInChinese() throws Exception {
        Difference d = verify(Texts.ZH).get(0);
        assertEquals("第" + lines.get(0)[0] + "行统一社会信用代码：被电子表格转成了科学计数法数字，请将该列按文本导出 [spreadsheet_mangled]",
                d.column());
        assertEquals(NoticeList.mask(codes.get(0)), d.recomputed());
        assertEquals(cells.get(0), d.reported());
    }

    /** Many codes round to one number: a mangled row is fitted to the recomputed row its number rounds from. */
    @Test
    void aMangledCellFitsOnlyACodeThatRoundsToIt() {
        assertTrue(Verifier.Mangled.is("9.15302E+17"));
        assertTrue(Verifier.Mangled.fits("9.15302E+17", "915302123456789012"));
        assertTrue(Verifier.Mangled.fits("9.15302E+17", "915301999999999999"));
        assertEquals(false, Verifier.Mangled.fits("9.15302E+17", "915303123456789012"));
        assertEquals(false, Verifier.Mangled.fits("9.15302E+17", "91530212345678901X"));
        assertEquals(false, Verifier.Mangled.is("91530111980102933U"));
    }
}
