package subsidy.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SPEC §2 entity_type: the three kinds of insured unit the relief plans name. */
public enum EntityType {
    ENTERPRISE("enterprise", "企业"),
    /** 个体工商户 insured as a unit. */
    INDIVIDUAL_BUSINESS("individual_business", "个体工商户"),
    /** 社会团体、基金会、社会服务机构、律师事务所、会计师事务所: the texts treat them like SMEs. */
    NONPROFIT("nonprofit", "社会组织"),
    /** A row of a household list ({@link Subject#HOUSEHOLDS}); never read from a firm list's entity_type. */
    HOUSEHOLD("household", "家庭户");

    /** The types a firm list's entity_type column may hold. */
    public static final List<EntityType> FIRMS = List.of(ENTERPRISE, INDIVIDUAL_BUSINESS, NONPROFIT);

    private final String code;
    private final String chinese;

    EntityType(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    /** A firm list's entity_type cell: one of {@link #FIRMS}, by code or Chinese name. */
    public static Optional<EntityType> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (EntityType e : FIRMS) {
            if (e.code.equals(t) || e.chinese.equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Only enterprises are sized under the 2011 standard. */
    public boolean isSized() {
        return this == ENTERPRISE;
    }
}
