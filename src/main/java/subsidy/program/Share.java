package subsidy.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.ColumnRef;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;
import subsidy.policy.Figure;
import subsidy.policy.Period;
import subsidy.text.Texts;

/**
 * Kind {@code share} — a rate of a money column: 「按月按照其支付给脱贫劳动力工资额的15%」 (seed 003 @12335),
 * 「按照双方实际交易额的50%兑付科技创新券……不超过30万元」 (seed 003 @33796), 「对核酸检测给予不低于50%比例的
 * 补贴」 (seed 003 @26671). Optionally for each calendar month inside a window (premiums relieved by
 * month), capped per entity and per person in one run, and raised to a least amount. The rate may be
 * a ceiling, a floor or a range the policy chose a figure in ({@link Figure}). Rounded once, half-up.
 *
 * @param base      the money column the rate applies to
 * @param rate      the rate paid
 * @param months    when given, the amount is for each month it counts
 * @param cap       the most one entity is paid in one run, or null
 * @param capPerHead the most paid per person of a count column in one run, or null
 * @param minimum   the least amount paid when anything is due, or null
 * @param perUnit   true when {@code rate} is an amount per unit of a number column (「每平方米按照30元」, seed
 *                  000 @35875), not a share of money
 */
public record Share(String id, String title, List<Clause> clauses, Criteria who, ColumnRef base, Figure rate,
        Months months, BigDecimal cap, PerHeadCap capPerHead, BigDecimal minimum, boolean perUnit) implements Program {

    /** The most paid for each person a count column counts: 「每人……最高不超过……」. */
    public record PerHeadCap(ColumnRef column, BigDecimal amount) {
    }

    /**
     * The calendar months a share is paid for: those from the {@code from} column's month to the
     * {@code to} column's (a blank one is open) that fall inside {@code window}, each counted whole.
     */
    public record Months(ColumnRef from, ColumnRef to, Period window) {
        /** The months counted for {@code e}; 0 when none falls inside the window. */
        public long count(Entity e) {
            YearMonth first = later(month(from == null ? null : from.date(e)), month(window.from()));
            YearMonth last = earlier(month(to == null ? null : to.date(e)), month(window.to()));
            return first == null || last == null || last.isBefore(first) ? 0
                    : java.time.temporal.ChronoUnit.MONTHS.between(first, last) + 1;
        }

        String describe() {
            return describe(Texts.EN);
        }

        /** "for each calendar month from start_date to end_date inside from 2022-01-01 to 2022-12-31". */
        String describe(Texts t) {
            return t.get("reasons.months.each", span(t));
        }

        /** "from start_date to end_date inside …": the months counted, without the words before. */
        String span(Texts t) {
            String w = Words.window(window, t);
            return from == null && to == null ? t.get("reasons.months.inside", w)
                    : from == null ? t.get("reasons.months.to_inside", Words.column(to, t), w)
                    : to == null ? t.get("reasons.months.from_inside", Words.column(from, t), w)
                    : t.get("reasons.months.from_to_inside", Words.column(from, t), Words.column(to, t), w);
        }

        private static YearMonth month(LocalDate d) {
            return d == null ? null : YearMonth.from(d);
        }

        private static YearMonth later(YearMonth a, YearMonth b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }

        private static YearMonth earlier(YearMonth a, YearMonth b) {
            return a == null ? b : b == null || a.isBefore(b) ? a : b;
        }
    }

    public Share {
        clauses = List.copyOf(clauses);
    }

    /** A share of money. */
    public Share(String id, String title, List<Clause> clauses, Criteria who, ColumnRef base, Figure rate,
            Months months, BigDecimal cap, PerHeadCap capPerHead, BigDecimal minimum) {
        this(id, title, clauses, who, base, rate, months, cap, capPerHead, minimum, false);
    }

    /** "rate …" or "per unit …": a figure's note, with what the figure is, in notes and steps. */
    private String figureNote(Texts t) {
        return t.get(perUnit ? "reasons.figure.per_unit" : "reasons.figure.rate", rate.noteText());
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        Reason miss = who.failure(e, size, lookups, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        Texts t = lookups.texts();
        BigDecimal amountBase = base.money(e);
        if (amountBase == null || amountBase.signum() == 0) {
            if (trace.on()) {
                trace.condition(t, t.get("reasons.trace.positive", Words.column(base, t)), false);
            }
            return ProgramResult.ineligible(this, ReasonCode.NOTHING_IN_BASE, t.get("reasons.is_zero",
                    Words.column(base, t)));
        }
        BigDecimal exact = amountBase.multiply(rate.pay());
        BigDecimal quantity = null;
        if (months != null) {
            long n = months.count(e);
            if (trace.on()) {
                trace.step(t.get("reasons.trace.months_counted", n, months.describe(t)));
            }
            if (n == 0) {
                return new ProgramResult(id, true, amountBase, rate.pay(), null, BigDecimal.ZERO, Money.ZERO, null,
                        t.get("reasons.no_month", months.span(t)), ReasonCode.NO_MONTHS_IN_WINDOW.code());
            }
            quantity = BigDecimal.valueOf(n);
            exact = exact.multiply(quantity);
        }
        if (trace.on()) {
            String product = t.get("reasons.trace.share_of", amountBase, Words.column(base, t), rate.pay());
            if (quantity != null) {
                product = t.get("reasons.trace.times_months", product, quantity);
            }
            String step = t.get("reasons.trace.amount_is", product, exact);
            trace.step(rate.exact() ? step : t.get("reasons.trace.with_note", step, figureNote(t)));
        }
        // Runs for every row the share pays: a note's text is made only when the row has something to say.
        String note = null;
        ReasonCode code = null;
        if (!rate.exact()) {
            note = figureNote(t);
            code = ReasonCode.FIGURE_CHOSEN;
        }
        BigDecimal limit = cap;
        long heads = -1; // the count the cap per head is of, when that cap is the lower
        if (capPerHead != null) {
            long n = capPerHead.column().count(e);
            if (n == 0) { // at most the amount per head of nobody: the share has no one to pay for
                return new ProgramResult(id, true, amountBase, rate.pay(), null, quantity, Money.ZERO, null,
                        t.get("reasons.none_counted", Words.column(capPerHead.column(), t)),
                        ReasonCode.NONE_COUNTED.code());
            }
            BigDecimal perHead = capPerHead.amount().multiply(BigDecimal.valueOf(n));
            if (limit == null || perHead.compareTo(limit) < 0) {
                limit = perHead;
                heads = n;
            }
        }
        if (limit != null && exact.compareTo(limit) > 0) {
            String limitText = heads < 0 ? t.get("reasons.cap_per_entity", Money.format(cap))
                    : t.get("reasons.cap_per_head", capPerHead.amount(), heads, Words.column(capPerHead.column(), t),
                            Money.format(limit));
            if (trace.on()) {
                trace.step(t.get("reasons.trace.limited", limitText, exact, Money.format(limit)));
            }
            note = joined(t, note, t.get("reasons.capped", Money.format(Money.round(exact)), limitText));
            exact = limit;
            code = ReasonCode.CAPPED;
        }
        if (minimum != null && exact.signum() > 0 && exact.compareTo(minimum) < 0) {
            if (trace.on()) {
                trace.step(t.get("reasons.trace.least_amount", Money.format(minimum), exact));
            }
            note = joined(t, note, t.get("reasons.raised_to_minimum", Money.format(Money.round(exact)),
                    Money.format(minimum)));
            exact = minimum;
            code = code == ReasonCode.CAPPED ? code : ReasonCode.RAISED_TO_MINIMUM;
        }
        BigDecimal amount = Money.round(exact);
        if (trace.on()) {
            trace.step(t.get("reasons.trace.amount_half_up", Money.format(amount)));
        }
        return new ProgramResult(id, true, amountBase, rate.pay(), null, quantity, amount, null, note,
                code == null ? null : code.code());
    }

    private static String joined(Texts t, String note, String more) {
        return note == null ? more : t.get("reasons.joined", note, more);
    }

    @Override
    public List<String> describe(Texts t) {
        List<String> out = new ArrayList<>();
        String r = rate.exact() ? rate.describe(t)
                : t.get(perUnit ? "reasons.describe.share_unit_figure" : "reasons.describe.share_rate_figure",
                        rate.describe(t));
        String line = t.get(perUnit ? "reasons.describe.share_per_unit" : "reasons.describe.share",
                Words.column(base, t), r);
        out.add(months == null ? line : t.get("reasons.describe.with_months", line, months.describe(t)));
        if (cap != null) {
            out.add(t.get("reasons.describe.share_cap", Money.format(cap)));
        }
        if (capPerHead != null) {
            out.add(t.get("reasons.describe.share_cap_per_head", capPerHead.amount().toPlainString(),
                    Words.column(capPerHead.column(), t)));
        }
        if (minimum != null) {
            out.add(t.get("reasons.describe.share_minimum", Money.format(minimum)));
        }
        return out;
    }
}
