package subsidy.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * How often a program may be paid to one entity across batches, when a ledger remembers them
 * ({@code calc --ledger}). Without a ledger each run is computed on its own and no limit applies.
 *
 * @param cap      for {@link Kind#AMOUNT}: the most paid to one entity over all periods, in yuan; for
 *                 {@link Kind#AMOUNT_PER_YEAR}, in one calendar year; else null
 * @param clauses  the policy's words for the limit
 */
public record Limit(Kind kind, BigDecimal cap, List<Clause> clauses) {
    /** What a policy that says nothing of a program's repeats gets: each batch pays it afresh. */
    public static final Limit NONE = new Limit(Kind.NONE, null, List.of());

    public enum Kind {
        /** Paid once to an entity under the policy, ever (一次性). */
        ONCE,
        /** Paid at most once per calendar year of the batch's period (「同一企业一年内只能享受一次」). */
        ONCE_PER_YEAR,
        /**
         * The months of a rent waiver, topped up across periods up to the program's own months, never
         * repeated (「免租期不足3个月的应予补足」).
         */
        MONTHS,
        /** A money cap over all periods (「最高不超过30万元」). */
        AMOUNT,
        /** A money cap per calendar year of the batch's period (「每户……每年……不超过30万元」). */
        AMOUNT_PER_YEAR,
        /** Each batch pays it afresh: per-head counts of the period's new hires. */
        NONE;

        /** The word in a policy file: once, once_per_year, months, amount, amount_per_year, none. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word().equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    public Limit {
        clauses = List.copyOf(clauses);
    }


    /** For policy show: the limit as a clerk reads it. */
    public String describe() {
        return describe(subsidy.text.Texts.EN);
    }

    /** For policy show: the limit as a clerk reads it, in a language. */
    public String describe(subsidy.text.Texts texts) {
        return switch (kind) {
            case ONCE -> texts.get("policy.limit.once");
            case ONCE_PER_YEAR -> texts.get("policy.limit.once_per_year");
            case MONTHS -> texts.get("policy.limit.months");
            case AMOUNT -> texts.get("policy.limit.amount", cap.toPlainString());
            case AMOUNT_PER_YEAR -> texts.get("policy.limit.amount_per_year", cap.toPlainString());
            case NONE -> texts.get("policy.limit.none");
        };
    }
}
