package subsidy.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.DefaultPolicy.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import subsidy.Reason;
import subsidy.TestEntity;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.policy.Criteria;
import subsidy.policy.RegionList;

/**
 * Each rule of the default policy (config/policy.yaml) that pays nothing says which, with its code
 * ({@link ReasonCode}); amounts and texts as worked out by hand.
 */
class ReasonCodeTest {
    private static void assertReason(ProgramResult r, String amount, String code, String text) {
        assertEquals(new BigDecimal(amount), r.amount(), "amount");
        assertEquals(code, r.reasonCode(), "code");
        assertEquals(text, r.reason(), "text");
    }

    @Test
    void aLayoffRateOverTheLimitGivesLayoffRateOverLimit() {
        // 11 / (11 + 188) = 5.53% > 5.50%, and 188 insured is more than the 30 of the small-unit limit → 0.00
        ProgramResult r = program(TestEntity.enterprise(SizeClass.SMALL).insurance(188, 11, "10000"),
                "stable_job_refund");
        assertReason(r, "0.00", "layoff_rate_over_limit", "layoff rate 11 / (11 + 188) = 5.53% exceeds 5.50%");
        assertFalse(r.eligible());
    }

    @Test
    void aLayoffRateOverBothLimitsOfASmallUnitGivesLayoffRateOverLimit() {
        // 6 / (6 + 23) = 20.69% > 20% with 23 ≤ 30 insured → 0.00
        assertReason(program(TestEntity.enterprise(SizeClass.SMALL).insurance(23, 6, "10000"), "stable_job_refund"),
                "0.00", "layoff_rate_over_limit",
                "layoff rate 6 / (6 + 23) = 20.69% exceeds 5.50% and 20.00% for units with ≤ 30 insured");
    }

    @Test
    void aLayoffRateAtTheLimitIsPaidWithNoReasonAndNoCode() {
        // 11 / (11 + 189) = 5.5% exactly: 0.90 × 10000 = 9000.00
        ProgramResult r = program(TestEntity.enterprise(SizeClass.SMALL).insurance(189, 11, "10000"),
                "stable_job_refund");
        assertEquals(new BigDecimal("9000.00"), r.amount());
        assertNull(r.reason());
        assertNull(r.reasonCode());
    }

