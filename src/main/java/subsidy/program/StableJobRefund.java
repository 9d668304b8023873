package subsidy.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;

/**
 * Kind {@code ui_refund} — 失业保险稳岗返还. Seed 003 @10666: 「大型企业按企业及其职工2021年度实际缴纳
 * 失业保险费的50%返还;中小微企业……以单位形式参保的个体工商户按90%返还」. The layoff test is the one
 * of seed 004 篇九: 裁员率 = 裁员人数 / (裁员人数 + 上年末参保人数), met when the rate is at most
 * {@code rateMax}, or, for units with at most {@code smallUnitInsuredMax} insured, at most
 * {@code smallUnitRateMax}. The rate is compared exactly, by cross-multiplying, never rounded first.
 *
 * @param rates    refund rate per size class; {@code unsized} applies to entities without one
 */
public record StableJobRefund(String id, String title, List<Clause> clauses, Criteria who, BigDecimal rateMax,
        long smallUnitInsuredMax, BigDecimal smallUnitRateMax, Map<SizeClass, BigDecimal> rates,
        BigDecimal unsizedRate) implements Program {

    public StableJobRefund {
        clauses = List.copyOf(clauses);
        rates = Map.copyOf(rates);
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Trace trace) {
        String miss = who.failure(e, size, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        BigDecimal paid = e.uiPaidLastYear();
        boolean paidSome = paid.signum() > 0;
        trace.condition("ui_paid_last_year " + paid.toPlainString() + " > 0", paidSome);
        if (!paidSome) {
            return ProgramResult.ineligible(this, "no unemployment insurance paid last year");
        }
        String layoffMiss = layoffTest(e, trace);
        if (layoffMiss != null) {
            return ProgramResult.ineligible(this, layoffMiss);
        }
        BigDecimal rate = size == null ? unsizedRate : rates.get(size);
        BigDecimal amount = Money.round(rate.multiply(paid));
        if (trace.on()) {
            trace.step("rate for " + (size == null ? e.type().code() : size.code() + " enterprise") + ": "
                    + Money.percent(rate));
            trace.step("amount = " + rate.toPlainString() + " × " + paid.toPlainString() + " = "
                    + rate.multiply(paid).toPlainString() + " → " + Money.format(amount) + " (half-up to 0.01)");
        }
        return new ProgramResult(id, true, paid, rate, null, null, amount, null, clauseLabel(), null);
    }

    /** Null when the layoff rate passes, else why not. */
    private String layoffTest(Entity e, Trace trace) {
        long layoffs = e.layoffs();
        long denominator = layoffs + e.insuredEmployees();
        boolean general = atMost(layoffs, denominator, rateMax);
        boolean small = e.insuredEmployees() <= smallUnitInsuredMax && atMost(layoffs, denominator, smallUnitRateMax);
        String rate = denominator == 0 ? "0 (no layoffs, no insured)"
                : layoffs + " / (" + layoffs + " + " + e.insuredEmployees() + ") = "
                + Money.percent(new BigDecimal(layoffs).divide(new BigDecimal(denominator), 6,
                        java.math.RoundingMode.HALF_UP));
        if (trace.on()) {
            trace.condition("layoff rate " + rate + " ≤ " + Money.percent(rateMax), general);
            if (!general) {
                trace.condition("insured_employees " + e.insuredEmployees() + " ≤ " + smallUnitInsuredMax
                        + " and layoff rate ≤ " + Money.percent(smallUnitRateMax), small);
            }
        }
        if (general || small) {
            return null;
        }
        return "layoff rate " + rate + " exceeds " + Money.percent(rateMax)
                + (e.insuredEmployees() <= smallUnitInsuredMax
                        ? " and " + Money.percent(smallUnitRateMax) + " for units with ≤ " + smallUnitInsuredMax
                        + " insured" : "");
    }

    /** layoffs / denominator ≤ limit, exactly; a zero denominator is a zero rate. */
    private static boolean atMost(long layoffs, long denominator, BigDecimal limit) {
        return new BigDecimal(layoffs).compareTo(limit.multiply(new BigDecimal(denominator))) <= 0;
    }
}
