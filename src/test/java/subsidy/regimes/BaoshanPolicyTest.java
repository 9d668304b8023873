package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.regimes.Firms.firm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.regimes.Firms.Firm;
import subsidy.cli.Main;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.Program;

/**
 * config/baoshan-2022.yaml — 保山市 2022 (seed 000 篇一, seed 001 方案3): what cannot be a test case.
 * The amounts worked out by hand from the seed text are cases of config/tests/baoshan-2022.yaml, run by
 * {@code subsidy test} and by ShippedPolicyCasesTest; here are the file itself (its citations: policy.CitationsTest) and the
 * command line refusing a run without --as-of.
 */
class BaoshanPolicyTest {
    private static final Path POLICY = Path.of("config/baoshan-2022.yaml");
    private static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    private static final String TENGCHONG = "530581"; // 腾冲市: not listed

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the file itself

    @Test
    void policyCheckExitsZero() {
        assertEquals(0, Main.run("policy", "check", POLICY.toString()));
    }

    @Test
    void loadsWithTheFourProgramsOfTheBaoshanText() throws Exception {
        Policy p = PolicyLoader.load(POLICY, Resolution.on(AS_OF));
        assertEquals(List.of("stable_job_refund", "hiring_subsidy", "retention_training", "rent_waiver"),
                p.programs().stream().map(Program::id).toList());
        assertEquals(Set.of("530502"), p.regionLists().get("risk_area_2022").codes().keySet(),
                "example listing only: no seed names the 保山 counties listed in 2022");
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    // ------------------------------------------------------------------ the command line

    /**
     * Without --as-of or --period, after 2022, every program of the plans has ended: the run reads them on
     * their last day, 2022-12-31, and records that date (AsOfDefaultTest: the warning that says so).
     */
    @Test
    void calcWithoutAsOfAfterThePlansEndedReadsThemOnTheirLastDay() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalDate.now().getYear() > 2022);
        Path csv = writeCsv(List.of(firm("毕业生", "91", TENGCHONG).size("small", "I6510")));
        Path out = tmp.resolve("last-day");
        assertEquals(0, Main.run("calc", "--input", csv.toString(), "--policy", POLICY.toString(),
                "--out", out.toString()));
        assertEquals("2022-12-31", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("manifest.json").toFile()).path("as_of").asText());
    }

    // ================================================================== helpers

    private Path writeCsv(List<Firm> firms) throws IOException {
        return Firms.writeCsv(tmp, Firms.LEADING, firms);
    }
}
