package subsidy.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** SPEC §3: exact decimals; each program amount is rounded once, half-up, to 0.01 yuan. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /** 1 万元 in yuan: the unit of the 2011 firm-size thresholds. */
    public static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private Money() {
    }

    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** Two decimals, no thousands separator, no exponent: {@code 9000.00}. */
    public static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * part / whole as {@link #percent} writes the ratio rounded half-up to six decimals first: 3 of
     * 23 → 0.130435 → "13.04%". A stable-job refund's layoff rate, written for every firm over the
     * limit, so in whole numbers when they allow.
     */
    public static String percent(long part, long whole) {
        if (part < 0 || whole <= 0 || part > SIX_DECIMALS_EXACT) {
            return percent(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP));
        }
        long millionths = (2 * part * 1_000_000 / whole + 1) / 2; // half-up: floor(2x) + 1, halved
        long hundredths = (millionths + 50) / 100; // of a per cent, half-up again, as percent rounds
        long units = hundredths / 100;
        int cents = (int) (hundredths % 100);
        return units + (cents < 10 ? ".0" : ".") + cents + "%";
    }

    /** The largest part for which 2 × part × 10^6 stays inside a long. */
    private static final long SIX_DECIMALS_EXACT = Long.MAX_VALUE / 2_000_000;

    /** A ratio as a percentage with two decimals, for explanations: 0.055 → "5.50%". */
    public static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /**
     * {@code value} moved {@code pointLeft} places left, exactly, trailing zeros dropped and never in
     * exponent form: 25000000 and 4 give "2500", 31095792.50 and 4 give "3109.57925" (yuan in 万).
     */
    public static String movedLeft(BigDecimal value, int pointLeft) {
        BigDecimal moved = value.movePointLeft(pointLeft).stripTrailingZeros();
        return (moved.scale() < 0 ? moved.setScale(0) : moved).toPlainString();
    }
}
