package subsidy.size;

import java.math.BigDecimal;

/** One "metric ≥ value" test of a size tier; the value is in the table's unit (persons or 万元). */
public record Threshold(Metric metric, BigDecimal value) {
    @Override
    public String toString() {
        return metric.key() + " ≥ " + value.toPlainString() + (metric == Metric.EMPLOYEES ? "" : "万");
    }
}
