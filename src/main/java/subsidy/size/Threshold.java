package subsidy.size;

import java.math.BigDecimal;

/** One "metric ≥ value" test of a size tier; the value is in the table's unit (persons or 万元). */
public record Threshold(Metric metric, BigDecimal value, BigDecimal inInputUnit) {
    public Threshold(Metric metric, BigDecimal value) {
        this(metric, value, metric.toInputUnit(value));
    }

    /** Whether an input figure (persons or yuan) meets this threshold. */
    boolean metBy(BigDecimal figure) {
        return figure.compareTo(inInputUnit) >= 0;
    }

    @Override
    public String toString() {
        return metric.key() + " ≥ " + value.toPlainString() + (metric == Metric.EMPLOYEES ? "" : "万");
    }
}
