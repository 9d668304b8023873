package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.regimes.Firms.firm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.regimes.Firms.Firm;
import subsidy.cli.Main;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;

/**
 * config/linxia-2020.yaml — 临夏州 2020 “六保” (seed 002): what cannot be a test case. The amounts
 * worked out by hand from the seed text are cases of config/tests/linxia-2020.yaml, run by
 * {@code subsidy test} and by ShippedPolicyCasesTest; here are the file itself (its citations: policy.CitationsTest) and the
 * command line refusing dates and runs the policy cannot serve.
 */
class LinxiaPolicyTest {
    private static final Path POLICY = Path.of("config/linxia-2020.yaml");
    /** The standard leading columns and the policy's own, always written. */
    private static final List<String> COLUMNS = List.of("entity_id", "name", "entity_type", "region_code",
                "industry_code", "size_class", "local_hires_6m", "local_hires_12m", "poor_hires_6m",
                "poor_hires_12m", "trained_3to6m", "trained_6m", "poverty_workshop", "poor_labourers_employed",
                "transfer_placed_6m", "returning_migrant_founder", "operating_normally", "business_opened");
    private static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);
    private static final String LINXIA_CITY = "622901"; // 临夏市

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the file itself

    @Test
    void policyCheckExitsZero() {
        assertEquals(0, Main.run("policy", "check", POLICY.toString()));
    }

    @Test
    void theOnlyWarningOnTheFirstAndLastDayOf2020IsTheWorkshopFiguresNoCountyHasSet() throws Exception {
        // That all eight programs are in force on those days is a case of config/tests/linxia-2020.yaml.
        // 「奖补标准由县(市)政府结合本地实际确定」: no county's figure is known, and policy check says so.
        for (LocalDate d : List.of(LocalDate.of(2020, 1, 1), AS_OF, LocalDate.of(2020, 12, 31))) {
            Policy p = PolicyLoader.load(POLICY, Resolution.on(d));
            assertEquals(1, p.warnings().size(), p.warnings().toString());
            assertTrue(p.warnings().get(0).startsWith("programs.workshop_reward.amounts (line ")
                    && p.warnings().get(0).endsWith("no region_code has an amount yet; the program pays nothing until"
                            + " the figures are written here"), p.warnings().get(0));
        }
    }

    @Test
    void asOfOutside2020LeavesEveryLinxiaProgramOutAndThePolicyUnusable() {
        // 2019-12-31 and 2021-01-01: nothing in force. A report with no program columns and every total
        // 0.00 would look like a run that paid nobody, so the policy is unusable on those dates (exit 3),
        // naming the period its programs are in force (all six the same) and the nearest day of it.
        for (LocalDate d : List.of(LocalDate.of(2019, 12, 31), LocalDate.of(2021, 1, 1))) {
            PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(POLICY, Resolution.on(d)));
            assertEquals(List.of("policy linxia-2020: no program is in force on " + d + "; its programs are in force "
                    + "from 2020-01-01 to 2020-12-31; give --as-of with a date in that period, e.g. --as-of "
                    + (d.getYear() == 2019 ? "2020-01-01" : "2020-12-31")), e.problems());
        }
    }

    /**
     * Without --as-of or --period, after 2020, every program of the plans has ended: the run reads them on
     * their last day, 2020-12-31, and records that date (AsOfDefaultTest: the warning that says so).
     */
    @Test
    void calcWithoutAsOfAfterThePlansEndedReadsThemOnTheirLastDay() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalDate.now().getYear() > 2020);
        Path csv = writeCsv(List.of(firm("食品", "91", LINXIA_CITY).size("small", "C1353")));
        Path out = tmp.resolve("last-day");
        assertEquals(0, Main.run("calc", "--input", csv.toString(), "--policy", POLICY.toString(),
                "--out", out.toString()));
        assertEquals("2020-12-31", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("manifest.json").toFile()).path("as_of").asText());
    }

    // ================================================================== helpers

    private Path writeCsv(List<Firm> firms) throws IOException {
        return Firms.writeCsv(tmp, COLUMNS, firms);
    }
}
