package subsidy.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import subsidy.money.Money;

/**
 * One table as an .xlsx workbook, written as a stream: a row's cells go out as they come (inline strings,
 * so no table of every distinct text is kept), in flat memory. Text is stored as text (a credit code of
 * 18 digits stays 18 characters, shown with the text format {@code @}), an amount as a number shown with
 * two decimals ({@code 0.00}); the header row is bold and frozen; each column is as wide as its header and
 * the first {@link #SAMPLE} rows need (a Chinese character counts two). The bytes depend on the cells
 * only: every zip entry has the same fixed time, the parts are written in a fixed order, and no part
 * holds a creation time or an author. A table longer than a sheet holds continues on a second sheet.
 *
 * <p>Use: the {@link RowCells} methods for one row's cells, then {@link #endRow()}; {@link #close()} at the end.
 */
public final class XlsxWriter extends RowCells.Held implements AutoCloseable {
    /** Rows whose cells set the column widths. */
    static final int SAMPLE = 100;
    /** Excel's rows per sheet. */
    static final int MAX_ROWS = 1_048_576;
    /** Excel's characters per cell. */
    static final int MAX_CHARS = 32_767;
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int GENERAL = 0;
    private static final int AMOUNT = 1;
    private static final int HEADER = 2;
    private static final int TEXT = 3;
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final ZipOutputStream zip;
    private final String sheetName;
    private final List<String> header;
    /** A row above the header (the notice list's title), or null. */
    private final String title;
    private final int rowsPerSheet;
    private final Xml xml = new Xml();
    private List<Object[]> sample = new ArrayList<>();
    private final List<Object> cells = new ArrayList<>();
    private double[] widths;
    private int sheets;
    private int rowInSheet;
    private String[] columns = new String[0];

    /**
     * @param out    where the workbook goes; closed by {@link #close()}
     * @param sheet  the sheet's name (31 characters at most, none of : \ / ? * [ ])
     * @param header the first row's cells
     */
    public XlsxWriter(OutputStream out, String sheet, List<String> header) {
        this(out, sheet, null, header, MAX_ROWS);
    }

    /** @param title a row above the header on each sheet (a list's title, for posting), or null */
    public XlsxWriter(OutputStream out, String sheet, String title, List<String> header) {
        this(out, sheet, title, header, MAX_ROWS);
    }

    XlsxWriter(OutputStream out, String sheet, List<String> header, int rowsPerSheet) {
        this(out, sheet, null, header, rowsPerSheet);
    }

    private XlsxWriter(OutputStream out, String sheet, String title, List<String> header, int rowsPerSheet) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        this.sheetName = sheet;
        this.title = title;
        this.header = List.copyOf(header);
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public RowCells text(String value) {
        cells.add(value == null ? "" : value);
        return this;
    }

    @Override
    public RowCells amount(BigDecimal value) {
        cells.add(value == null ? "" : value);
        return this;
    }

    /** A whole number (a count, a line number), stored as a number. */
    public RowCells count(long value) {
        cells.add(value);
        return this;
    }

    /** Ends the row whose cells were given since the last. */
    public void endRow() throws IOException {
        Object[] row = cells.toArray();
        cells.clear();
        if (sample != null) {
            sample.add(row);
            if (sample.size() >= SAMPLE) {
                start();
            }
            return;
        }
        row(row);
    }

    /** A row of text cells. */
    public void textRow(List<String> row) throws IOException {
        for (String s : row) {
            text(s);
        }
        endRow();
    }

