package subsidy.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One CSV row being built as UTF-8 bytes, the form every CSV we write takes (see {@link Csv}).
 * Building rows as bytes lets many threads format report rows at once, leaving the one thread that
 * must keep the input order only the copying of finished rows.
 */
public final class CsvLine implements RowCells {
    private static final BigDecimal MAX_CENTS = BigDecimal.valueOf(Long.MAX_VALUE / 1000, 2);
    private byte[] buf = new byte[512];
    private int len;
    private int cells;

    /** Starts a new row. */
    public CsvLine clear() {
        len = 0;
        cells = 0;
        return this;
    }

    /** A text cell: neutralised by {@link SafeText}, then quoted as Commons CSV's minimal mode would. */
    @Override
    public CsvLine text(String value) {
        String s = SafeText.cell(value == null ? "" : value);
        boolean first = cells++ == 0;
        if (!first) {
            put((byte) ',');
        }
        if (!needsQuotes(s, first)) {
            utf8(s, 0, s.length());
            return this;
        }
        put((byte) '"');
        int from = 0;
        for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) {
            utf8(s, from, i + 1);
            put((byte) '"');
            from = i + 1;
        }
        utf8(s, from, s.length());
        put((byte) '"');
        return this;
    }

    /**
     * An amount with exactly two decimals, as {@code Money.format} writes it. Digits need neither
     * quotes nor neutralising, so the common case is written straight from the unscaled value.
     */
    @Override
    public CsvLine amount(BigDecimal amount) {
        if (amount.scale() != 2 || amount.signum() < 0 || amount.compareTo(MAX_CENTS) > 0) {
            return text(subsidy.money.Money.format(amount));
        }
        if (cells++ > 0) {
            put((byte) ',');
        }
        long cents = amount.unscaledValue().longValue();
        digits(cents / 100);
        put((byte) '.');
        put((byte) ('0' + cents % 100 / 10));
        put((byte) ('0' + cents % 10));
        return this;
    }

    /** A count (a line number, say), never quoted. */
    public CsvLine number(long value) {
        if (value < 0) {
            return text(Long.toString(value));
        }
        if (cells++ > 0) {
            put((byte) ',');
        }
        digits(value);
        return this;
    }

    /** Ends the row with a line feed; what follows starts another row in the same buffer. */
    public CsvLine end() {
        put((byte) '\n');
        cells = 0;
        return this;
    }

    public byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    /**
     * Commons CSV's minimal quoting: a cell is quoted when it holds a comma, a quote or a line break,
     * starts with a character up to '#', ends with one up to ' ', or is an empty first cell.
     */
    static boolean needsQuotes(String s, boolean first) {
        int n = s.length();
        if (n == 0) {
            return first;
        }
        if (s.charAt(0) <= '#' || s.charAt(n - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void digits(long v) {
        if (v < 10) {
            put((byte) ('0' + v));
            return;
        }
        int n = 0;
        for (long x = v; x > 0; x /= 10) {
            n++;
        }
        room(n);
        for (int i = len + n - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += n;
    }

    private void utf8(String s, int from, int to) {
        room(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] rest = s.substring(i, to).getBytes(StandardCharsets.UTF_8);
                room(rest.length);
                System.arraycopy(rest, 0, buf, len, rest.length);
                len += rest.length;
                return;
            }
            buf[len++] = (byte) c;
        }
    }

    private void put(byte b) {
        room(1);
        buf[len++] = b;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + n, 2 * buf.length));
        }
    }
}
