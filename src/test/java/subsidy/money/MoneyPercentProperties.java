package subsidy.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The layoff rate in whole numbers must read as the BigDecimal division does, rounding twice included. */
class MoneyPercentProperties {
    private static String byDivision(long part, long whole) {
        return Money.percent(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP));
    }

    @Property(tries = 5000)
    void aSmallRateReadsAsTheDivision(@ForAll @LongRange(max = 2000) long part, @ForAll @LongRange(min = 1, max = 2000) long whole) {
        assertEquals(byDivision(part, whole), Money.percent(part, whole));
    }

    @Property(tries = 2000)
    void anyRateReadsAsTheDivision(@ForAll @LongRange(min = 0) long part, @ForAll @LongRange(min = 1) long whole) {
        assertEquals(byDivision(part, whole), Money.percent(part, whole));
    }

    @Example
    void threeLayoffsOfTwentyThreeAreThirteenPointZeroFourPerCent() {
        assertEquals("13.04%", Money.percent(3, 23));
        assertEquals("100.00%", Money.percent(7, 7));
        assertEquals("0.00%", Money.percent(0, 9));
    }

    @Example
    void aRateOnTheHalfRoundsUpAtSixDecimalsAndAgainAtFour() {
        // 1/2000000 = 0.0000005 → 0.000001 at six decimals → 0.0001% → "0.00%"
        assertEquals("0.00%", Money.percent(1, 2_000_000));
        // 0.00045 → 0.045% → "0.05%": half-up at the second rounding
        assertEquals("0.05%", Money.percent(45, 100_000));
    }
}
