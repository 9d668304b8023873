package subsidy.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static subsidy.DefaultPolicy.amount;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import subsidy.TestEntity;
import subsidy.entity.EntityType;
import subsidy.entity.SizeClass;

/** The per-head programs of the default policy (seed 003 @11269, @11943, @10964/@11083, @11438). */
class PerHeadTest {

    @Test
    void hiringSubsidyIs1500PerGraduateOrYouthHireForAnyEnterprise() {
        TestEntity t = TestEntity.enterprise(SizeClass.LARGE);
        t.grads = 2;
        t.youth = 1;
        // 1500 × (2 + 1) = 4500.00
        assertEquals(new BigDecimal("4500.00"), amount(t, "hiring_subsidy"));
    }

    @Test
    void hiringSubsidyIsForEnterprisesOnly() {
        TestEntity t = TestEntity.of(EntityType.INDIVIDUAL_BUSINESS);
        t.grads = 2;
        assertEquals(new BigDecimal("0.00"), amount(t, "hiring_subsidy"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"MEDIUM, 3000.00", "SMALL, 3000.00", "MICRO, 3000.00", "LARGE, 0.00"})
    void absorptionSubsidyIs1000PerHardToEmployHireForSmeOnly(SizeClass size, String expected) {
        TestEntity t = TestEntity.enterprise(size);
        t.hardToEmploy = 3;
        assertEquals(new BigDecimal(expected), amount(t, "absorption_subsidy"));
    }

    @Test
    void absorptionSubsidyIsNotForNonprofits() {
        TestEntity t = TestEntity.of(EntityType.NONPROFIT);
        t.hardToEmploy = 3;
        assertEquals(new BigDecimal("0.00"), amount(t, "absorption_subsidy"));
    }

    @ParameterizedTest(name = "region {0}, severely affected {1}, industry {2} → {3}")
    @CsvSource({
        // listed region and severely affected: 500 × 40 = 20000.00
        "530428, true, C13, 20000.00",
        "530502, true, M74, 20000.00",
        // listed region but not severely affected
        "530428, false, C13, 0.00",
        // severely affected but region not listed
        "530102, true, C13, 0.00",
        // the five hard-hit industries, anywhere
        "530102, false, H62, 20000.00",
        "530102, false, H6210, 20000.00",
        "530102, false, F52, 20000.00",
        "530102, false, F5211, 20000.00",
        "530102, false, L727, 20000.00",
        "530102, false, G56, 20000.00",
        "530102, false, G53, 20000.00",
        "530102, false, G54, 20000.00",
        "530102, false, G55, 20000.00",
        // not hard-hit: accommodation, wholesale, warehousing, the bare section letter
        "530102, false, H61, 0.00",
        "530102, false, F51, 0.00",
        "530102, false, G59, 0.00",
        "530102, false, H, 0.00",
    })
    void retentionTrainingIs500PerInsuredInListedRegionsOrHardHitIndustries(String region, boolean affected,
            String industry, String expected) {
        TestEntity t = TestEntity.enterprise(SizeClass.LARGE).region(region).industry(industry)
                .insurance(40, 0, "1000");
        t.affected = affected;
        assertEquals(new BigDecimal(expected), amount(t, "retention_training"));
    }

    /**
     * The hard-hit branch is for enterprises (「……5个特困行业企业」 seed 003 @11083): an individual business
     * or a nonprofit in those industries is paid only when severely affected in a listed county.
     */
    @Test
    void retentionTrainingsHardHitBranchIsForEnterprisesOnly() {
        for (EntityType type : List.of(EntityType.INDIVIDUAL_BUSINESS, EntityType.NONPROFIT)) {
            TestEntity t = TestEntity.of(type).industry("H62").insurance(3, 0, "0");
            assertEquals(new BigDecimal("0.00"), amount(t, "retention_training"), type.toString());
            t.region("530428");
            t.affected = true;
            // 500 × 3 = 1500.00
            assertEquals(new BigDecimal("1500.00"), amount(t, "retention_training"), type.toString());
        }
        TestEntity firm = TestEntity.enterprise(SizeClass.SMALL).industry("H62").insurance(3, 0, "0");
        assertEquals(new BigDecimal("1500.00"), amount(firm, "retention_training"));
    }

    @Test
    void skillsCertificateSubsidyIs1000And1500And2000ByLevel() {
        TestEntity t = TestEntity.of(EntityType.NONPROFIT);
        t.junior = 2;
        t.intermediate = 1;
        t.senior = 3;
        // 1000 × 2 + 1500 × 1 + 2000 × 3 = 9500.00
        assertEquals(new BigDecimal("9500.00"), amount(t, "skills_certificate"));
    }
}
