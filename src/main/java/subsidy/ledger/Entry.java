package subsidy.ledger;

import java.math.BigDecimal;

/**
 * One payment of a limited program that counts against its limit: what an entity has used up.
 *
 * @param months the months waived, for a program that reports them; else null
 */
public record Entry(String program, String period, long batch, BigDecimal amount, BigDecimal months) {
    /** The year of {@link #period} (a period is {@code YYYY-MM}); asked for each entry of each limited program a row meets. */
    public int year() {
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = i < period.length() ? period.charAt(i) : 'x';
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a period: " + period);
            }
            year = year * 10 + (c - '0');
        }
        return year;
    }

    String encode() {
        StringBuilder sb = new StringBuilder();
        encode(sb);
        return sb.toString();
    }

    /** Appends {@link #encode}'s text. */
    void encode(StringBuilder sb) {
        sb.append(program).append('|').append(period).append('|').append(batch).append('|')
                .append(amount.toPlainString()).append('|');
        if (months != null) {
            sb.append(months.toPlainString());
        }
    }

    /** The entry of {@link #encode}'s text: five fields, '|' between them. */
    static Entry decode(String s) {
        int a = s.indexOf('|');
        int b = a < 0 ? -1 : s.indexOf('|', a + 1);
        int c = b < 0 ? -1 : s.indexOf('|', b + 1);
        int d = c < 0 ? -1 : s.indexOf('|', c + 1);
        if (d < 0 || s.indexOf('|', d + 1) >= 0) {
            throw new IllegalArgumentException("not a ledger entry: " + s);
        }
        return new Entry(s.substring(0, a), s.substring(a + 1, b), Long.parseLong(s, b + 1, c, 10),
                decimal(s, c + 1, d), d + 1 == s.length() ? null : decimal(s, d + 1, s.length()));
    }

    /**
     * The number {@code s} holds from {@code from} to {@code to}, as {@code new BigDecimal} reads it (its
     * value and scale): plain ones such as {@code 27654.98}, what the ledger writes, read without a
     * substring and its copies — a run reads two million — and anything else by BigDecimal itself.
     *
     * @throws NumberFormatException as BigDecimal does
     */
    static BigDecimal decimal(String s, int from, int to) {
        int i = from;
        boolean negative = i < to && s.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1; // digits after the point; -1 before one
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' && digits < 18) {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                scale += scale >= 0 ? 1 : 0;
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return new BigDecimal(s.substring(from, to)); // exponents, 18 digits and more, what is no number
            }
        }
        if (digits == 0) {
            return new BigDecimal(s.substring(from, to));
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }
}
