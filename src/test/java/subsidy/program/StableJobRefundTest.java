package subsidy.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.DefaultPolicy.amount;
import static subsidy.DefaultPolicy.program;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import subsidy.TestEntity;
import subsidy.entity.EntityType;
import subsidy.entity.SizeClass;

/** 失业保险稳岗返还 (seed 003 @10666; layoff rate per seed 004 篇九) — amounts worked out by hand. */
class StableJobRefundTest {
    private static final String ID = "stable_job_refund";

    @Test
    void smallEnterpriseGets90PercentOfLastYearsPremiums() {
        // 0.90 × 100000.00 = 90000.00
        assertEquals(new BigDecimal("90000.00"), amount(TestEntity.enterprise(SizeClass.SMALL)
                .insurance(100, 0, "100000.00"), ID));
    }

    @Test
    void largeEnterpriseGets50PercentRoundedHalfUpOnce() {
        // 0.50 × 12345.67 = 6172.835 → 6172.84
        assertEquals(new BigDecimal("6172.84"), amount(TestEntity.enterprise(SizeClass.LARGE)
                .insurance(500, 0, "12345.67"), ID));
    }

    @Test
    void individualBusinessAndNonprofitGet90Percent() {
        // 0.90 × 3333.33 = 2999.997 → 3000.00
        assertEquals(new BigDecimal("3000.00"), amount(TestEntity.of(EntityType.INDIVIDUAL_BUSINESS)
                .insurance(2, 0, "3333.33"), ID));
        // 0.90 × 8000 = 7200.00
        assertEquals(new BigDecimal("7200.00"), amount(TestEntity.of(EntityType.NONPROFIT)
                .insurance(5, 0, "8000"), ID));
    }

    @ParameterizedTest(name = "{0} insured, {1} laid off → {2}")
    @CsvSource({
        // 11 / (11 + 189) = 5.5% exactly: met
        "189, 11, 9000.00",
        // 11 / (11 + 188) = 5.53%, more than 30 insured: not met
        "188, 11, 0.00",
        // 6 / (6 + 24) = 20% exactly with 24 ≤ 30 insured: met
        "24, 6, 9000.00",
        // 7 / (7 + 30) = 18.92% with 30 insured: met
        "30, 7, 9000.00",
        // 7 / (7 + 31) = 18.42% but 31 insured: only the 5.5% test applies, not met
        "31, 7, 0.00",
        // 8 / (8 + 32) = 20% with 32 insured: not met
        "32, 8, 0.00",
        // 6 / (6 + 23) = 20.69% with 23 insured: not met
        "23, 6, 0.00",
        // no layoffs and nobody insured: rate 0, met
        "0, 0, 9000.00",
        // 1 / (1 + 0) = 100%: not met
        "0, 1, 0.00",
    })
    void layoffRateTestAt55PercentAnd20PercentForUnitsOfAtMost30(long insured, long layoffs, String expected) {
        assertEquals(new BigDecimal(expected), amount(TestEntity.enterprise(SizeClass.SMALL)
                .insurance(insured, layoffs, "10000"), ID));
    }

    @Test
    void seriousDishonestyIsNotEligible() {
        TestEntity t = TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "10000");
        t.dishonest = true;
        ProgramResult r = program(t, ID);
        assertEquals(new BigDecimal("0.00"), r.amount());
        assertTrue(r.reason().contains("serious_dishonesty"), r.reason());
    }

    @Test
    void noPremiumsPaidIsNotEligible() {
        ProgramResult r = program(TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "0"), ID);
        assertEquals(new BigDecimal("0.00"), r.amount());
        assertEquals("no unemployment insurance paid last year", r.reason());
    }

    @Test
    void declaredSizeContradictedByFiguresUsesTheDerivedRate() {
        // Declared small, but C-industry 1000 employees and 40000万 revenue is large: 0.50 × 20000 = 10000.00
        TestEntity t = TestEntity.enterprise(SizeClass.SMALL).industry("C13").insurance(1000, 0, "20000")
                .figures(1000L, "400000000", null);
        assertEquals(new BigDecimal("10000.00"), amount(t, ID));
    }
}
