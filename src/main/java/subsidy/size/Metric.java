package subsidy.size;

import java.math.BigDecimal;
import subsidy.entity.Entity;
import subsidy.money.Money;

/** The figures the 2011 standard sizes a firm by. Revenue and assets thresholds are in 万元. */
public enum Metric {
    EMPLOYEES("employees", "从业人员", "persons"),
    REVENUE("revenue", "营业收入", "万元"),
    TOTAL_ASSETS("total_assets", "资产总额", "万元");

    private final String key;
    private final String chinese;
    private final String unit;

    Metric(String key, String chinese, String unit) {
        this.key = key;
        this.chinese = chinese;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public String chinese() {
        return chinese;
    }

    /** The entity's figure in yuan or persons, or null when blank. */
    public BigDecimal of(Entity e) {
        return switch (this) {
            case EMPLOYEES -> e.employees() == null ? null : BigDecimal.valueOf(e.employees());
            case REVENUE -> e.revenue();
            case TOTAL_ASSETS -> e.totalAssets();
        };
    }

    /** A threshold as written in the table, converted to the unit of {@link #of}. */
    public BigDecimal toInputUnit(BigDecimal threshold) {
        return this == EMPLOYEES ? threshold : threshold.multiply(Money.WAN);
    }

    /**
     * How many places a figure of {@link #of} moves left to be in the table's unit (yuan to 万: 4),
     * so that an explanation sets it beside its threshold in one unit: 2500万 against 2000万.
     */
    public int tablePointLeft() {
        return this == EMPLOYEES ? 0 : 4;
    }

    /** What follows a number in the table's unit as explanations write it: 万 for yuan, nothing for persons. */
    public String tableSuffix() {
        return this == EMPLOYEES ? "" : "万";
    }

    public static java.util.Optional<Metric> forKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