    /** The widths from the header and the sample, then the sheet's start and the rows held so far. */
    private void start() throws IOException {
        int n = header.size();
        for (Object[] r : sample) {
            n = Math.max(n, r.length);
        }
        widths = new double[n];
        columns = new String[n];
        for (int i = 0; i < n; i++) {
            columns[i] = column(i);
            widths[i] = Math.max(8, i < header.size() ? shown(header.get(i)) + 3 : 0);
        }
        for (Object[] r : sample) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], shown(r[i]) + 2);
            }
        }
        for (int i = 0; i < n; i++) {
            widths[i] = Math.min(widths[i], 80);
        }
        List<Object[]> held = sample;
        sample = null;
        beginSheet();
        for (Object[] r : held) {
            row(r);
        }
    }

    private void beginSheet() throws IOException {
        sheets++;
        String firstData = title == null ? "A2" : "A3";
        ZipEntry e = entry("xl/worksheets/sheet" + sheets + ".xml");
        zip.putNextEntry(e);
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + REL + "\"><sheetViews><sheetView workbookViewId=\"0\""
                + (sheets == 1 ? " tabSelected=\"1\"" : "") + "><pane ySplit=\"" + (title == null ? 1 : 2)
                + "\" topLeftCell=\"" + firstData + "\" activePane=\"bottomLeft\" state=\"frozen\"/><selection"
                + " pane=\"bottomLeft\" activeCell=\"" + firstData + "\" sqref=\"" + firstData + "\"/></sheetView>"
                + "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < widths.length; i++) {
            xml.raw("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\""
                    + BigDecimal.valueOf(Math.round(widths[i] * 100), 2).stripTrailingZeros().toPlainString()
                    + "\" customWidth=\"1\"/>");
        }
        xml.raw("</cols><sheetData>");
        rowInSheet = 0;
        if (title != null) {
            writeRow(new Object[] {title}, true);
        }
        Object[] h = header.toArray();
        writeRow(h, true);
    }

    private void endSheet() throws IOException {
        xml.raw("</sheetData></worksheet>");
        xml.flushTo(zip);
        zip.closeEntry();
    }

    private void row(Object[] row) throws IOException {
        if (rowInSheet >= rowsPerSheet) {
            endSheet();
            beginSheet();
        }
        writeRow(row, false);
    }

    private void writeRow(Object[] row, boolean isHeader) throws IOException {
        rowInSheet++;
        String r = Integer.toString(rowInSheet);
        xml.raw("<row r=\"").raw(r).raw("\">");
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            String ref = i < columns.length ? columns[i] : column(i);
            if (v instanceof BigDecimal d) {
                xml.raw("<c r=\"").raw(ref).raw(r).raw("\" s=\"" + AMOUNT + "\"><v>").raw(Money.format(d))
                        .raw("</v></c>");
            } else if (v instanceof Long l) {
                xml.raw("<c r=\"").raw(ref).raw(r).raw("\"><v>").raw(Long.toString(l)).raw("</v></c>");
            } else {
                String s = (String) v;
                if (s.isEmpty()) {
                    continue;
                }
                xml.raw("<c r=\"").raw(ref).raw(r).raw("\" s=\"" + (isHeader ? HEADER : TEXT)
                        + "\" t=\"inlineStr\"><is><t");
                if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
                    xml.raw(" xml:space=\"preserve\"");
                }
                xml.raw(">").text(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s).raw("</t></is></c>");
            }
        }
        xml.raw("</row>");
        if (xml.size() >= 1 << 16) {
            xml.flushTo(zip);
        }
    }

    /** The workbook's other parts, in a fixed order, after the sheets. */
    @Override
    public void close() throws IOException {
        if (sample != null) {
            start();
        }
        endSheet();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd"
                + ".openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        StringBuilder book = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><bookViews><workbookView activeTab=\"0\"/>"
                + "</bookViews><sheets>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheets; i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            String name = i == 1 ? sheetName : sheetName + " (" + i + ")";
            book.append("<sheet name=\"").append(Xml.escape(name)).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        types.append("</Types>");
        book.append("</sheets></workbook>");
        rels.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"").append(REL)
                .append("/styles\" Target=\"styles.xml\"/></Relationships>");
        part("[Content_Types].xml", types.toString());
        part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        part("xl/workbook.xml", book.toString());
        part("xl/_rels/workbook.xml.rels", rels.toString());
        part("xl/styles.xml", STYLES);
        zip.close();
    }

    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"" + MAIN + "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/>"
            + "</numFmts><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill"
            + " patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/>"
            + "<diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\""
            + " borderId=\"0\"/></cellStyleXfs><cellXfs count=\"4\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\""
            + " applyFont=\"1\"/>"
            + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    private void part(String name, String content) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** An entry whose time is always the same, so the same cells make the same bytes. */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_TIME);
        return e;
    }

    /** The column's letters: 0 → A, 26 → AA. */
    static String column(int i) {
        StringBuilder b = new StringBuilder();
        for (int n = i + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    /** How wide a cell's value is shown, in widths of a digit: a Chinese (full-width) character is two. */
    static double shown(Object v) {
        if (v instanceof BigDecimal d) {
            return Money.format(d).length();
        }
        String s = String.valueOf(v);
        double w = 0;
        int longest = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                longest = Math.max(longest, (int) w);
                w = 0;
                continue;
            }
            w += wide(c) ? 2 : 1;
        }
        return Math.max(longest, w);
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000 && c <= 0x3FFFD);
    }

    /** XML text as UTF-8 bytes, gathered and handed to the zip in blocks. */
    static final class Xml {
        private byte[] buf = new byte[1 << 17];
        private int len;

        int size() {
            return len;
        }

        /** ASCII markup, as it is. */
        Xml raw(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
            return this;
        }

        /**
         * Text: {@code & < >} escaped; a character XML 1.0 cannot hold (a control character, a lone
         * surrogate) and an underscore that would read as the start of such an escape written as Office
         * writes them, {@code _x0001_} and {@code _x005F_}.
         */
        Xml text(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                ensure(12);
                if (c < 0x80) {
                    if (c == '&') {
                        raw("&amp;");
                    } else if (c == '<') {
                        raw("&lt;");
                    } else if (c == '>') {
                        raw("&gt;");
                    } else if (c < 0x20 && c != '\t' && c != '\n' || c == '_' && escapeLike(s, i)) {
                        raw(String.format("_x%04X_", (int) c));
                    } else {
                        buf[len++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    buf[len++] = (byte) (0xC0 | c >> 6);
                    buf[len++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[len++] = (byte) (0xF0 | cp >> 18);
                    buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                    raw(String.format("_x%04X_", (int) c));
                } else {
                    buf[len++] = (byte) (0xE0 | c >> 12);
                    buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | c & 0x3F);
                }
            }
            return this;
        }

        /** Whether an underscore at {@code i} starts what reads as an escape, _xHHHH_. */
        private static boolean escapeLike(String s, int i) {
            if (i + 7 > s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
                return false;
            }
            for (int k = i + 2; k < i + 6; k++) {
                if (Character.digit(s.charAt(k), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        void flushTo(OutputStream out) throws IOException {
            out.write(buf, 0, len);
            len = 0;
        }
    }
}
