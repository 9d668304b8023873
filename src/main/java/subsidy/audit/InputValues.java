package subsidy.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import subsidy.entity.Column;
import subsidy.entity.Entity;
import subsidy.entity.ExtraColumn;
import subsidy.entity.InputSchema;
import subsidy.entity.ResidentId;

/**
 * The values a computation used, by column (the policy's own last), as an auditor would read them back.
 * A household's are its list's columns only; a person's identity number is shown masked (this is
 * printed), as {@link ResidentId#mask} hides it.
 */
final class InputValues {
    private InputValues() {
    }

    static Map<String, String> of(Entity e, InputSchema schema) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!schema.households()) {
            for (Column c : Column.values()) {
                m.put(c.header(), value(e, c));
            }
        }
        for (ExtraColumn x : schema.extras()) {
            m.put(x.header(), extra(e, x));
        }
        return m;
    }

    private static String extra(Entity e, ExtraColumn x) {
        return switch (x.kind()) {
            case BOOLEAN -> Boolean.toString(x.flag(e));
            case COUNT -> Long.toString(x.count(e));
            case RESIDENT_ID -> {
                Object v = e.extras().object(x.index());
                yield v == null ? null : ResidentId.mask((String) v);
            }
            default -> {
                Object v = e.extras().object(x.index());
                yield v == null ? null : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
            }
        };
    }

    private static String value(Entity e, Column c) {
        Object v = switch (c) {
            case ENTITY_ID -> e.entityId();
            case NAME -> e.name();
            case ENTITY_TYPE -> e.type().code();
            case REGION_CODE -> e.regionCode();
            case INDUSTRY_CODE -> e.industryCode();
            case SIZE_CLASS -> e.declaredSize() == null ? null : e.declaredSize().code();
            case REVENUE -> e.revenue();
            case TOTAL_ASSETS -> e.totalAssets();
            case UI_PAID_LAST_YEAR -> e.uiPaidLastYear();
            case SERIOUS_DISHONESTY, SEVERELY_AFFECTED -> e.flag(c);
            case LANDLORD_TYPE -> e.landlordType() == null ? null : e.landlordType().code();
            case MONTHLY_RENT -> e.monthlyRent();
            case LEASE_START -> e.leaseStart();
            case LEASE_END -> e.leaseEnd();
            case EMPLOYEES -> e.employees();
            default -> e.count(c);
        };
        if (v == null) {
            return null; // blank: JSON gives null, the text "(blank)" (ExplanationFormat)
        }
        return v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
    }
}
