package subsidy.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import subsidy.TestEntity;
import subsidy.entity.Column;
import subsidy.entity.Entity;
import subsidy.entity.ExtraColumn;
import subsidy.entity.Extras;
import subsidy.policy.Criteria;
import subsidy.policy.Figure;
import subsidy.policy.Period;

/**
 * Kind share, over any base, rate, cap and least amount: never negative, always to the fen, never
 * above the cap or below the least amount when anything is due, and otherwise the base times the
 * rate rounded once, half-up. Months inside a window are never more than the window's.
 */
class ShareProperties {
    private static final ExtraColumn BASE = new ExtraColumn("base", null, Column.Kind.MONEY, 0);
    private static final ExtraColumn FROM = new ExtraColumn("from", null, Column.Kind.DATE, 1);
    private static final ExtraColumn TO = new ExtraColumn("to", null, Column.Kind.DATE, 2);

    private static Entity entity(BigDecimal base, LocalDate from, LocalDate to) {
        TestEntity t = new TestEntity();
        t.extras = new Extras(new long[3], new Object[] {base, from, to});
        return t.build();
    }

    private static Share share(BigDecimal rate, BigDecimal cap, BigDecimal minimum, Share.Months months) {
        return new Share("s", "s", List.of(), Criteria.ANYONE, BASE, Figure.exact(rate), months, cap, null, minimum);
    }

    @Property(tries = 3000)
    void aShareIsTheBaseTimesTheRateRoundedOnceThenCappedOrRaised(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long baseFen,
            @ForAll @IntRange(min = 0, max = 1000) int rateThousandths,
            @ForAll @LongRange(min = 1, max = 1_000_000) long capYuan,
            @ForAll @LongRange(min = 0, max = 1000) long minimumYuan,
            @ForAll boolean capped, @ForAll boolean raised) {
        BigDecimal base = BigDecimal.valueOf(baseFen, 2);
        BigDecimal rate = BigDecimal.valueOf(rateThousandths, 3);
        BigDecimal cap = capped ? BigDecimal.valueOf(capYuan) : null;
        BigDecimal minimum = raised && (cap == null || minimumYuan <= capYuan) ? BigDecimal.valueOf(minimumYuan) : null;
        BigDecimal amount = share(rate, cap, minimum, null).evaluate(entity(base, null, null), null, Trace.NONE).amount();
        assertEquals(2, amount.scale());
        assertTrue(amount.signum() >= 0, amount::toPlainString);
        BigDecimal exact = base.multiply(rate);
        if (cap != null) {
            assertTrue(amount.compareTo(cap) <= 0, () -> amount + " > cap " + cap);
        }
        if (exact.signum() == 0) {
            assertEquals(0, amount.signum(), "nothing due, nothing raised");
        } else if ((cap == null || exact.compareTo(cap) <= 0) && (minimum == null || exact.compareTo(minimum) >= 0)) {
            assertEquals(exact.setScale(2, RoundingMode.HALF_UP), amount);
        } else if (minimum != null && exact.compareTo(minimum) < 0) {
            assertEquals(minimum.setScale(2), amount);
        } else {
            assertEquals(cap.setScale(2), amount);
        }
    }

    @net.jqwik.api.Example
    void aCapPerHeadOfNobodyPaysNothingSayingNoOneIsCounted() {
        ExtraColumn heads = new ExtraColumn("poor_workers", null, Column.Kind.COUNT, 3);
        Share s = new Share("s", "s", List.of(), Criteria.ANYONE, BASE, Figure.exact(new BigDecimal("0.15")), null, null,
                new Share.PerHeadCap(heads, new BigDecimal("1000")), null);
        TestEntity t = new TestEntity();
        t.extras = new Extras(new long[4], new Object[] {new BigDecimal("48000"), null, null, null});
        ProgramResult r = s.evaluate(t.build(), null, Trace.NONE);
        assertEquals(new BigDecimal("0.00"), r.amount());
        assertEquals("none_counted", r.reasonCode());
        assertEquals("poor_workers = 0", r.reason());
    }

    @Property(tries = 2000)
    void monthsInsideAWindowAreNeverMoreThanTheWindowsAndAWholeSpanCountsThemAll(
            @ForAll @IntRange(min = 0, max = 800) int fromDay, @ForAll @IntRange(min = 0, max = 800) int span,
            @ForAll @IntRange(min = 0, max = 800) int windowStart, @ForAll @IntRange(min = 0, max = 400) int windowSpan) {
        LocalDate origin = LocalDate.of(2021, 1, 1);
        Period window = new Period(origin.plusDays(windowStart), origin.plusDays(windowStart + windowSpan), 1);
        Share.Months months = new Share.Months(FROM, TO, window);
        long windowMonths = java.time.temporal.ChronoUnit.MONTHS.between(
                java.time.YearMonth.from(window.from()), java.time.YearMonth.from(window.to())) + 1;
        long n = months.count(entity(BigDecimal.ONE, origin.plusDays(fromDay), origin.plusDays(fromDay + span)));
        assertTrue(n >= 0 && n <= windowMonths, () -> n + " of " + windowMonths);
        assertEquals(windowMonths, months.count(entity(BigDecimal.ONE, null, null)), "open dates: the whole window");
    }
}
