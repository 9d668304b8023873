package subsidy.input;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads the plain spellings of SPEC §2's values — {@code 12}, {@code 3500.50}, {@code 2022-03-01},
 * {@code true}, {@code enterprise} — straight from a cell's bytes, which is how nearly every cell of
 * a large file is written. Anything else gets "not plain" (-1 or null), and the caller reads the
 * decoded text with {@link Cells}, which knows every spelling and says what is wrong. So these
 * readers never reject: each accepts only what {@link Cells} reads the same way
 * ({@code CellBytesProperties} holds them to that).
 *
 * <p>Only ASCII bytes are looked at, and they mean the same in every encoding the reader accepts.
 */
final class CellBytes {
    static final long NOT_PLAIN = -1;
    /** Nine digits is the most a count below {@link Cells#MAX_COUNT} has. */
    private static final int COUNT_DIGITS = 9;
    /** Digits that always fit in a long. */
    private static final int LONG_DIGITS = 18;

    private CellBytes() {
    }

    /** A whole number of 1 to 9 ASCII digits up to {@link Cells#MAX_COUNT}, or {@link #NOT_PLAIN}. */
    static long count(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 1 || n > COUNT_DIGITS) {
            return NOT_PLAIN;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_PLAIN;
            }
            v = v * 10 + d;
        }
        return v <= Cells.MAX_COUNT ? v : NOT_PLAIN;
    }

    /** ASCII digits with at most one dot between them (up to 18 digits), or null. */
    static BigDecimal money(byte[] b, int from, int to) {
        long unscaled = 0;
        int digits = 0;
        int dot = -1;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                unscaled = unscaled * 10 + d;
                digits++;
            } else if (b[i] == '.' && dot < 0 && i > from && i < to - 1) {
                dot = i;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > LONG_DIGITS) {
            return null;
        }
        return BigDecimal.valueOf(unscaled, dot < 0 ? 0 : to - dot - 1);
    }

    /** 1 for true, yes, 1; 0 for false, no, 0 (lower case, as written); -1 for anything else. */
    static int bool(byte[] b, int from, int to) {
        if (is(b, from, to, "1") || is(b, from, to, "true") || is(b, from, to, "yes")) {
            return 1;
        }
        if (is(b, from, to, "0") || is(b, from, to, "false") || is(b, from, to, "no")) {
            return 0;
        }
        return -1;
    }

    /**
     * A date written {@code yyyy-m-d} or {@code yyyy/m/d} (month and day of one or two digits), or
     * null — also for a date the calendar lacks, so {@link Cells#date} can say so.
     */
    static LocalDate date(byte[] b, int from, int to) {
        if (to - from < "2022-1-1".length()) {
            return null;
        }
        int year = digits(b, from, from + 4);
        int i = from + 4;
        if (year < 0 || i >= to || b[i] != '-' && b[i] != '/') {
            return null;
        }
        int monthEnd = part(b, ++i, to);
        if (monthEnd < 0 || monthEnd >= to || b[monthEnd] != '-' && b[monthEnd] != '/') {
            return null;
        }
        int month = digits(b, i, monthEnd);
        int dayEnd = part(b, monthEnd + 1, to);
        if (dayEnd != to) {
            return null;
        }
        int day = digits(b, monthEnd + 1, to);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The enum constant whose code the cell is, exactly as written, or null. */
    static <E extends Enum<E>> E code(byte[] b, int from, int to, E[] values, Function<E, String> code) {
        for (E v : values) {
            if (is(b, from, to, code.apply(v))) {
                return v;
            }
        }
        return null;
    }

    /** Whether the cell is a 6-digit county code as written. */
    static boolean region(byte[] b, int from, int to) {
        return to - from == 6 && digits(b, from, to) >= 0;
    }

    /** Whether the cell is a GB/T 4754 code as written: an upper-case section letter A-T and up to 4 digits. */
    static boolean industry(byte[] b, int from, int to) {
        int n = to - from;
        return n >= 1 && n <= 5 && b[from] >= 'A' && b[from] <= 'T' && (n == 1 || digits(b, from + 1, to) >= 0);
    }

    /** The credit code as written, when it is 18 upper-case characters of the alphabet with a good check character; else null. */
    static String creditCode(byte[] b, int from, int to) {
        return to - from == subsidy.entity.CreditCode.LENGTH && subsidy.entity.CreditCode.valid(b, from)
                ? new String(b, from, to - from, StandardCharsets.ISO_8859_1) : null;
    }

    /** Whether the cell is {@code ascii} exactly. */
    static boolean is(byte[] b, int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The end of a run of one or two digits from {@code from}, or -1. */
    private static int part(byte[] b, int from, int to) {
        int i = from;
        while (i < to && i < from + 2 && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i == from || i < to && b[i] >= '0' && b[i] <= '9' ? -1 : i;
    }

    /** The value of the ASCII digits b[from, to), or -1 when one is not a digit. */
    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
