package subsidy.size;

import java.math.BigDecimal;

/**
 * One "metric ≥ value" test of a size tier; the value is in the table's unit (persons or 万元).
 *
 * @param label the test as explanations write it, "employees ≥ 300" or "revenue ≥ 80000万": made once,
 *              because size_check.csv writes it for every firm whose declared size is contradicted
 */
public record Threshold(Metric metric, BigDecimal value, BigDecimal inInputUnit, String label) {
    public Threshold(Metric metric, BigDecimal value) {
        this(metric, value, metric.toInputUnit(value),
                metric.key() + " ≥ " + value.toPlainString() + metric.tableSuffix());
    }

    /** The test in the language of {@code texts}: "employees ≥ 300", 「从业人员 ≥ 300」. */
    public String label(subsidy.text.Texts texts) {
        return texts.lang() == subsidy.text.Lang.EN ? label
                : texts.get("reasons.size.threshold", metric.chinese(), value.toPlainString() + metric.tableSuffix());
    }

    /** Whether an input figure (persons or yuan) meets this threshold. */
    boolean metBy(BigDecimal figure) {
        return figure.compareTo(inInputUnit) >= 0;
    }

    @Override
    public String toString() {
        return label;
    }
}
