package subsidy.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import subsidy.Reason;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;
import subsidy.program.Words.PerLang;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * Kind {@code ui_refund} — 失业保险稳岗返还: a rate of last year's unemployment-insurance premiums.
 * Seed 003 @10666: 「大型企业按企业及其职工2021年度实际缴纳失业保险费的50%返还;中小微企业……以单位形式
 * 参保的个体工商户按90%返还」. The layoff rate is seed 004 篇九's 裁员率 = 裁员人数 / (裁员人数 + 上年末参保人数),
 * compared exactly, by cross-multiplying, never rounded first.
 *
 * <p>Either the rate depends on size ({@code rates}, with {@code unsizedRate} for entities that are
 * not sized) after a layoff test ({@code rateMax}, or {@code smallUnitRateMax} for units with at most
 * {@code smallUnitInsuredMax} insured), or it depends on the layoff rate itself ({@code tiers}), as in
 * seed 004 篇九 where a rate above the last tier pays nothing.
 */
public record StableJobRefund(String id, String title, List<Clause> clauses, Criteria who, BigDecimal rateMax,
        long smallUnitInsuredMax, BigDecimal smallUnitRateMax, Map<SizeClass, BigDecimal> rates,
        BigDecimal unsizedRate, List<RateTier> tiers, Map<String, Text> rateNotes) implements Program {

    private static final PerLang<Reason> NOT_INSURED = Words.reason(ReasonCode.NOT_INSURED, "reasons.not_insured");

    public StableJobRefund {
        clauses = List.copyOf(clauses);
        rates = Map.copyOf(rates);
        tiers = List.copyOf(tiers);
        rateNotes = Map.copyOf(rateNotes);
    }

    /** A refund whose rates are all exact figures of the text: no note on a paid amount. */
    public StableJobRefund(String id, String title, List<Clause> clauses, Criteria who, BigDecimal rateMax,
            long smallUnitInsuredMax, BigDecimal smallUnitRateMax, Map<SizeClass, BigDecimal> rates,
            BigDecimal unsizedRate, List<RateTier> tiers) {
        this(id, title, clauses, who, rateMax, smallUnitInsuredMax, smallUnitRateMax, rates, unsizedRate, tiers,
                Map.of());
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        Reason miss = who.failure(e, size, lookups, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        Texts t = lookups.texts();
        BigDecimal paid = e.uiPaidLastYear();
        boolean paidSome = paid.signum() > 0;
        if (trace.on()) {
            trace.condition(t, t.get("reasons.trace.ui_paid_positive", paid), paidSome);
        }
        if (!paidSome) {
            return ProgramResult.ineligible(this, NOT_INSURED.in(t));
        }
        long layoffs = e.layoffs();
        long denominator = layoffs + e.insuredEmployees();
        BigDecimal rate;
        if (tiers.isEmpty()) {
            String layoffMiss = layoffTest(e, lookups, trace);
            if (layoffMiss != null) {
                return ProgramResult.ineligible(this, ReasonCode.LAYOFF_RATE_OVER_LIMIT, layoffMiss);
            }
            rate = size == null ? unsizedRate : rates.get(size);
            if (trace.on()) {
                trace.step(size == null ? t.get("reasons.trace.rate_for_type", Words.name(e.type()), Money.percent(rate))
                        : t.get("reasons.trace.rate_for_size", Words.name(size), Money.percent(rate)));
            }
        } else {
            RateTier tier = null;
            for (RateTier x : tiers) {
                if (x.contains(layoffs, denominator)) {
                    tier = x;
                    break;
                }
            }
            if (trace.on()) {
                trace.condition(t, t.get("reasons.trace.layoff_in_tier", layoffRate(e, t), tiers(t)), tier != null);
            }
            if (tier == null) {
                return ProgramResult.ineligible(this, ReasonCode.LAYOFF_RATE_IN_NO_TIER,
                        t.get("reasons.layoff_in_no_tier", layoffRate(e, t), tiers(t)));
            }
            rate = tier.rate();
            if (trace.on()) {
                trace.step(t.get("reasons.trace.tier", tier.describe(t)));
            }
        }
        BigDecimal amount = Money.round(rate.multiply(paid));
        if (trace.on()) {
            trace.step(t.get("reasons.trace.amount_rounded", t.get("reasons.trace.times", rate, paid),
                    rate.multiply(paid), Money.format(amount)));
        }
        // A rate the text only bounds (「最高可提至……100%」): the note says which the policy pays.
        Text rateNote = rateNotes.isEmpty() || !tiers.isEmpty() ? null
                : rateNotes.get(size == null ? "unsized" : size.code());
        String note = rateNote == null ? null : rateNote.in(t);
        return note == null ? ProgramResult.paid(id, paid, rate, null, null, amount, null)
                : new ProgramResult(id, true, paid, rate, null, null, amount, null, note,
                        ReasonCode.FIGURE_CHOSEN.code());
    }

    private static String layoffRate(Entity e, Texts t) {
        long layoffs = e.layoffs();
        long denominator = layoffs + e.insuredEmployees();
        return denominator == 0 ? t.get("reasons.layoff_rate.none")
                : t.get("reasons.layoff_rate", layoffs, e.insuredEmployees(), Money.percent(layoffs, denominator));
    }

    /** The tiers as a list, "[2% < rate ≤ 3%: 40%, …]". */
    private String tiers(Texts t) {
        return tiers.stream().map(x -> x.describe(t)).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** Null when the layoff rate passes, else why not. */
    private String layoffTest(Entity e, Lookups lookups, Trace trace) {
        if (rateMax == null) {
            return null;
        }
        Texts t = lookups.texts();
        long layoffs = e.layoffs();
        long denominator = layoffs + e.insuredEmployees();
        boolean general = atMost(layoffs, denominator, rateMax);
        boolean small = smallUnitRateMax != null && e.insuredEmployees() <= smallUnitInsuredMax
                && atMost(layoffs, denominator, smallUnitRateMax);
        if (trace.on()) {
            trace.condition(t, t.get("reasons.trace.layoff_at_most", layoffRate(e, t), Money.percent(rateMax)), general);
            if (!general && smallUnitRateMax != null) {
                trace.condition(t, t.get("reasons.trace.small_unit", e.insuredEmployees(), smallUnitInsuredMax,
                        Money.percent(smallUnitRateMax)), small);
            }
        }
        if (general || small) {
            return null;
        }
        return smallUnitRateMax != null && e.insuredEmployees() <= smallUnitInsuredMax
                ? t.get("reasons.layoff_over_small", layoffRate(e, t), lookups.percent(rateMax),
                        lookups.percent(smallUnitRateMax), smallUnitInsuredMax)
                : t.get("reasons.layoff_over", layoffRate(e, t), lookups.percent(rateMax));
    }

    /** layoffs / denominator ≤ limit, exactly; a zero denominator is a zero rate. */
    private static boolean atMost(long layoffs, long denominator, BigDecimal limit) {
        return BigDecimal.valueOf(layoffs).compareTo(limit.multiply(BigDecimal.valueOf(denominator))) <= 0;
    }

    @Override
    public List<String> describe(Texts t) {
        List<String> lines = new ArrayList<>();
        if (rateMax != null) {
            lines.add(smallUnitRateMax == null ? t.get("reasons.describe.layoff_max", Money.percent(rateMax))
                    : t.get("reasons.describe.layoff_max_small", Money.percent(rateMax),
                            Money.percent(smallUnitRateMax), smallUnitInsuredMax));
        }
        if (tiers.isEmpty()) {
            for (SizeClass s : SizeClass.values()) {
                lines.add(noted(t, t.get("reasons.describe.sized_rate", Words.name(s).in(t),
                        Money.percent(rates.get(s))), s.code()));
            }
            lines.add(noted(t, t.get("reasons.describe.unsized_rate", Money.percent(unsizedRate)), "unsized"));
        } else {
            tiers.forEach(r -> lines.add(t.get("reasons.describe.tier", r.describe(t))));
            lines.add(t.get("reasons.describe.above_tiers"));
        }
        return lines;
    }

    /** A rate's line with its note, if the policy gives one for {@code key}. */
    private String noted(Texts t, String line, String key) {
        Text note = rateNotes.get(key);
        return note == null ? line : t.get("reasons.describe.with_note", line, note.in(t));
    }
}
