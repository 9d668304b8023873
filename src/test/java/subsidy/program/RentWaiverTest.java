package subsidy.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static subsidy.DefaultPolicy.program;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import subsidy.TestEntity;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;

/** 国有房屋租金减免 (seed 003 @26502; top-up and short leases per seed 004 篇十五). */
class RentWaiverTest {
    private static final String ID = "rent_waiver";

    private static void assertWaiver(TestEntity t, String amount, String months) {
        ProgramResult r = program(t, ID);
        assertEquals(new BigDecimal(amount), r.amount(), "amount");
        assertEquals(new BigDecimal(months), r.months(), "months");
    }

    private static TestEntity individual(String region) {
        return TestEntity.of(EntityType.INDIVIDUAL_BUSINESS).region(region).industry("F5211")
                .lease(LandlordType.STATE_ENTERPRISE, "5000");
    }

    @Test
    void threeMonthsOutsideListedRegions() {
        // 5000 × 3 = 15000.00
        assertWaiver(individual("530102"), "15000.00", "3.00");
    }

    @Test
    void sixMonthsInRegionsListedAsHavingHadARiskArea() {
        // 5000 × 6 = 30000.00
        assertWaiver(individual("530428"), "30000.00", "6.00");
        assertWaiver(individual("530502"), "30000.00", "6.00");
    }

