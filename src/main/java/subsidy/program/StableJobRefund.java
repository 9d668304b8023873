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
        BigDecimal unsizedRate, List<RateTier> tiers, Map<String, String> rateNotes) implements Program {

    private static final Reason NOT_INSURED = ReasonCode.NOT_INSURED.reason("no unemployment insurance paid last year");

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
        BigDecimal paid = e.uiPaidLastYear();
        boolean paidSome = paid.signum() > 0;
        if (trace.on()) {
            trace.condition("ui_paid_last_year " + paid.toPlainString() + " > 0", paidSome);
        }
        if (!paidSome) {
            return ProgramResult.ineligible(this, NOT_INSURED);
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
                trace.step("rate for " + (size == null ? e.type().code() : size.code() + " enterprise") + ": "
                        + Money.percent(rate));
            }
        } else {
            RateTier tier = null;
            for (RateTier t : tiers) {
                if (t.contains(layoffs, denominator)) {
                    tier = t;
                    break;
                }
            }
            if (trace.on()) {
                trace.condition("layoff rate " + layoffRate(e) + " in a tier of " + tiers, tier != null);
            }
            if (tier == null) {
                return ProgramResult.ineligible(this, ReasonCode.LAYOFF_RATE_IN_NO_TIER,
                        "layoff rate " + layoffRate(e) + " is in no tier of " + tiers);
            }
            rate = tier.rate();
            if (trace.on()) {
                trace.step("tier " + tier);
            }
        }
        BigDecimal amount = Money.round(rate.multiply(paid));
        if (trace.on()) {
            trace.step("amount = " + rate.toPlainString() + " × " + paid.toPlainString() + " = "
                    + rate.multiply(paid).toPlainString() + " → " + Money.format(amount) + " (half-up to 0.01)");
        }
        // A rate the text only bounds (「最高可提至……100%」): the note says which the policy pays.
        String note = rateNotes.isEmpty() || !tiers.isEmpty() ? null
                : rateNotes.get(size == null ? "unsized" : size.code());
        return note == null ? ProgramResult.paid(id, paid, rate, null, null, amount, null)
                : new ProgramResult(id, true, paid, rate, null, null, amount, null, note,
                        ReasonCode.FIGURE_CHOSEN.code());
    }

    private static String layoffRate(Entity e) {
        long layoffs = e.layoffs();
        long denominator = layoffs + e.insuredEmployees();
        return denominator == 0 ? "0 (no layoffs, no insured)"
                : layoffs + " / (" + layoffs + " + " + e.insuredEmployees() + ") = "
                + Money.percent(layoffs, denominator);
    }

    /** Null when the layoff rate passes, else why not. */
    private String layoffTest(Entity e, Lookups lookups, Trace trace) {
        if (rateMax == null) {
            return null;
        }
        long layoffs = e.layoffs();
        long denominator = layoffs + e.insuredEmployees();
        boolean general = atMost(layoffs, denominator, rateMax);
        boolean small = smallUnitRateMax != null && e.insuredEmployees() <= smallUnitInsuredMax
                && atMost(layoffs, denominator, smallUnitRateMax);
        if (trace.on()) {
            trace.condition("layoff rate " + layoffRate(e) + " ≤ " + Money.percent(rateMax), general);
            if (!general && smallUnitRateMax != null) {
                trace.condition("insured_employees " + e.insuredEmployees() + " ≤ " + smallUnitInsuredMax
                        + " and layoff rate ≤ " + Money.percent(smallUnitRateMax), small);
            }
        }
        if (general || small) {
            return null;
        }
        return "layoff rate " + layoffRate(e) + " exceeds " + lookups.percent(rateMax)
                + (smallUnitRateMax != null && e.insuredEmployees() <= smallUnitInsuredMax
                        ? " and " + lookups.percent(smallUnitRateMax) + " for units with ≤ " + smallUnitInsuredMax
                        + " insured" : "");
    }

    /** layoffs / denominator ≤ limit, exactly; a zero denominator is a zero rate. */
    private static boolean atMost(long layoffs, long denominator, BigDecimal limit) {
        return BigDecimal.valueOf(layoffs).compareTo(limit.multiply(BigDecimal.valueOf(denominator))) <= 0;
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (rateMax != null) {
            lines.add("layoff rate ≤ " + Money.percent(rateMax) + (smallUnitRateMax == null ? ""
                    : ", or ≤ " + Money.percent(smallUnitRateMax) + " with at most " + smallUnitInsuredMax
                    + " insured"));
        }
        if (tiers.isEmpty()) {
            for (SizeClass s : SizeClass.values()) {
                lines.add(s.code() + " enterprises: " + Money.percent(rates.get(s)) + " of last year's premiums"
                        + (rateNotes.containsKey(s.code()) ? " (" + rateNotes.get(s.code()) + ")" : ""));
            }
            lines.add("individual businesses and nonprofits: " + Money.percent(unsizedRate)
                    + (rateNotes.containsKey("unsized") ? " (" + rateNotes.get("unsized") + ")" : ""));
        } else {
            tiers.forEach(t -> lines.add("tier " + t + " of last year's premiums"));
            lines.add("above the last tier: nothing");
        }
        return lines;
    }
}
