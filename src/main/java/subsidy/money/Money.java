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

    /** A ratio as a percentage with two decimals, for explanations: 0.055 → "5.50%". */
    public static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
