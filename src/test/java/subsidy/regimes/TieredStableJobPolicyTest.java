package subsidy.regimes;

import static subsidy.CommandLineRun.run;

import subsidy.CommandLineRun.Result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.Program;

/**
 * config/tiered-stable-job.yaml — what cannot be a test case (the hand-worked amounts are cases of
 * config/tests/tiered-stable-job.yaml): the file (its citations: policy.CitationsTest), policy check's warnings, and the
 * command line refusing an input without ui_paid_in_full. Seed 004 篇九's stable-job subsidy: 50% of last year's premiums at a
 * layoff rate ≤ 2%, 40% above 2% up to 3%, 30% above 3% up to 4% (含4%: exactly 4% is paid), nothing
 * above 4%; enterprises only; premiums paid in full required (ui_paid_in_full).
 * Layoff rate = layoffs / (layoffs + insured_employees). Amounts are computed through the CSV
 * pipeline and checked against figures worked out by hand.
 */
class TieredStableJobPolicyTest {
    private static final Path POLICY = Path.of("config/tiered-stable-job.yaml");
    private static final String PROGRAM = "stable_job_subsidy";
    private static final String HEADER = "entity_id,name,entity_type,region_code,industry_code,size_class,"
            + "insured_employees,layoffs,ui_paid_last_year,ui_paid_in_full";
    /** A valid unified social credit code (GB 32100-2015 check character verified). */
    private static final String ID = "91620103MAKJXAL36U";

    @TempDir
    Path tmp;

    // ---------------------------------------------------------------- the ui_paid_in_full column

    @Test
    void anInputWithoutUiPaidInFullIsUnusableAndExits3NamingTheColumn() throws IOException {
        Path csv = tmp.resolve("no-flag.csv");
        Files.writeString(csv, "entity_id,name,entity_type,region_code,industry_code,size_class,insured_employees,"
                + "layoffs,ui_paid_last_year\n" + ID + ",兰州某某机械制造有限公司,enterprise,620103,C34,medium,98,2,"
                + "10000.00\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("no-flag");
        Result r = run("calc", "--input", csv.toString(), "--policy", POLICY.toString(), "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("ui_paid_in_full"), r.err());
        assertFalse(Files.exists(out.resolve("report.csv")), "exit 3 writes nothing");
    }

    // ---------------------------------------------------------------- the policy file

    @Test
    void policyCheckExitsZeroWithNoGapOrOverlapWarning() throws Exception {
        Result r = run("policy", "check", POLICY.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String all = r.out() + r.err();
        assertTrue(all.contains("0 warning(s)"), all);
        for (String word : List.of("overlap", "falls in no tier", "unreachable", "gap")) {
            assertFalse(all.contains(word), word + ": " + all);
        }
        assertTrue(PolicyLoader.load(POLICY, Resolution.CHECK).warnings().isEmpty());
    }

    /** A first tier that starts above 0% leaves the lowest layoff rates, no layoffs at all among them, unpaid. */
    @Test
    void aGapBelowTheFirstTierIsAWarning() throws Exception {
        List<String> warnings = warningsWithFirstTierFrom("above: 0.005");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).endsWith(": below the first tier (0.50% < rate ≤ 2.00%: 50.00%), a layoff rate of"
                + " 0.5% or less falls in no tier and is paid nothing"), warnings.get(0));
    }

    /** The bound of that gap is written exactly: 0.001%, not a rounded 0.00%. */
    @Test
    void aGapBelowTheFirstTierNamesItsBoundExactly() throws Exception {
        List<String> warnings = warningsWithFirstTierFrom("at_least: 0.00001");
        assertTrue(warnings.get(0).contains("a layoff rate of less than 0.001% falls in no tier"), warnings.toString());
    }

    /** policy check's warnings for this policy with its first tier (up to 2%) given a lower bound. */
    private static List<String> warningsWithFirstTierFrom(String lowerBound) throws Exception {
        String yaml = Files.readString(POLICY).replaceFirst("      - at_most: 0.02\n",
                "      - " + lowerBound + "\n        at_most: 0.02\n");
        return PolicyLoader.parse(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "gap.yaml", Resolution.CHECK)
                .warnings();
    }

    @Test
    void loadsWithOneTieredProgramThatRequiresUiPaidInFull() throws Exception {
        Policy policy = PolicyLoader.load(POLICY, Resolution.on(LocalDate.of(2022, 6, 30)));
        assertEquals(List.of(PROGRAM), policy.programs().stream().map(Program::id).toList());
        assertTrue(policy.schema().required().contains("ui_paid_in_full"));
        assertNotNull(policy.sizeTable());
        assertTrue(policy.warnings().isEmpty(), policy.warnings().toString());
    }
}