    @Test
    void noPremiumsPaidLastYearGivesNotInsured() {
        assertReason(program(TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "0"), "stable_job_refund"),
                "0.00", "not_insured", "no unemployment insurance paid last year");
    }

    @Test
    void seriousDishonestyGivesSeriousDishonesty() {
        TestEntity t = TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "10000");
        t.dishonest = true;
        assertReason(program(t, "stable_job_refund"), "0.00", "serious_dishonesty", "serious_dishonesty is true");
    }

    @Test
    void anIndividualBusinessUnderAnEnterpriseProgramGivesNotForEntityType() {
        TestEntity t = TestEntity.of(EntityType.INDIVIDUAL_BUSINESS);
        t.grads = 2;
        assertReason(program(t, "hiring_subsidy"), "0.00", "not_for_entity_type", "not for individual_business");
    }

    @Test
    void aLargeEnterpriseUnderAnSmeProgramGivesNotForSize() {
        TestEntity t = TestEntity.enterprise(SizeClass.LARGE);
        t.hardToEmploy = 3;
        assertReason(program(t, "absorption_subsidy"), "0.00", "not_for_size", "not for size large");
    }

    @Test
    void anEligibleEnterpriseThatHiredNobodyGivesNoneCounted() {
        ProgramResult r = program(TestEntity.enterprise(SizeClass.SMALL), "hiring_subsidy");
        assertReason(r, "0.00", "none_counted", "grad_hires + youth_hires = 0");
        assertTrue(r.eligible());
    }

    @Test
    void retentionTrainingOutsideTheRiskAreasAndTheListedIndustriesGivesNoAlternativeMet() {
        // 530102 is not in risk_area_2022, and M74 is under none of H62, F52, L727, G56, G53, G54, G55
        TestEntity t = TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "10000");
        assertReason(program(t, "retention_training"), "0.00", "no_alternative_met",
                "region 530102 not in risk_area_2022 / not for industry M74");
    }

    private static TestEntity shop() {
        return TestEntity.of(EntityType.INDIVIDUAL_BUSINESS).industry("F5211")
                .lease(LandlordType.STATE_ENTERPRISE, "5000");
    }

    @Test
    void aPrivateLandlordGivesNotForLandlordType() {
        assertReason(program(shop().lease(LandlordType.PRIVATE, "5000"), "rent_waiver"), "0.00",
                "not_for_landlord_type", "not for landlord private");
    }

    @Test
    void noLandlordGivesNoLease() {
        TestEntity t = shop();
        t.landlord = null;
        assertReason(program(t, "rent_waiver"), "0.00", "no_lease", "no lease");
    }

    @Test
    void aStateOwnedLeaseWithoutRentGivesNoRent() {
        assertReason(program(shop().lease(LandlordType.GOVERNMENT, "0"), "rent_waiver"), "0.00", "no_rent",
                "monthly_rent is 0");
    }

    @Test
    void monthsAlreadyWaivedCoveringTheDueGiveMonthsAlreadyGranted() {
        // 3 − 3 = 0 months outside the listed regions
        TestEntity t = shop();
        t.granted = 3;
        ProgramResult r = program(t, "rent_waiver");
        assertReason(r, "0.00", "months_already_granted", "rent_free_months_granted 3 already covers the 3 months");
        assertTrue(r.eligible());
        assertEquals(new BigDecimal("0.00"), r.months());
    }

    @Test
    void aLeaseThatEndedBefore2022GivesLeaseOutsideRentPeriod() {
        assertReason(program(shop().dates("2021-01-01", "2021-12-31"), "rent_waiver"), "0.00",
                "lease_outside_rent_period", "lease 2021-01-01 to 2021-12-31 does not overlap 2022-01-01 to 2022-12-31,"
                        + " the period whose rent is waived");
    }

    // Conditions the default policy uses only inside any_of, or not at all: Criteria alone.

    private static Criteria who(Set<SizeClass> sizes, List<String> industries, RegionList region,
            List<ColumnRef> flagsTrue, List<ColumnRef> flagsFalse, Map<ColumnRef, Long> atLeast) {
        return new Criteria(Set.of(), sizes, industries, region, flagsTrue, flagsFalse, atLeast, Set.of(), List.of());
    }

    private static Reason failure(Criteria c, TestEntity t) {
        return c.failure(t.build(), t.size, Trace.NONE);
    }

    @Test
    void aRegionNotInTheListGivesRegionNotListed() {
        RegionList risk = new RegionList("risk_area_2022", "2022 年中高风险区", List.of(), Map.of("530402", "红塔区"));
        Criteria c = who(Set.of(), List.of(), risk, List.of(), List.of(), Map.of());
        assertEquals(new Reason("region_not_listed", "region 530102 not in risk_area_2022"),
                failure(c, TestEntity.enterprise(SizeClass.SMALL)));
        assertNull(failure(c, TestEntity.enterprise(SizeClass.SMALL).region("530402")));
    }

    @Test
    void anIndustryUnderNoPrefixGivesNotForIndustry() {
        Criteria c = who(Set.of(), List.of("H62", "F52"), null, List.of(), List.of(), Map.of());
        assertEquals(new Reason("not_for_industry", "not for industry M74"),
                failure(c, TestEntity.enterprise(SizeClass.SMALL)));
    }

    @Test
    void aSizeConditionOnAnIndividualBusinessGivesNotSized() {
        Criteria c = who(Set.of(SizeClass.SMALL, SizeClass.MICRO), List.of(), null, List.of(), List.of(), Map.of());
        assertEquals(new Reason("not_sized", "not a sized enterprise"),
                failure(c, TestEntity.of(EntityType.INDIVIDUAL_BUSINESS)));
    }

    @Test
    void aTrueFalseColumnOnTheWrongSideGivesConditionFalseOrConditionTrue() {
        Criteria needsTrue = who(Set.of(), List.of(), null, List.of(Column.SEVERELY_AFFECTED), List.of(), Map.of());
        Criteria needsFalse = who(Set.of(), List.of(), null, List.of(), List.of(Column.SEVERELY_AFFECTED), Map.of());
        TestEntity affected = TestEntity.enterprise(SizeClass.SMALL);
        affected.affected = true;
        assertEquals(new Reason("condition_false", "severely_affected is false"),
                failure(needsTrue, TestEntity.enterprise(SizeClass.SMALL)));
        assertEquals(new Reason("condition_true", "severely_affected is true"), failure(needsFalse, affected));
    }

    @Test
    void aCountBelowAtLeastGivesBelowMinimum() {
        Criteria c = who(Set.of(), List.of(), null, List.of(), List.of(), Map.of(Column.INSURED_EMPLOYEES, 10L));
        assertEquals(new Reason("below_minimum", "insured_employees 9 < 10"),
                failure(c, TestEntity.enterprise(SizeClass.SMALL).insurance(9, 0, "100")));
        assertNull(failure(c, TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "100")));
    }

    /**
     * A recurring reason is the same reason with the same code each time. The rule makes it afresh;
     * a run's {@code calc.MemoLookups} hands out one shared object instead (MemoLookupsProperties).
     */
    @Test
    void aRecurringReasonIsTheSameWithItsCode() {
        Criteria c = who(Set.of(), List.of("H62"), null, List.of(), List.of(), Map.of());
        Reason small = failure(c, TestEntity.enterprise(SizeClass.SMALL));
        assertEquals(new Reason("not_for_industry", "not for industry M74"), small);
        assertEquals(small, failure(c, TestEntity.enterprise(SizeClass.MICRO)));
        assertSame(program(TestEntity.of(EntityType.NONPROFIT), "hiring_subsidy").reasonCode(),
                ReasonCode.NOT_FOR_ENTITY_TYPE.code());
    }
}
