package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.TestEntity;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.policy.Clause;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.ProgramResult;

/**
 * Two listings, two announcements (seed review finding 4): retention training reads the counties
 * where 「累计出现1个(含)以上中高风险疫情的地区」 (seed 003 @10964), the rent waiver's 6 months the
 * counties 「被列为疫情中高风险区所在的县级行政区域」 (seed 003 @26562). Each is its own region list, so
 * a county's announcement of one does not change the other program.
 */
class RiskListingsTest {
    private static final Resolution IN_2022 = Resolution.on(LocalDate.of(2022, 6, 30));

    @Test
    void theRentExtensionReadsAListingOfItsOwnWithItsClause() throws Exception {
        for (String file : List.of("config/policy.yaml", "config/baoshan-2022.yaml")) {
            Policy p = PolicyLoader.load(Path.of(file), IN_2022);
            List<Clause> rent = p.regionLists().get("risk_county_2022").clauses();
            assertEquals(file.contains("baoshan") ? "在20xx年被列为疫情中高风险地区所在的县级行政区域"
                    : "被列为疫情中高风险区所在的县级行政区域", rent.get(0).words(), file);
            assertEquals("累计出现1个(含)以上中高风险疫情的地区(以县疫情防控指挥部公布为准)",
                    p.regionLists().get("risk_area_2022").clauses().get(0).words(), file);
        }
    }

    /** 元江 530428 taken off the rent listing only: its rent waiver falls to 3 months, its retention training stays. */
    @Test
    void aCountyOffTheRentListingKeepsItsRetentionTraining() throws Exception {
        String yaml = Files.readString(Path.of("config/policy.yaml"), StandardCharsets.UTF_8);
        int rentList = yaml.indexOf("\n  risk_county_2022:");
        String edited = yaml.substring(0, rentList) + yaml.substring(rentList).replaceFirst(
                "\n      \"530428\": 元江哈尼族彝族傣族自治县", "");
        Policy p = PolicyLoader.parse(edited.getBytes(StandardCharsets.UTF_8), "edited.yaml", IN_2022);
        TestEntity t = TestEntity.enterprise(SizeClass.SMALL).region("530428").industry("I65").insurance(10, 0, "0")
                .lease(LandlordType.STATE_ENTERPRISE, "1000");
        t.affected = true;
        EntityResult listed = compute(PolicyLoader.load(Path.of("config/policy.yaml"), IN_2022), t);
        EntityResult unlisted = compute(p, t);
        assertEquals(new BigDecimal("6000.00"), amount(listed, "rent_waiver"), "6 × 1000 while listed");
        assertEquals(new BigDecimal("3000.00"), amount(unlisted, "rent_waiver"), "3 × 1000 once off the rent listing");
        assertEquals(new BigDecimal("5000.00"), amount(listed, "retention_training"), "10 × 500");
        assertEquals(new BigDecimal("5000.00"), amount(unlisted, "retention_training"), "the other listing still has it");
    }

    private static EntityResult compute(Policy p, TestEntity t) {
        Calculator c = new Calculator(p);
        var e = t.build();
        return c.compute(e, c.size(e, false), "test.csv", 2);
    }

    private static BigDecimal amount(EntityResult r, String id) {
        return r.programs().stream().filter(x -> x.programId().equals(id)).map(ProgramResult::amount).findFirst()
                .orElseThrow();
    }
}
