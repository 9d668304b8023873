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
            return "for each calendar month " + (from == null ? "" : "from " + from.header() + " ")
                    + (to == null ? "" : "to " + to.header() + " ") + "inside " + window;
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

    /** "rate" or "per unit": what the figure is, in notes and steps. */
    private String figureWord() {
        return perUnit ? "per unit" : "rate";
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        Reason miss = who.failure(e, size, lookups, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        BigDecimal amountBase = base.money(e);
        if (amountBase == null || amountBase.signum() == 0) {
            trace.condition(base.header() + " > 0", false);
            return ProgramResult.ineligible(this, ReasonCode.NOTHING_IN_BASE, base.header() + " is 0");
        }
        BigDecimal exact = amountBase.multiply(rate.pay());
        BigDecimal quantity = null;
        if (months != null) {
            long n = months.count(e);
            if (trace.on()) {
                trace.step("months = " + n + " (" + months.describe() + ")");
            }
            if (n == 0) {
                return new ProgramResult(id, true, amountBase, rate.pay(), null, BigDecimal.ZERO, Money.ZERO, null,
                        "no month " + months.describe().replaceFirst("^for each calendar month ", ""),
                        ReasonCode.NO_MONTHS_IN_WINDOW.code());
            }
            quantity = BigDecimal.valueOf(n);
            exact = exact.multiply(quantity);
        }
        if (trace.on()) {
            trace.step("amount = " + amountBase.toPlainString() + " " + base.header() + " × " + rate.pay().toPlainString()
                    + (quantity == null ? "" : " × " + quantity + " months") + " = " + exact.toPlainString()
                    + (rate.exact() ? "" : " (" + figureWord() + " " + rate.note() + ")"));
        }
        // Runs for every row the share pays: a note's text is made only when the row has something to say.
        String note = null;
        ReasonCode code = null;
        if (!rate.exact()) {
            note = figureWord() + " " + rate.note();
            code = ReasonCode.FIGURE_CHOSEN;
        }
        BigDecimal limit = cap;
        long heads = -1; // the count the cap per head is of, when that cap is the lower
        if (capPerHead != null) {
            long n = capPerHead.column().count(e);
            if (n == 0) { // at most the amount per head of nobody: the share has no one to pay for
                return new ProgramResult(id, true, amountBase, rate.pay(), null, quantity, Money.ZERO, null,
                        capPerHead.column().header() + " = 0", ReasonCode.NONE_COUNTED.code());
            }
            BigDecimal perHead = capPerHead.amount().multiply(BigDecimal.valueOf(n));
            if (limit == null || perHead.compareTo(limit) < 0) {
                limit = perHead;
                heads = n;
            }
        }
        if (limit != null && exact.compareTo(limit) > 0) {
            String limitText = heads < 0 ? "cap " + Money.format(cap) + " per entity"
                    : "cap " + capPerHead.amount().toPlainString() + " × " + heads + " " + capPerHead.column().header()
                            + " = " + Money.format(limit);
            if (trace.on()) {
                trace.step(limitText + ": " + exact.toPlainString() + " → " + Money.format(limit));
            }
            note = joined(note, Money.format(Money.round(exact)) + " computed; " + limitText + " is paid");
            exact = limit;
            code = ReasonCode.CAPPED;
        }
        if (minimum != null && exact.signum() > 0 && exact.compareTo(minimum) < 0) {
            if (trace.on()) {
                trace.step("least amount " + Money.format(minimum) + ": " + exact.toPlainString() + " → "
                        + Money.format(minimum));
            }
            note = joined(note, Money.format(Money.round(exact)) + " computed; the least amount, "
                    + Money.format(minimum) + ", is paid");
            exact = minimum;
            code = code == ReasonCode.CAPPED ? code : ReasonCode.RAISED_TO_MINIMUM;
        }
        BigDecimal amount = Money.round(exact);
        if (trace.on()) {
            trace.step("amount = " + Money.format(amount) + " (half-up to 0.01)");
        }
        return new ProgramResult(id, true, amountBase, rate.pay(), null, quantity, amount, null, note,
                code == null ? null : code.code());
    }

    private static String joined(String note, String more) {
        return note == null ? more : note + "; " + more;
    }

    @Override
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add(base.header() + " × " + (rate.exact() ? rate.describe() : figureWord() + " (" + rate.describe() + ")")
                + (perUnit ? " per unit" : "")
                + (months == null ? "" : ", " + months.describe()));
        if (cap != null) {
            out.add("at most " + Money.format(cap) + " per entity in one run");
        }
        if (capPerHead != null) {
            out.add("at most " + capPerHead.amount().toPlainString() + " per head of " + capPerHead.column().header());
        }
        if (minimum != null) {
            out.add("at least " + Money.format(minimum) + " when anything is due");
        }
        return out;
    }
}
