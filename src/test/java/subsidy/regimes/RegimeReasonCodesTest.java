package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static subsidy.regimes.Firms.firm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.cli.Main;

/**
 * The reason codes of rules only the regime policies use, as details.csv gives them: pay-the-higher
 * groups and at_least counts (config/linxia-2020.yaml), rate tiers (config/tiered-stable-job.yaml).
 */
class RegimeReasonCodesTest {
    /** The columns linxia-2020.yaml requires, as LinxiaPolicyTest writes them. */
    private static final List<String> LINXIA_COLUMNS = List.of("entity_id", "name", "entity_type", "region_code",
            "industry_code", "size_class", "local_hires_6m", "local_hires_12m", "poor_hires_6m", "poor_hires_12m",
            "trained_3to6m", "trained_6m", "poverty_workshop", "poor_labourers_employed");

    @TempDir
    Path tmp;

    /** details.csv's rows of one program, by name, of a calc run with --details. */
    private Map<String, CSVRecord> details(String policy, String asOf, String program, Firms.Firm... firms)
            throws Exception {
        Path csv = Firms.writeCsv(tmp, policy.contains("linxia") ? LINXIA_COLUMNS : Firms.LEADING, List.of(firms));
        Path out = Files.createTempDirectory(tmp, "out");
        assertEquals(0, Main.run("calc", "--input", csv.toString(), "--policy", policy, "--as-of", asOf, "--out",
                out.toString(), "--force", "--details"));
        Map<String, String> names = new HashMap<>();
        for (Firms.Firm f : firms) {
            names.put(f.cells.get("entity_id"), f.cells.get("name"));
        }
        Map<String, CSVRecord> byName = new HashMap<>();
        for (CSVRecord r : CommandLineRun.rows(out.resolve("details.csv"))) {
            if (r.get("program").equals(program)) {
                byName.put(names.get(r.get("entity_id")), r);
            }
        }
        return byName;
    }

    @Test
    void theLowerProgramOfAnExclusiveGroupGivesPaidByHigherProgram() throws Exception {
        // Poor-labourer reward 2 × 3000 + 1 × 5000 = 11000 < workshop 20000 (seed 002 @16331 就高不就低)
        CSVRecord r = details("config/linxia-2020.yaml", "2020-06-30", "poor_hire_reward",
                firm("服饰车间", "91", "622926").size("micro", "C1810").set("poverty_workshop", "true")
                        .set("poor_labourers_employed", "62").set("poor_hires_6m", "2").set("poor_hires_12m", "1"))
                .get("服饰车间");
        assertEquals("0.00", r.get("amount"));
        assertEquals("paid_by_higher_program", r.get("reason_code"));
        assertEquals("not combined with workshop_reward (20000.00 is higher; poor_labour_not_combined: 就高不就低)",
                r.get("reason"));
    }

    @Test
    void aWorkshopOfFewerThanFiftyGivesBelowMinimumAndNoWorkshopConditionFalse() throws Exception {
        Map<String, CSVRecord> r = details("config/linxia-2020.yaml", "2020-06-30", "workshop_reward",
                firm("四十九人", "91", "622926").size("micro", "C1810").set("poverty_workshop", "true")
                        .set("poor_labourers_employed", "49"),
                firm("非车间", "91", "622926").size("micro", "C1810").set("poverty_workshop", "false")
                        .set("poor_labourers_employed", "60"));
        assertEquals("below_minimum", r.get("四十九人").get("reason_code"));
        assertEquals("poor_labourers_employed 49 < 50", r.get("四十九人").get("reason"));
        assertEquals("condition_false", r.get("非车间").get("reason_code"));
        assertEquals("poverty_workshop is false", r.get("非车间").get("reason"));
    }

    @Test
    void aLayoffRateAboveTheLastTierGivesLayoffRateInNoTier() throws Exception {
        // 5 / (5 + 119) = 4.03% > 4%: 「高于4%的,不给予稳岗补贴」 → 0.00
        CSVRecord r = details("config/tiered-stable-job.yaml", "2022-06-30", "stable_job_subsidy",
                firm("超四", "91", "620103").size("medium", "C34").insurance(119, 5, "10000.00")
                        .set("ui_paid_in_full", "true")).get("超四");
        assertEquals("0.00", r.get("amount"));
        assertEquals("layoff_rate_in_no_tier", r.get("reason_code"));
        assertEquals(true, r.get("reason").startsWith("layoff rate 5 / (5 + 119) = 4.03% is in no tier of "),
                r.get("reason"));
    }
}
