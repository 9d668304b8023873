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
    private static final byte[] ZERO = {'0', '.', '0', '0'};
    // Which bytes make a cell need quotes: anywhere (a comma, a quote, a line break), first (up to
    // '#'), last (up to ' '). A byte past ASCII, negative, is none of them. Looked up rather than
    // compared, so that the JIT has no branch to assume never taken, and no compiled row writer
    // to throw away at the first name with a quote in it.
    private static final boolean[] SPECIAL = bytesOf(",\"\n\r");
    private static final boolean[] QUOTED_FIRST = upTo('#');
    private static final boolean[] QUOTED_LAST = upTo(' ');
    // Pieces and codes skip SafeText unless their ends need it: a formula's first character does too.
    private static final boolean[] UNPLAIN_FIRST = or(QUOTED_FIRST, bytesOf("=@+-"));
    private static final int PIECE_SETS = 256;
    private byte[] buf = new byte[512];
    // The bytes of pieces and codes seen before. Most are the same String objects on every row
    // (program ids, reasons that name no figure, enum codes), so each is encoded and checked once
    // per thread and then only copied.
    private final Known[] known = new Known[2 * PIECE_SETS];
    private boolean piecesSpecial;
    private int len;
    private int cells;
    private int pieceStart;
    private boolean pieceComma;

    /** Starts a new row. */
    public CsvLine clear() {
        len = 0;
        cells = 0;
        return this;
    }

    /**
     * A text cell: neutralised by {@link SafeText}, then quoted as Commons CSV's minimal mode would,
     * that is when it holds a comma, a quote or a line break, starts with a character up to '#', ends
     * with one up to ' ', or is an empty first cell.
     */
    @Override
    public CsvLine text(String value) {
        String s = SafeText.cell(value == null ? "" : value);
        boolean first = cells++ == 0;
        if (!first) {
            put((byte) ',');
        }
        // As bytes first. A loop here over the String's chars, reading codes stored as Latin-1 and
        // names stored as UTF-16, was compiled and thrown away three times in a 1M-row run
        // (profile_predicate deoptimisations); String.getBytes is compiled once, for everyone.
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        boolean special = special(b);
        if (!(n == 0 ? first : special || QUOTED_FIRST[b[0] & 0xFF] || QUOTED_LAST[b[n - 1] & 0xFF])) {
            copy(b);
            return this;
        }
        put((byte) '"');
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == '"') {
                copy(b, from, i + 1);
                put((byte) '"');
                from = i + 1;
            }
        }
        copy(b, from, n);
        put((byte) '"');
        return this;
    }

    @Override
    public CsvLine textStart() {
        pieceComma = cells++ > 0;
        if (pieceComma) {
            put((byte) ',');
        }
        pieceStart = len;
        piecesSpecial = false;
        return this;
    }

    /**
     * A piece of text seen before, as UTF-8.
     *
     * @param special   whether the bytes hold a comma, quote or line break, which make a cell need quotes
     * @param plainCode whether, as a cell of its own, they stand as they are (see {@link #plainEnds})
     */
    private record Known(String text, byte[] bytes, boolean special, boolean plainCode) {
    }

    @Override
    public CsvLine piece(String text) {
        Known k = know(text);
        piecesSpecial |= k.special();
        copy(k.bytes());
        return this;
    }

    /** A short text cell that recurs, such as an enum's code: written as {@link #text} would, from bytes kept. */
    @Override
    public CsvLine code(String value) {
        Known k = know(value);
        if (!k.plainCode()) {
            return text(value);
        }
        if (cells++ > 0) {
            put((byte) ',');
        }
        copy(k.bytes());
        return this;
    }

    /**
     * What is known of text, found now if neither way of its set holds it. Two ways, the last used
     * first, and a hash spread over the set index: with one way per slot "absorption_subsidy", "no
     * lease" and "large", all on most rows, shared a slot and were encoded afresh three million times
     * in a 1M-row run. A different String of the same text (a label the size table holds in several
     * rows) is a hit too.
     */
    private Known know(String text) {
        int h = text.hashCode(); // a String keeps its hash: free after the first time
        int way0 = ((h ^ h >>> 16) & (PIECE_SETS - 1)) << 1;
        Known k = known[way0];
        if (holds(k, text)) {
            return k;
        }
        Known other = known[way0 + 1];
        if (holds(other, text)) {
            known[way0 + 1] = k;
            known[way0] = other;
            return other;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean special = special(bytes);
        Known found = new Known(text, bytes, special, !special && plainEnds(bytes, 0, bytes.length));
        known[way0 + 1] = k;
        known[way0] = found;
        return found;
    }

    /** Whether the bytes hold a comma, a quote or a line break, any of which makes a cell need quotes. */
    private static boolean special(byte[] bytes) {
        boolean special = false;
        for (byte c : bytes) {
            special |= SPECIAL[c & 0xFF];
        }
        return special;
    }

    private static boolean[] bytesOf(String ascii) {
        boolean[] table = new boolean[256];
        for (int i = 0; i < ascii.length(); i++) {
            table[ascii.charAt(i)] = true;
        }
        return table;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] table = new boolean[256];
        for (int i = 0; i < table.length; i++) {
            table[i] = a[i] || b[i];
        }
        return table;
    }

    private static boolean[] upTo(char last) {
        boolean[] table = new boolean[256];
        Arrays.fill(table, 0, last + 1, true);
        return table;
    }

    private static boolean holds(Known k, String text) {
        return k != null && (k.text() == text || k.text().equals(text));
    }

    /**
     * Whether b[from, to) may stand unquoted and unneutralised as far as its ends go: not empty, not
     * starting with a character up to '#' or one a spreadsheet takes for a formula, not ending in white space.
     */
    private static boolean plainEnds(byte[] b, int from, int to) {
        if (to <= from) {
            return false;
        }
        return !UNPLAIN_FIRST[b[from] & 0xFF] && !QUOTED_LAST[b[to - 1] & 0xFF];
    }

    private void copy(byte[] bytes) {
        copy(bytes, 0, bytes.length);
    }

    private void copy(byte[] bytes, int from, int to) {
        room(to - from);
        System.arraycopy(bytes, from, buf, len, to - from);
        len += to - from;
    }

    /**
     * Ends a cell given in pieces. The pieces went out as they came; should the whole need quotes
     * after all, they are put round it where it stands, and should it need neutralising, it is taken
     * back and written again by {@link #text}.
     */
    @Override
    public CsvLine textEnd() {
        boolean plainEnds = plainEnds(buf, pieceStart, len);
        if (plainEnds && piecesSpecial) {
            quoteInPlace(); // what text would write: with these ends SafeText leaves it as it is
        } else if (!plainEnds) {
            String whole = new String(buf, pieceStart, len - pieceStart, StandardCharsets.UTF_8);
            len = pieceComma ? pieceStart - 1 : pieceStart;
            cells--;
            text(whole);
        }
        return this;
    }

    /** Quotes the cell given in pieces, doubling the quotes inside, as {@link #text} would. */
    private void quoteInPlace() {
        int quotes = 0;
        for (int i = pieceStart; i < len; i++) {
            if (buf[i] == '"') {
                quotes++;
            }
        }
        room(2 + quotes);
        int w = len + quotes + 1;
        buf[w--] = '"';
        for (int r = len - 1; r >= pieceStart; r--) {
            byte c = buf[r];
            buf[w--] = c;
            if (c == '"') {
                buf[w--] = '"';
            }
        }
        buf[w] = '"';
        len += quotes + 2;
    }

    /**
     * A figure, as {@link BigDecimal#toPlainString()} writes it. Digits, a point and a minus sign
     * need neither quotes nor neutralising (SafeText leaves a signed number as it is).
     */
    public CsvLine figure(BigDecimal value) {
        if (cells++ > 0) {
            put((byte) ',');
        }
        return figurePiece(value);
    }

    /** A figure as a piece of a cell given in pieces. */
    public CsvLine figurePiece(BigDecimal value) {
        if (value.scale() == 0 && value.signum() >= 0 && value.precision() <= 18) { // a whole number, as most are
            digits(value.longValue());
        } else {
            String plain = value.toPlainString();
            latin1(plain, 0, plain.length());
        }
        return this;
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * A figure moved {@code pointLeft} places left, exactly, trailing zeros dropped (yuan in 万:
     * 31095792.50 → 3109.57925), as a piece. Firms' figures are whole yuan or cents, so it is long
     * arithmetic on the digits; anything else goes the way of BigDecimal.
     */
    public CsvLine figurePiece(BigDecimal value, int pointLeft) {
        int scale = value.scale();
        int places = scale + pointLeft;
        if (pointLeft <= 0 || scale < 0 || places > 18 || value.signum() < 0 || value.precision() > 18) {
            return pointLeft == 0 ? figurePiece(value) : figureMoved(value, pointLeft);
        }
        long digits = value.movePointRight(scale).longValue(); // scale 0 and compact: no BigInteger made
        long unit = POWERS_OF_TEN[places];
        digits(digits / unit);
        long fraction = digits % unit;
        if (fraction != 0) {
            while (fraction % 10 == 0) {
                fraction /= 10;
                places--;
            }
            put((byte) '.');
            int width = 1;
            while (width < places && fraction >= POWERS_OF_TEN[width]) {
                width++;
            }
            for (int i = width; i < places; i++) {
                put((byte) '0'); // the fraction's leading zeros: 12.5 yuan is 0.00125万
            }
            digits(fraction);
        }
        return this;
    }

    private CsvLine figureMoved(BigDecimal value, int pointLeft) { // any sign of pointLeft, any value
        String plain = subsidy.money.Money.movedLeft(value, pointLeft);
        latin1(plain, 0, plain.length());
        return this;
    }

    /**
     * An amount with exactly two decimals, as {@code Money.format} writes it. Digits need neither
     * quotes nor neutralising, so the common case is written straight from the unscaled value.
     */
    @Override
    public CsvLine amount(BigDecimal amount) {
        if (amount.signum() == 0 && amount.scale() == 2) { // most amounts on most rows
            if (cells++ > 0) {
                put((byte) ',');
            }
            copy(ZERO);
            return this;
        }
        if (amount.scale() != 2 || amount.signum() < 0 || amount.precision() > 18) {
            return text(subsidy.money.Money.format(amount));
        }
        if (cells++ > 0) {
            put((byte) ',');
        }
        long cents = amount.movePointRight(2).longValue(); // scale 0 and compact: no BigInteger made
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

    @SuppressWarnings("deprecation") // the one String method that copies Latin-1 bytes into our array
    private void latin1(String s, int from, int to) {
        room(to - from);
        s.getBytes(from, to, buf, len);
        len += to - from;
    }

    private void put(byte b) {
        room(1);
        buf[len++] = b;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            grow(n);
        }
    }

    /**
     * A method of its own, and over the JIT's 35 bytes for calls that are not hot, so that the rare
     * growth (an array allocated and copied) is not compiled into every method that writes a byte.
     */
    private void grow(int n) {
        int size = Math.max(len + n, 2 * buf.length);
        byte[] bigger = new byte[size];
        System.arraycopy(buf, 0, bigger, 0, len);
        buf = bigger;
    }
}
