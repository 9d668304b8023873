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
    private static final Reason NO_RENT = ReasonCode.NO_RENT.reason("monthly_rent is 0");

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
        BigDecimal rent = e.monthlyRent();
        boolean renting = rent.signum() > 0;
        if (trace.on()) {
            trace.condition("monthly_rent " + rent.toPlainString() + " > 0", renting);
        }
        if (!renting) {
            return ProgramResult.ineligible(this, NO_RENT);
        }
        LocalDate start = e.leaseStart();
        LocalDate end = e.leaseEnd();
        String outside = outside(start, end);
        if (trace.on() && (rentFrom != null || rentTo != null) && (start != null || end != null)) {
            trace.condition("lease " + lease(start, end) + " overlaps " + period(), outside == null);
        }
        if (outside != null) {
            return ProgramResult.ineligible(this, ReasonCode.LEASE_OUTSIDE_RENT_PERIOD, outside);
        }
        if (window != null) {
            LocalDate from = start == null || start.isBefore(window.from()) ? window.from() : start;
            LocalDate to = end == null || end.isAfter(window.to()) ? window.to() : end;
            boolean inside = !to.isBefore(from);
            if (trace.on()) {
                trace.condition("lease " + lease(start, end) + " inside the window " + window.from() + " to "
                        + window.to() + (inside ? ": " + from + " to " + to : ""), inside);
            }
            if (!inside) {
                return ProgramResult.ineligible(this, ReasonCode.LEASE_OUTSIDE_RENT_PERIOD, "lease " + lease(start, end)
                        + " has no day inside " + window.from() + " to " + window.to() + ", the months that count");
            }
            start = from;
            end = to;
        }
        boolean extended = extendedRegions != null && extendedRegions.contains(e.regionCode());
        long entitled = extended ? extendedMonths : months;
        long due = Math.max(0, entitled - e.rentFreeMonthsGranted());
        if (trace.on()) {
            trace.step("months: " + entitled + " (region " + e.regionCode() + (extended ? " is" : " is not")
                    + " in " + (extendedRegions == null ? "-" : extendedRegions.key()) + ") − "
                    + e.rentFreeMonthsGranted() + " already granted = " + due + (due == 0 ? " (never below 0)" : ""));
        }
        if (due == 0) {
            return new ProgramResult(id, true, rent, null, rent, BigDecimal.ZERO, Money.ZERO, Money.ZERO,
                    "rent_free_months_granted " + e.rentFreeMonthsGranted() + " already covers the " + entitled
                    + " months", ReasonCode.MONTHS_ALREADY_GRANTED.code());
        }
        if ((prorateShortLeases || window != null) && start != null && end != null) {
            LocalDate fullEnd = start.plusMonths(due).minusDays(1);
            boolean shorter = end.isBefore(fullEnd);
            if (trace.on()) {
                trace.condition("lease " + start + " to " + end + " shorter than " + due + " months (ends before "
                        + fullEnd + ")", shorter);
            }
            if (shorter) {
                long days = ChronoUnit.DAYS.between(start, end) + 1;
                BigDecimal exact = rent.multiply(TWELVE).multiply(BigDecimal.valueOf(days));
                BigDecimal amount = exact.divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
                BigDecimal monthsWaived = BigDecimal.valueOf(days * 12).divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
                if (trace.on()) {
                    trace.step("days = " + end + " − " + start + " + 1 = " + days);
                    trace.step("amount = " + rent.toPlainString() + " × 12 × " + days + " / 365 = "
                            + exact.divide(DAYS_PER_YEAR, 6, RoundingMode.HALF_UP).toPlainString() + "… → "
                            + Money.format(amount) + " (half-up to 0.01); months = " + days + " × 12 / 365 = "
                            + monthsWaived.toPlainString());
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
            trace.step("amount = " + rent.toPlainString() + " × " + due + " = " + Money.format(amount));
        }
        return ProgramResult.paid(id, rent, null, rent, quantity, amount, Money.round(quantity));
    }

    /** Why a lease with these dates has no rent in the waived period, or null when it may have. */
    private String outside(LocalDate start, LocalDate end) {
        boolean before = end != null && rentFrom != null && end.isBefore(rentFrom);
        boolean after = start != null && rentTo != null && start.isAfter(rentTo);
        return before || after ? "lease " + lease(start, end) + " does not overlap " + period()
                + ", the period whose rent is waived" : null;
    }

    private static String lease(LocalDate start, LocalDate end) {
        return start == null ? "ending " + end : end == null ? "from " + start : start + " to " + end;
    }

    private String period() {
        return (rentFrom == null ? "…" : rentFrom.toString()) + " to " + (rentTo == null ? "…" : rentTo.toString());
    }

    @Override
    public List<String> describe() {
        return List.of("months: " + months + (extendedRegions == null ? ""
                        : ", " + extendedMonths + " in regions of " + extendedRegions.key()),
                "months already waived are topped up, never below 0",
                prorateShortLeases ? "a lease shorter than the months due: monthly_rent × 12 × days / 365"
                        : "short leases are not pro-rated",
                rentFrom == null && rentTo == null ? "leases of any dates"
                        : "leases that overlap " + period() + ", the period whose rent is waived",
                window == null ? "every month of the lease counts"
                        : "only the lease's days from " + window.from() + " to " + window.to() + " count; fewer than"
                                + " the months due are paid by their days");
    }
}