    @ParameterizedTest(name = "region {0}, {1} granted → {2}")
    @CsvSource({
        // 6 − 2 = 4 months: 5000 × 4
        "530428, 2, 20000.00, 4.00",
        // 3 − 1 = 2 months
        "530102, 1, 10000.00, 2.00",
        // 3 − 3 = 0: topped up already
        "530102, 3, 0.00, 0.00",
        // 6 − 7 is never below 0
        "530428, 7, 0.00, 0.00",
    })
    void monthsAlreadyWaivedAreToppedUpNeverBelowZero(String region, long granted, String amount, String months) {
        TestEntity t = individual(region);
        t.granted = granted;
        assertWaiver(t, amount, months);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"STATE_ENTERPRISE, 15000.00", "GOVERNMENT, 15000.00", "PUBLIC_INSTITUTION, 15000.00",
        "PRIVATE, 0.00"})
    void onlyStateOwnedPremisesQualify(LandlordType landlord, String amount) {
        TestEntity t = individual("530102");
        t.landlord = landlord;
        assertEquals(new BigDecimal(amount), program(t, ID).amount());
    }

    @ParameterizedTest(name = "{0} {1} in {2} → {3}")
    @CsvSource({
        "ENTERPRISE, SMALL, H62, 15000.00",
        "ENTERPRISE, MICRO, M74, 15000.00",
        "ENTERPRISE, MICRO, T, 15000.00",
        "ENTERPRISE, MEDIUM, H62, 0.00",
        "ENTERPRISE, LARGE, H62, 0.00",
        // manufacturing, agriculture and construction are not service industries
        "ENTERPRISE, SMALL, C13, 0.00",
        "ENTERPRISE, SMALL, A01, 0.00",
        "ENTERPRISE, SMALL, E48, 0.00",
        "NONPROFIT, , P83, 0.00",
    })
    void smallAndMicroServiceEnterprisesAndIndividualBusinesses(EntityType type, SizeClass size, String industry,
            String amount) {
        TestEntity t = TestEntity.of(type).industry(industry).lease(LandlordType.GOVERNMENT, "5000");
        t.size = size;
        assertEquals(new BigDecimal(amount), program(t, ID).amount());
    }

    @Test
    void noRentNoWaiver() {
        ProgramResult r = program(individual("530102").lease(LandlordType.STATE_ENTERPRISE, "0"), ID);
        assertEquals(new BigDecimal("0.00"), r.amount());
        assertEquals("monthly_rent is 0", r.reason());
    }

    @Test
    void leaseExactlyAsLongAsTheMonthsDueIsNotProRated() {
        // 2022-03-01 + 3 months − 1 day = 2022-05-31: the full 4800 × 3 = 14400.00
        TestEntity t = individual("530102").lease(LandlordType.STATE_ENTERPRISE, "4800")
                .dates("2022-03-01", "2022-05-31");
        assertWaiver(t, "14400.00", "3.00");
    }

    @Test
    void leaseOneDayShorterIsPaidByItsActualDays() {
        // 91 days: 4800 × 12 × 91 / 365 = 14360.547… → 14360.55; 91 × 12 / 365 = 2.9917… → 2.99 months
        TestEntity t = individual("530102").lease(LandlordType.STATE_ENTERPRISE, "4800")
                .dates("2022-03-01", "2022-05-30");
        assertWaiver(t, "14360.55", "2.99");
    }

    /**
     * details.csv shows unit_amount × quantity = amount: for a pro-rated lease the quantity is the
     * unrounded months (8 places), not the report's 2-place months, or 4800 × 2.99 = 14352.00 would
     * stand beside 14360.55.
     */
    @Test
    void proRatedLeaseGivesDetailsItsUnroundedMonthsSoUnitTimesQuantityIsTheAmount() {
        // 91 × 12 / 365 = 2.991780821… → 2.99178082; 4800 × 2.99178082 = 14360.547936 → 14360.55
        ProgramResult r = program(individual("530102").lease(LandlordType.STATE_ENTERPRISE, "4800")
                .dates("2022-03-01", "2022-05-30"), ID);
        assertEquals(new BigDecimal("2.99178082"), r.quantity());
        assertEquals(new BigDecimal("14360.55"), r.amount());
        assertEquals(r.amount(), r.unitAmount().multiply(r.quantity()).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void shortLeaseInListedRegionIsMeasuredAgainstSixMonths() {
        // 2022-01-01 + 6 months − 1 day = 2022-06-30; a lease to 06-29 is 180 days:
        // 1000 × 12 × 180 / 365 = 5917.808… → 5917.81; 180 × 12 / 365 = 5.917… → 5.92
        TestEntity t = individual("530428").lease(LandlordType.STATE_ENTERPRISE, "1000")
                .dates("2022-01-01", "2022-06-29");
        assertWaiver(t, "5917.81", "5.92");
        assertWaiver(individual("530428").lease(LandlordType.STATE_ENTERPRISE, "1000").dates("2022-01-01",
                "2022-06-30"), "6000.00", "6.00");
    }

    @Test
    void shortLeaseIsMeasuredAgainstTheMonthsLeftAfterTopUp() {
        // 3 − 2 = 1 month due; 2022-03-01 + 1 month − 1 day = 03-31; a lease to 03-15 is 15 days:
        // 3650 × 12 × 15 / 365 = 1800.00; 15 × 12 / 365 = 0.49
        TestEntity t = individual("530102").lease(LandlordType.STATE_ENTERPRISE, "3650").dates("2022-03-01",
                "2022-03-15");
        t.granted = 2;
        assertWaiver(t, "1800.00", "0.49");
    }

    @Test
    void oneLeaseDateAloneMeansNoProRating() {
        TestEntity t = individual("530102");
        t.leaseStart = java.time.LocalDate.parse("2022-03-01");
        ProgramResult r = program(t, ID);
        assertEquals(new BigDecimal("15000.00"), r.amount());
        assertNull(r.reason());
    }

    /** The default waiver is of 2022's rent (seed 003 「2022 年」): a lease outside 2022 gets 0, saying why. */
    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
        "2019-01-01, 2021-12-31, lease 2019-01-01 to 2021-12-31",
        "2023-01-01, 2023-12-31, lease 2023-01-01 to 2023-12-31",
        "2099-12-31, 2100-06-30, lease 2099-12-31 to 2100-06-30",
        "2023-01-01,           , lease from 2023-01-01",
        "          , 2021-12-31, lease ending 2021-12-31",
    })
    void leaseThatDoesNotOverlapTheWaivedPeriodGetsNothingWithAReason(String start, String end, String lease) {
        TestEntity t = individual("530102");
        t.leaseStart = start == null ? null : java.time.LocalDate.parse(start);
        t.leaseEnd = end == null ? null : java.time.LocalDate.parse(end);
        ProgramResult r = program(t, ID);
        assertEquals(new BigDecimal("0.00"), r.amount());
        assertEquals(new BigDecimal("0.00"), r.months());
        assertEquals(lease + " does not overlap 2022-01-01 to 2022-12-31, the period whose rent is waived", r.reason());
    }

    /** A lease that overlaps 2022 by a day, or runs on for years, is paid by SPEC §4 as before. */
    @ParameterizedTest(name = "{0} to {1} → {2}")
    @CsvSource({
        // runs through the whole waiver: 5000 × 3
        "2021-07-01, 2024-06-30, 15000.00, 3.00",
        // starts on the period's last day, no end given: 5000 × 3
        "2022-12-31,           , 15000.00, 3.00",
        // ends on the period's first day, 2021-12-01..2022-01-01 = 32 days: 5000 × 12 × 32 / 365 = 5260.27
        "2021-12-01, 2022-01-01, 5260.27, 1.05",
    })
    void leaseThatOverlapsTheWaivedPeriodIsPaid(String start, String end, String amount, String months) {
        TestEntity t = individual("530102");
        t.leaseStart = java.time.LocalDate.parse(start);
        t.leaseEnd = end == null ? null : java.time.LocalDate.parse(end);
        assertWaiver(t, amount, months);
    }
}
