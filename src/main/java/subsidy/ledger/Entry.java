package subsidy.ledger;

import java.math.BigDecimal;

/**
 * One payment of a limited program that counts against its limit: what an entity has used up.
 *
 * @param months the months waived, for a program that reports them; else null
 */
public record Entry(String program, String period, long batch, BigDecimal amount, BigDecimal months) {
    /** The year of {@link #period} (a period is {@code YYYY-MM}). */
    public int year() {
        return Integer.parseInt(period.substring(0, 4));
    }

    String encode() {
        return program + '|' + period + '|' + batch + '|' + amount.toPlainString() + '|'
                + (months == null ? "" : months.toPlainString());
    }

    static Entry decode(String s) {
        String[] f = s.split("\\|", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("not a ledger entry: " + s);
        }
        return new Entry(f[0], f[1], Long.parseLong(f[2]), new BigDecimal(f[3]),
                f[4].isEmpty() ? null : new BigDecimal(f[4]));
    }
}
