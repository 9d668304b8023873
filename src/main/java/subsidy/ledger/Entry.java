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
                new BigDecimal(s.substring(c + 1, d)), d + 1 == s.length() ? null : new BigDecimal(s.substring(d + 1)));
    }
}
