package subsidy.entity;

import java.util.Locale;
import java.util.Optional;

/** SPEC §2 entity_type: the three kinds of insured unit the relief plans name. */
public enum EntityType {
    ENTERPRISE("enterprise", "企业"),
    /** 个体工商户 insured as a unit. */
    INDIVIDUAL_BUSINESS("individual_business", "个体工商户"),
    /** 社会团体、基金会、社会服务机构、律师事务所、会计师事务所: the texts treat them like SMEs. */
    NONPROFIT("nonprofit", "社会组织");

    private final String code;
    private final String chinese;

    EntityType(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public static Optional<EntityType> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (EntityType e : values()) {
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
