package subsidy.program;

import java.math.BigDecimal;
import subsidy.money.Money;
import subsidy.text.Texts;

/**
 * A band of the layoff rate with the refund rate paid in it, such as seed 004 篇九's 「裁员率在2%至3%
 * (含3%)的,补贴额度为……40%」. Each bound is open or closed, so a policy says exactly which band a
 * boundary value falls in; a missing lower bound starts at 0.
 */
public record RateTier(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive,
        BigDecimal rate) {

    /** layoffs / denominator within the band, compared exactly by cross-multiplying. */
    public boolean contains(long layoffs, long denominator) {
        BigDecimal l = BigDecimal.valueOf(layoffs);
        BigDecimal d = BigDecimal.valueOf(denominator);
        if (lower != null) {
            int c = l.compareTo(lower.multiply(d));
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        int c = l.compareTo(upper.multiply(d));
        return c < 0 || (c == 0 && upperInclusive);
    }

    @Override
    public String toString() {
        return describe(Texts.EN);
    }

    /** "2% < rate ≤ 3%: 40%", the band's word for the layoff rate in the language of {@code texts}. */
    public String describe(Texts texts) {
        String low = lower == null ? "" : Money.percent(lower) + (lowerInclusive ? " ≤ " : " < ");
        return texts.get("reasons.tier", low, (upperInclusive ? " ≤ " : " < ") + Money.percent(upper),
                Money.percent(rate));
    }
}
