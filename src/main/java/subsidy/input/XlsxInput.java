package subsidy.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import subsidy.text.Msg;
import subsidy.text.Texts;

/**
 * One sheet of an .xlsx workbook as the UTF-8 CSV the reader works on, made as it is read (as
 * {@link Utf16Input} makes UTF-8 of UTF-16): every row, line rule and rejection then works as for a CSV.
 * Row N of the sheet is line N of the CSV (rows the sheet leaves out, or that hold nothing, are blank
 * lines, which the reader skips); every row has as many cells as the sheet's used range is wide, as
 * Excel's own "save as CSV" writes it. Cells are read as what they are: a date cell as 2022-04-15, a
 * number as its plain digits, a boolean as true/false, a formula as its cached value. A number of 16
 * digits or more cannot be a code Excel kept (a double holds 15 digits exactly): it is written in
 * exponent form, which the reader rejects as a spreadsheet's mangling, rather than as digits made up.
 */
final class XlsxInput extends InputStream {
    /** Zip's local file header: an .xlsx (or any zip). */
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    /** The compound-file header of an .xls (Excel 97-2003) or of an encrypted .xlsx. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal TOO_LONG = BigDecimal.TEN.pow(15);
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private final XlsxBook book;
    private final Path spooled;
    private XMLStreamReader xml;
    private InputStream sheetIn;
    private final int width;
    private byte[] out = new byte[1 << 16];
    private int outPos;
    private int outLen;
    private boolean eof;
    /** The CSV line the next row starts on (line breaks inside cells count too). */
    private long line = 1;
    private long lastRow;
    // The row being read: each cell's value, by column.
    private byte[][] cells = new byte[16][];
    private int cellCount;
    private final StringBuilder text = new StringBuilder();

    private XlsxInput(XlsxBook book, Path spooled, int width) throws IOException {
        this.book = book;
        this.spooled = spooled;
        this.width = width;
        sheetIn = book.sheet();
        xml = XlsxBook.xml(sheetIn);
    }

    /** Whether a file starting with these bytes is a workbook (an .xlsx, or an .xls this refuses). */
    static boolean isWorkbook(byte[] head, int length) {
        return starts(head, length, ZIP) || starts(head, length, OLE2);
    }

    private static boolean starts(byte[] head, int length, byte[] magic) {
        return length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * Opens the sheet {@code sheet} (the first when null) of the workbook {@code in} holds: all of its
     * bytes go into {@code digest} first (the manifest's SHA-256 is the workbook's own). A file is read
     * where it is; a pipe is copied to a temporary file first, since a zip's directory is at its end.
     *
     * @param in    the input from its first byte
     * @param path  the file, read again by its directory when it is a regular file
     * @param shown the file as messages name it
     */
    static XlsxInput open(InputStream in, Path path, boolean regular, String shown, String sheet, MessageDigest digest,
            Texts texts) throws InputException, IOException {
        byte[] head = in.readNBytes(4);
        if (starts(head, head.length, OLE2)) {
            throw new InputException(Msg.of("workbook.xls", shown));
        }
        Path file = path;
        Path spooled = null;
        try (InputStream rest = in) {
            digest.update(head);
            if (regular) {
                try (InputStream all = Files.newInputStream(path)) {
                    digest.reset();
                    new DigestInputStream(all, digest).transferTo(OutputStream.nullOutputStream());
                }
            } else {
                spooled = Files.createTempFile("subsidy-input", ".xlsx");
                file = spooled;
                try (OutputStream copy = Files.newOutputStream(spooled)) {
                    copy.write(head);
                    new DigestInputStream(rest, digest).transferTo(copy);
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(spooled);
            throw e;
        }
        XlsxBook book = null;
        try {
            book = XlsxBook.open(file, shown, sheet, texts);
            int width = usedWidth(book);
            return new XlsxInput(book, spooled, width);
        } catch (InputException | IOException | RuntimeException e) {
            if (book != null) {
                book.close();
            }
            delete(spooled);
            throw e;
        }
    }

    /** The sheet's name, for the manifest. */
    String sheetName() {
        return book.sheetName();
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file; the system's cleaning takes it
            }
        }
    }

    /**
     * How many cells a row has: the used range's ({@code <dimension ref="A1:K120"/>}), or, when the sheet
     * does not say, the rightmost cell's column, found by reading the sheet once beforehand.
     */
    private static int usedWidth(XlsxBook book) throws IOException {
        try (InputStream in = book.sheet()) {
            XMLStreamReader xml = XlsxBook.xml(in);
            int max = 0;
            int col = 0;
            boolean dimensionRead = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String n = xml.getLocalName();
                if (n.equals("dimension") && !dimensionRead) {
                    dimensionRead = true;
                    String ref = XlsxBook.attribute(xml, "ref");
                    int colon = ref == null ? -1 : ref.indexOf(':');
                    if (colon > 0) {
                        int w = column(ref, colon + 1) + 1;
                        if (w > 1) {
                            return w;
                        }
                    }
                } else if (n.equals("row")) {
                    col = 0;
                } else if (n.equals("c")) {
                    String r = XlsxBook.attribute(xml, "r");
                    col = r == null ? col : column(r, 0);
                    max = Math.max(max, col + 1);
                    col++;
                }
            }
            return max;
        } catch (XMLStreamException e) {
            throw XlsxBook.broken("sheet", e);
        }
    }

