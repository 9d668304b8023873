package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;

/**
 * config/national-ui-refund.yaml — what cannot be a test case (the hand-worked amounts are cases of
 * config/tests/national-ui-refund.yaml): the file (its citations: policy.CitationsTest), its warnings, and the command line
 * refusing a 2023 input without ui_paid_months. The national 失业保险稳岗返还 in two versions.
 * 2022 (seeds 003/000): large 50%, everyone else 90%. From 2023-01-01 (issue brief / national notice, not a seed): large 30%,
 * everyone else 60%, and only with ui_paid_months ≥ 12. Both years: layoff rate ≤ 5.5%, or ≤ 20% with
 * at most 30 insured; no serious dishonesty.
 */
class NationalUiRefundPolicyTest {
    private static final Path POLICY = Path.of("config/national-ui-refund.yaml");
    private static final LocalDate Y2022 = LocalDate.of(2022, 6, 30);
    private static final LocalDate Y2023 = LocalDate.of(2023, 6, 30);
    private static final String HEADER = "entity_id,name,entity_type,region_code,industry_code,size_class,"
            + "insured_employees,layoffs,ui_paid_last_year,serious_dishonesty,ui_paid_months";
    private static final String HEADER_WITHOUT_MONTHS = HEADER.substring(0, HEADER.lastIndexOf(','));
    /** Valid unified social credit codes (GB 32100-2015 check characters verified). */
    private static final String LARGE = "91530102MA4CFL6K6B";

    @TempDir
    Path tmp;

    private static String row(String id, String name, String type, String size, long insured, long layoffs,
            String uiPaid, String months) {
        String industry = type.equals("enterprise") ? "C38" : "H62";
        return String.join(",", id, name, type, "530102", industry, size, Long.toString(insured),
                Long.toString(layoffs), uiPaid, "false", months);
    }

    private Path csv(String header, String... rows) throws IOException {
        Path f = tmp.resolve("in-" + System.nanoTime() + ".csv");
        Files.writeString(f, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private Result calc(Path input, LocalDate asOf, Path out) {
        return CommandLineRun.run("calc", "--input", input.toString(), "--policy", POLICY.toString(),
                "--as-of", asOf.toString(), "--out", out.toString());
    }

    // ---------------------------------------------------------------- the ui_paid_months column (2023)

    @Test
    void a2023InputWithoutTheUiPaidMonthsColumnExits3NamingTheColumn() throws IOException {
        String r = row(LARGE, "五华区某某电力设备股份有限公司", "enterprise", "large", 1180, 30, "986420.00", "x");
        Path in = csv(HEADER_WITHOUT_MONTHS, r.substring(0, r.lastIndexOf(',')));
        Path out = tmp.resolve("no-months");
        Result res = calc(in, Y2023, out);
        assertEquals(3, res.exit(), res.err());
        assertTrue(res.err().contains("ui_paid_months"), res.err());
        assertFalse(Files.exists(out.resolve("report.csv")), "exit 3 writes nothing");
    }

    @Test
    void theColumnIsRequiredOnlyByThe2023Version() throws Exception {
        assertFalse(PolicyLoader.load(POLICY, Resolution.on(Y2022)).schema().required().contains("ui_paid_months"));
        assertTrue(PolicyLoader.load(POLICY, Resolution.on(Y2023)).schema().required().contains("ui_paid_months"));
    }

    // ---------------------------------------------------------------- the policy file

    @Test
    void policyCheckExitsZeroWithNoWarnings() throws Exception {
        Result r = CommandLineRun.run("policy", "check", POLICY.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("0 warning(s)"), r.out() + r.err());
        assertTrue(PolicyLoader.load(POLICY, Resolution.CHECK).warnings().isEmpty());
    }

    /** Overlapping versions: policy check says "the first that holds is used", and so it is. */
    @Test
    void ofOverlappingVersionsTheFirstThatHoldsIsUsedAsTheWarningSays() throws Exception {
        String open2022 = Files.readString(POLICY).replaceFirst("\n        to: 2022-12-31\n", "\n");
        Policy p = PolicyLoader.parse(open2022.getBytes(StandardCharsets.UTF_8), "open.yaml", Resolution.on(Y2023));
        assertTrue(PolicyLoader.parse(open2022.getBytes(StandardCharsets.UTF_8), "open.yaml", Resolution.CHECK)
                .warnings().stream().anyMatch(w -> w.contains("the first that holds is used")));
        subsidy.program.StableJobRefund refund = (subsidy.program.StableJobRefund) p.programs().get(0);
        assertEquals(new java.math.BigDecimal("0.50"), refund.rates().get(subsidy.entity.SizeClass.LARGE),
                "the 2022 version, the first that holds on 2023-06-30");
    }
}
