package subsidy.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;
import subsidy.policy.Period;
import subsidy.policy.RegionList;
import subsidy.program.Words.PerLang;
import subsidy.text.Texts;

/**
 * Kind {@code rent_waiver} — 国有房屋租金减免. Seed 003 @26502: 「对县内承租国有企业、机关事业单位国有
 * 房屋的服务业小微企业和个体工商户减免3个月租金……被列为疫情中高风险区所在的县级行政区域内的……增加至减免
 * 6个月租金」. Months already waived are topped up, not repeated (seed 004 篇十五 「免租期不足3个月的应予
 * 补足」), and a lease shorter than the months due is paid by its actual days (「租赁期不足3个月的,按实际
 * 发生天数计算」): monthly rent × 12 × days / 365. The waiver is of one period's rent (seed 003: 「2022 年」):
 * a lease whose dates show it does not overlap that period gets nothing, and says so.
 *
 * @param rentFrom first day of the period whose rent is waived, or null when open
 * @param rentTo   last day of that period, or null when open
 * @param window   when given, only the lease's days inside it count (「上半年」, seed 004 @29909): the lease is
 *                 cut to the window, and a cut lease shorter than the months due is paid by its days
 */
public record RentWaiver(String id, String title, List<Clause> clauses, Criteria who, long months,
        RegionList extendedRegions, long extendedMonths, boolean prorateShortLeases, LocalDate rentFrom,
        LocalDate rentTo, Period window) implements Program {
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final PerLang<Reason> NO_RENT = Words.reason(ReasonCode.NO_RENT, "reasons.no_rent");

    public RentWaiver {
        clauses = List.copyOf(clauses);
    }

    @Override
    public boolean reportsMonths() {
        return true;
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        Reason miss = who.failure(e, size, lookups, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        Texts t = lookups.texts();
        BigDecimal rent = e.monthlyRent();
        boolean renting = rent.signum() > 0;
        if (trace.on()) {
            trace.condition(t, t.get("reasons.trace.rent_positive", rent), renting);
        }
        if (!renting) {
            return ProgramResult.ineligible(this, NO_RENT.in(t));
        }
        LocalDate start = e.leaseStart();
        LocalDate end = e.leaseEnd();
        String outside = outside(start, end, t);
        if (trace.on() && (rentFrom != null || rentTo != null) && (start != null || end != null)) {
            trace.condition(t, t.get("reasons.trace.lease_overlaps", lease(start, end, t), period(t)), outside == null);
        }
        if (outside != null) {
            return ProgramResult.ineligible(this, ReasonCode.LEASE_OUTSIDE_RENT_PERIOD, outside);
        }
        if (window != null) {
            LocalDate from = start == null || start.isBefore(window.from()) ? window.from() : start;
            LocalDate to = end == null || end.isAfter(window.to()) ? window.to() : end;
            boolean inside = !to.isBefore(from);
            if (trace.on()) {
                trace.condition(t, inside
                        ? t.get("reasons.trace.lease_inside", lease(start, end, t), window.from(), window.to(), from, to)
                        : t.get("reasons.trace.lease_not_inside", lease(start, end, t), window.from(), window.to()),
                        inside);
            }
            if (!inside) {
                return ProgramResult.ineligible(this, ReasonCode.LEASE_OUTSIDE_RENT_PERIOD, t.get(
                        "reasons.lease_outside_window", lease(start, end, t), window.from(), window.to()));
            }
            start = from;
            end = to;
        }
        boolean extended = extendedRegions != null && extendedRegions.contains(e.regionCode());
        long entitled = extended ? extendedMonths : months;
        long due = Math.max(0, entitled - e.rentFreeMonthsGranted());
        if (trace.on()) {
            trace.step(t.get(due == 0 ? "reasons.trace.months_none_due" : "reasons.trace.months_due", entitled,
                    t.get(extended ? "reasons.trace.region_in" : "reasons.trace.region_not_in", e.regionCode(),
                            extendedRegions == null ? "-" : extendedRegions.key()),
                    e.rentFreeMonthsGranted(), due));
        }
        if (due == 0) {
            return new ProgramResult(id, true, rent, null, rent, BigDecimal.ZERO, Money.ZERO, Money.ZERO,
                    t.get("reasons.months_already_granted", e.rentFreeMonthsGranted(), entitled),
                    ReasonCode.MONTHS_ALREADY_GRANTED.code());
        }
        if ((prorateShortLeases || window != null) && start != null && end != null) {
            LocalDate fullEnd = start.plusMonths(due).minusDays(1);
            boolean shorter = end.isBefore(fullEnd);
            if (trace.on()) {
                trace.condition(t, t.get("reasons.trace.lease_shorter", start, end, due, fullEnd), shorter);
            }
            if (shorter) {
                long days = ChronoUnit.DAYS.between(start, end) + 1;
                BigDecimal exact = rent.multiply(TWELVE).multiply(BigDecimal.valueOf(days));
                BigDecimal amount = exact.divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
                BigDecimal monthsWaived = BigDecimal.valueOf(days * 12).divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
                if (trace.on()) {
                    trace.step(t.get("reasons.trace.days", end, start, days));
                    trace.step(t.get("reasons.trace.amount_by_days", rent, days,
                            exact.divide(DAYS_PER_YEAR, 6, RoundingMode.HALF_UP), Money.format(amount), monthsWaived));
                }
                // details.csv's quantity keeps 8 places, so that unit_amount × quantity gives the amount to
                // the fen for any monthly rent below a million yuan; the report's months keep SPEC's 2.
                BigDecimal quantity = BigDecimal.valueOf(days * 12).divide(DAYS_PER_YEAR, 8, RoundingMode.HALF_UP);
                return ProgramResult.paid(id, rent, null, rent, quantity, amount, monthsWaived);
            }
        }
        BigDecimal quantity = BigDecimal.valueOf(due);
        BigDecimal amount = Money.round(rent.multiply(quantity));
        if (trace.on()) {
            trace.step(t.get("reasons.trace.amount_is", t.get("reasons.trace.times", rent, due), Money.format(amount)));
        }
        return ProgramResult.paid(id, rent, null, rent, quantity, amount, Money.round(quantity));
    }

    /** Why a lease with these dates has no rent in the waived period, or null when it may have. */
    private String outside(LocalDate start, LocalDate end, Texts t) {
        boolean before = end != null && rentFrom != null && end.isBefore(rentFrom);
        boolean after = start != null && rentTo != null && start.isAfter(rentTo);
        return before || after ? t.get("reasons.lease_outside_period", lease(start, end, t), period(t)) : null;
    }

    private static String lease(LocalDate start, LocalDate end, Texts t) {
        return start == null ? t.get("reasons.lease.ending", end) : end == null ? t.get("reasons.lease.from", start)
                : t.get("reasons.lease.from_to", start, end);
    }

    private String period(Texts t) {
        return t.get("reasons.lease.period", rentFrom == null ? "…" : rentFrom.toString(),
                rentTo == null ? "…" : rentTo.toString());
    }

    @Override
    public List<String> describe(Texts t) {
        return List.of(extendedRegions == null ? t.get("reasons.describe.rent_months", months)
                        : t.get("reasons.describe.rent_months_extended", months, extendedMonths, extendedRegions.key()),
                t.get("reasons.describe.rent_topped_up"),
                prorateShortLeases ? t.get("reasons.describe.rent_prorated",
                        Words.column(subsidy.entity.Column.MONTHLY_RENT, t))
                        : t.get("reasons.describe.rent_not_prorated"),
                rentFrom == null && rentTo == null ? t.get("reasons.describe.rent_any_dates")
                        : t.get("reasons.describe.rent_overlap", period(t)),
                window == null ? t.get("reasons.describe.rent_every_month")
                        : t.get("reasons.describe.rent_window", window.from(), window.to()));
    }
}
