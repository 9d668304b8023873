package subsidy.entity;

import java.util.Locale;
import java.util.Optional;

/** Who owns the rented premises; only state-owned premises carry the rent waiver. */
public enum LandlordType {
    STATE_ENTERPRISE("state_enterprise", "国有企业"),
    GOVERNMENT("government", "机关"),
    PUBLIC_INSTITUTION("public_institution", "事业单位"),
    PRIVATE("private", "非国有");

    private final String code;
    private final String chinese;

    LandlordType(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public static Optional<LandlordType> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (LandlordType l : values()) {
            if (l.code.equals(t) || l.chinese.equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