    /** The 0-based column of a cell reference (C5 → 2) starting at {@code from}; -1 when it has no letters. */
    static int column(String ref, int from) {
        int c = 0;
        int i = from;
        for (; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                c = c * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                c = c * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
        }
        return c - 1;
    }

    /** A row's number (its r attribute); 0 when it is not one. */
    private static long rowOf(String r) {
        String t = r.trim();
        if (t.isEmpty() || t.length() > 9) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch < '0' || ch > '9') {
                return 0;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLen) {
            if (eof) {
                return -1;
            }
            outPos = 0;
            outLen = 0;
            fill();
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Reads rows until there are some bytes to hand out, or the sheet ends. */
    private void fill() throws IOException {
        try {
            while (outLen < (1 << 15) && !eof) {
                if (!xml.hasNext()) {
                    eof = true;
                    break;
                }
                int e = xml.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String n = xml.getLocalName();
                    if (n.equals("row")) {
                        readRow();
                    } else if (n.equals("sheetData")) {
                        continue;
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetData")) {
                    eof = true;
                }
            }
        } catch (XMLStreamException e) {
            throw XlsxBook.broken("sheet \"" + book.sheetName() + "\"", e);
        }
    }

    /** A {@code <row>}, the reader on its start tag: its cells, then the row as a CSV line. */
    private void readRow() throws XMLStreamException, IOException {
        String r = XlsxBook.attribute(xml, "r");
        long row = r == null ? lastRow + 1 : rowOf(r);
        if (row <= 0) {
            row = lastRow + 1; // not a row number: the next row, as when it has none
        }
        lastRow = row;
        Arrays.fill(cells, 0, cellCount, null);
        cellCount = 0;
        int col = 0;
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("c")) {
                    String ref = XlsxBook.attribute(xml, "r");
                    if (ref != null) {
                        int c = column(ref, 0);
                        col = c < 0 ? col : c;
                    }
                    byte[] value = readCell();
                    if (value != null && value.length > 0) {
                        if (col >= cells.length) {
                            cells = Arrays.copyOf(cells, Math.max(col + 1, cells.length * 2));
                        }
                        cells[col] = value;
                        cellCount = Math.max(cellCount, col + 1);
                    }
                    col++;
                } else {
                    skip();
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break; // </row>
            }
        }
        writeRow(row);
    }

    /** Skips the element the reader is on the start tag of. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A {@code <c>}, the reader on its start tag: its value as text (UTF-8), null when it has none. */
    private byte[] readCell() throws XMLStreamException, IOException {
        String type = XlsxBook.attribute(xml, "t");
        String style = XlsxBook.attribute(xml, "s");
        String v = null;
        String inline = null;
        int depth = 1;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                String n = xml.getLocalName();
                if (n.equals("v")) {
                    v = xml.getElementText();
                } else if (n.equals("is")) {
                    text.setLength(0);
                    XlsxStrings.readItem(xml, text);
                    inline = XlsxBook.unescape(text);
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (type == null) {
            type = "n";
        }
        switch (type) {
            case "s":
                if (v == null || v.isBlank()) {
                    return null;
                }
                int index = parseInt(v);
                if (index < 0) {
                    throw new IOException("the sheet names shared string '" + v.trim() + "', which is no index");
                }
                return book.strings().get(index);
            case "inlineStr":
                return inline == null ? null : utf8(inline);
            case "str":
                return v == null ? null : utf8(XlsxBook.unescape(v));
            case "b":
                return v == null ? null : utf8("1".equals(v.trim()) || "true".equals(v.trim()) ? "true" : "false");
            case "e":
                return v == null ? null : utf8(v);
            case "d":
                return v == null ? null : utf8(isoDate(v.trim()));
            default:
                if (v == null || v.isBlank()) {
                    return null;
                }
                int s = style == null ? 0 : parseInt(style);
                return utf8(book.isDate(s) ? date(v.trim(), book.date1904()) : number(v.trim()));
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A number cell's value as a person reads it: at most 15 significant digits (what Excel keeps and
     * shows), no exponent, no trailing zeros (4200, 4200.5, 0.05). An integer of 16 digits or more is
     * written in exponent form (9.15302000123456E+17): its last digits are not the ones typed, and a
     * credit code or an amount in exponent form is rejected as a spreadsheet's doing.
     */
    static String number(String v) {
        if (v.length() <= 15 && plainDigits(v)) {
            return v;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            return v; // not a number: as it is, and the cell's rule says what is wrong
        }
        if (d.abs().compareTo(TOO_LONG) >= 0) {
            BigDecimal r = d.round(EXCEL_DIGITS).stripTrailingZeros();
            String digits = r.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - r.scale();
            return (d.signum() < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                    + "E+" + exponent;
        }
        BigDecimal r = d.round(EXCEL_DIGITS).stripTrailingZeros();
        return r.signum() == 0 ? "0" : r.toPlainString();
    }

    private static boolean plainDigits(String v) {
        int i = v.startsWith("-") ? 1 : 0;
        if (i == v.length()) {
            return false;
        }
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !(v.length() > 1 && v.charAt(v.startsWith("-") ? 1 : 0) == '0');
    }

    /** A date cell (a serial number of days) as 2022-04-15; with a time of day, 2022-04-15 10:30:00. */
    static String date(String v, boolean date1904) {
        double serial;
        try {
            serial = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
        if (serial < 0 || serial > 2958465) { // past 9999-12-31: not a date Excel shows
            return number(v);
        }
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86400);
        if (seconds == 86400) {
            days++;
            seconds = 0;
        }
        LocalDate d;
        if (date1904) {
            d = EPOCH_1904.plusDays(days);
        } else if (days < 60) {
            d = EPOCH_1900.plusDays(days + 1); // Excel counts 1900-02-29, which never was: days before it are one off
        } else if (days == 60) {
            d = LocalDate.of(1900, 2, 28);
        } else {
            d = EPOCH_1900.plusDays(days);
        }
        if (seconds == 0) {
            return d.toString();
        }
        LocalDateTime t = d.atStartOfDay().plusSeconds(seconds);
        return t.toLocalDate() + " " + t.toLocalTime().withNano(0).toString().replaceFirst("^(\\d\\d:\\d\\d)$", "$1:00");
    }

    /** A cell of type d (ISO 8601, as some programs write dates): its date, and its time when it has one. */
    private static String isoDate(String v) {
        int t = v.indexOf('T');
        if (t < 0) {
            return v;
        }
        String time = v.substring(t + 1);
        return time.matches("00:00(:00(\\.0+)?)?Z?") ? v.substring(0, t) : v.substring(0, t) + " " + time;
    }

    /** Writes the row as one CSV line (blank lines first for the rows the sheet leaves out). */
    private void writeRow(long row) throws IOException {
        while (line < row) {
            put((byte) '\n');
            line++;
        }
        if (cellCount == 0) {
            return; // a row with nothing in it: a blank line, when the next row comes
        }
        int n = Math.max(cellCount, width);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            byte[] v = i < cellCount ? cells[i] : null;
            if (v != null) {
                cell(v);
            }
        }
        put((byte) '\n');
        line++;
    }

    /** A cell's bytes, quoted when it holds a comma, quote or line break, or starts or ends with a space. */
    private void cell(byte[] v) {
        boolean quote = false;
        for (byte b : v) {
            if (b == ',' || b == '"' || b == '\n' || b == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            put(v, 0, v.length);
            return;
        }
        put((byte) '"');
        for (int i = 0; i < v.length; i++) {
            byte b = v[i];
            if (b == '"') {
                put((byte) '"');
            } else if (b == '\n' || b == '\r' && (i + 1 == v.length || v[i + 1] != '\n')) {
                line++; // the reader counts this line break: the next row's blank lines are one fewer
            }
            put(b);
        }
        put((byte) '"');
    }

    private void put(byte b) {
        if (outLen == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[outLen++] = b;
    }

    private void put(byte[] b, int off, int len) {
        if (outLen + len > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + len));
        }
        System.arraycopy(b, off, out, outLen, len);
        outLen += len;
    }

    @Override
    public void close() throws IOException {
        try {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream below is closed next
            }
            sheetIn.close();
            book.close();
        } finally {
            delete(spooled);
        }
    }
}
