package subsidy.size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;

/**
 * The firm-size standard of 工信部联企业〔2011〕300号 (SPEC §5), as read from the policy.
 *
 * <p>A tier is tested only as far as the figures allow: a blank figure leaves a tier unknown unless
 * another of its thresholds already fails. Walking large → medium → small, the first tier met gives
 * the class, an unknown tier means the class cannot be derived, and failing all three gives micro.
 * So a 5-person factory with no revenue figure is still micro, because small needs 20 persons.
 */
public record SizeTable(String source, List<SizeRow> rows) {
    private static final SizeClass[] TIERS = {SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL};

    public SizeTable {
        rows = List.copyOf(rows);
    }

    /** The row whose prefix matches the industry code longest; the catch-all row otherwise. */
    public SizeRow rowFor(String industry) {
        SizeRow best = null;
        int bestLength = -1;
        for (int i = 0; i < rows.size(); i++) {
            SizeRow row = rows.get(i);
            int m = row.match(industry);
            if (m > bestLength) {
                best = row;
                bestLength = m;
            }
        }
        return best;
    }

    /** The size decision, or null when an enterprise's size is neither given nor derivable. */
    public SizeDecision decide(Entity e) {
        return decide(e, false);
    }

    /** As {@link #decide(Entity)}; with {@code explain}, the decision lists every tier test. */
    public SizeDecision decide(Entity e, boolean explain) {
        if (!e.type().isSized()) {
            return SizeDecision.UNSIZED;
        }
        SizeRow row = rowFor(e.industryCode());
        List<String> steps = explain ? new ArrayList<>() : null;
        SizeClass derived = derive(e, row, steps);
        steps = steps == null ? List.of() : List.copyOf(steps);
        SizeClass declared = e.declaredSize();
        if (declared == null) {
            return derived == null ? null
                    : new SizeDecision(derived, SizeSource.DERIVED, null, derived, row, steps);
        }
        if (derived == null || derived == declared) {
            return new SizeDecision(declared, SizeSource.DECLARED, declared, derived, row, steps);
        }
        return new SizeDecision(derived, SizeSource.DECLARED_MISMATCH, declared, derived, row, steps);
    }

    private static SizeClass derive(Entity e, SizeRow row, List<String> steps) {
        for (SizeClass tier : TIERS) {
            List<Threshold> tests = row.tiers().get(tier);
            Boolean met = Boolean.TRUE;
            List<String> parts = steps == null ? null : new ArrayList<>();
            for (int i = 0; i < tests.size(); i++) { // indexed: an iterator per test per row adds up
                Threshold t = tests.get(i);
                BigDecimal value = t.metric().of(e);
                if (value == null) {
                    if (parts != null) {
                        parts.add(t + ": " + t.metric().key() + " blank");
                    }
                    if (met == Boolean.TRUE) {
                        met = null;
                    }
                } else {
                    boolean ok = t.metBy(value);
                    if (parts != null) {
                        parts.add(t + ": " + value.toPlainString() + (ok ? " met" : " not met"));
                    }
                    if (!ok) {
                        met = Boolean.FALSE;
                    }
                }
            }
            if (steps != null) {
                steps.add(tier.code() + " (" + String.join(", ", parts) + "): "
                        + (met == null ? "unknown" : met ? "yes" : "no"));
            }
            if (met == null) {
                return null;
            }
            if (met) {
                return tier;
            }
        }
        if (steps != null) {
            steps.add("no tier met: micro");
        }
        return SizeClass.MICRO;
    }
}
