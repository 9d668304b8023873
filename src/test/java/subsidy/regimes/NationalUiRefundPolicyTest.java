package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.policy.Clause;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;

/**
 * config/national-ui-refund.yaml — the national 失业保险稳岗返还 in two versions. 2022 (seeds 003/000):
 * large 50%, everyone else 90%. From 2023-01-01 (issue brief / national notice, not a seed): large 30%,
 * everyone else 60%, and only with ui_paid_months ≥ 12. Both years: layoff rate ≤ 5.5%, or ≤ 20% with
 * at most 30 insured; no serious dishonesty.
 */
class NationalUiRefundPolicyTest {
    private static final Path POLICY = Path.of("config/national-ui-refund.yaml");
    private static final Path SAMPLE = Path.of("samples/national-ui-refund.csv");
    private static final Path SHARED = Path.of("../shared");
    private static final String PROGRAM = "stable_job_refund";
    private static final LocalDate Y2022 = LocalDate.of(2022, 6, 30);
    private static final LocalDate Y2023 = LocalDate.of(2023, 6, 30);
    private static final String HEADER = "entity_id,name,entity_type,region_code,industry_code,size_class,"
            + "insured_employees,layoffs,ui_paid_last_year,serious_dishonesty,ui_paid_months";
    private static final String HEADER_WITHOUT_MONTHS = HEADER.substring(0, HEADER.lastIndexOf(','));
    /** Valid unified social credit codes (GB 32100-2015 check characters verified). */
    private static final String LARGE = "91530102MA4CFL6K6B";
    private static final String SMALL = "91530402MAU8TLN35B";
    private static final String SHOP = "92530428MAUCJMA85J";

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

    /** stable_job_refund by entity_id on the given date; the run must compute every row. */
    private Map<String, String> amounts(Path input, LocalDate asOf) throws IOException {
        Path out = tmp.resolve("out-" + System.nanoTime());
        Result r = calc(input, asOf, out);
        assertEquals(0, r.exit(), r.err());
        Map<String, String> byId = new LinkedHashMap<>();
        for (CSVRecord x : CommandLineRun.rows(out.resolve("report.csv"))) {
            byId.put(x.get("entity_id"), x.get(PROGRAM));
        }
        return byId;
    }

    // ---------------------------------------------------------------- 2022 vs 2023 rates

    @Test
    void largeEnterpriseFallsFromFiftyPercentIn2022ToThirtyPercentIn2023() throws IOException {
        // 30 / (30 + 1180) = 2.48% ≤ 5.5%. 2022: 0.50 × 986420.00 = 493210.00; 2023: 0.30 × 986420.00 = 295926.00
        Path in = csv(HEADER, row(LARGE, "五华区某某电力设备股份有限公司", "enterprise", "large", 1180, 30, "986420.00", "12"));
        assertEquals("493210.00", amounts(in, Y2022).get(LARGE));
        assertEquals("295926.00", amounts(in, Y2023).get(LARGE));
    }

    @Test
    void smallEnterpriseFallsFromNinetyPercentIn2022ToSixtyPercentIn2023() throws IOException {
        // 5 / (5 + 25) = 16.67%: above 5.5% but ≤ 20% with 25 ≤ 30 insured → eligible.
        // 2022: 0.90 × 28640.00 = 25776.00; 2023: 0.60 × 28640.00 = 17184.00
        Path in = csv(HEADER, row(SMALL, "红塔区某某包装有限公司", "enterprise", "small", 25, 5, "28640.00", "12"));
        assertEquals("25776.00", amounts(in, Y2022).get(SMALL));
        assertEquals("17184.00", amounts(in, Y2023).get(SMALL));
    }

    @Test
    void individualBusinessFallsFromNinetyPercentIn2022ToSixtyPercentIn2023() throws IOException {
        // 0 / (0 + 3) = 0%. 2022: 0.90 × 2160.00 = 1944.00; 2023: 0.60 × 2160.00 = 1296.00
        Path in = csv(HEADER, row(SHOP, "元江县某某米线店", "individual_business", "", 3, 0, "2160.00", "12"));
        assertEquals("1944.00", amounts(in, Y2022).get(SHOP));
        assertEquals("1296.00", amounts(in, Y2023).get(SHOP));
    }

    @Test
    void theRatesChangeOnNewYearsDay2023() throws IOException {
        // 0.50 × 986420.00 = 493210.00 on 2022-12-31; 0.30 × 986420.00 = 295926.00 on 2023-01-01
        Path in = csv(HEADER, row(LARGE, "五华区某某电力设备股份有限公司", "enterprise", "large", 1180, 30, "986420.00", "12"));
        assertEquals("493210.00", amounts(in, LocalDate.of(2022, 12, 31)).get(LARGE));
        assertEquals("295926.00", amounts(in, LocalDate.of(2023, 1, 1)).get(LARGE));
    }

    // ---------------------------------------------------------------- twelve months paid in full (2023)

    @Test
    void in2023ElevenMonthsPaidInFullGetsNothingAndTwelveGetSixtyPercent() throws IOException {
        // 0 / (0 + 8) = 0%. 11 months → 0.00; 12 months → 0.60 × 9612.00 = 5767.20
        Path eleven = csv(HEADER, row(SMALL, "隆阳区某某咖啡有限公司", "enterprise", "micro", 8, 0, "9612.00", "11"));
        Path twelve = csv(HEADER, row(SMALL, "隆阳区某某咖啡有限公司", "enterprise", "micro", 8, 0, "9612.00", "12"));
        assertEquals("0.00", amounts(eleven, Y2023).get(SMALL));
        assertEquals("5767.20", amounts(twelve, Y2023).get(SMALL));
        // a blank count is 0 months → 0.00
        Path blank = csv(HEADER, row(SMALL, "隆阳区某某咖啡有限公司", "enterprise", "micro", 8, 0, "9612.00", ""));
        assertEquals("0.00", amounts(blank, Y2023).get(SMALL));
    }

    @Test
    void in2022TheMonthsPaidAreNotAskedSoElevenMonthsIsPaidNinetyPercent() throws IOException {
        // 2022 has no twelve-month condition: 0.90 × 9612.00 = 8650.80
        Path eleven = csv(HEADER, row(SMALL, "隆阳区某某咖啡有限公司", "enterprise", "micro", 8, 0, "9612.00", "11"));
        assertEquals("8650.80", amounts(eleven, Y2022).get(SMALL));
    }

    @Test
    void a2022InputWithoutTheUiPaidMonthsColumnIsComputed() throws IOException {
        // 0.50 × 986420.00 = 493210.00
        String r = row(LARGE, "五华区某某电力设备股份有限公司", "enterprise", "large", 1180, 30, "986420.00", "x");
        Path in = csv(HEADER_WITHOUT_MONTHS, r.substring(0, r.lastIndexOf(',')));
        assertEquals("493210.00", amounts(in, Y2022).get(LARGE));
    }

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

    // ---------------------------------------------------------------- layoff test and sample

    @Test
    void sampleFileGivesTheHandWorkedAmountsIn2022AndIn2023() throws IOException {
        // id → {2022, 2023}
        Map<String, String[]> expected = new LinkedHashMap<>();
        // large, 30/(30+1180) = 2.48%: 0.50 / 0.30 × 986420.00
        expected.put("91530102MA4CFL6K6B", new String[] {"493210.00", "295926.00"});
        // medium, 8/(8+212) = 3.64%: 0.90 × 245318.40 = 220786.560; 0.60 × 245318.40 = 147191.040
        expected.put("91530111MAL5H6W96A", new String[] {"220786.56", "147191.04"});
        // small, 5/(5+25) = 16.67% with 25 ≤ 30 insured: 0.90 / 0.60 × 28640.00
        expected.put("91530402MAU8TLN35B", new String[] {"25776.00", "17184.00"});
        // micro, 3/(3+40) = 6.98% > 5.5% with 40 > 30 insured: nothing
        expected.put("91530428MAJP1BF480", new String[] {"0.00", "0.00"});
        // micro, 0%, 11 months: 0.90 × 9612.00 = 8650.80 in 2022; 2023 needs 12 months → 0
        expected.put("91530502MAX92GWX3F", new String[] {"8650.80", "0.00"});
        // individual business, 0%: 0.90 / 0.60 × 2160.00
        expected.put("92530428MAUCJMA85J", new String[] {"1944.00", "1296.00"});
        // social service organisation, 0%: 0.90 / 0.60 × 15360.00
        expected.put("52530102MAA9T45T1D", new String[] {"13824.00", "9216.00"});
        // serious_dishonesty true: nothing
        expected.put("91530111MAPE2PBH39", new String[] {"0.00", "0.00"});
        // medium, 11/(11+189) = 5.5% exactly (≤ 5.5%): 0.90 × 203117.65 = 182805.885 → 182805.89;
        // 0.60 × 203117.65 = 121870.590
        expected.put("91530302MAT74GBH0N", new String[] {"182805.89", "121870.59"});
        // law firm, 0%, 24 months: 0.90 / 0.60 × 21600.00
        expected.put("31530103MAL3085YXX", new String[] {"19440.00", "12960.00"});
        // individual business, 0%, 6 months: 0.90 × 1380.00 = 1242.00; 2023 → 0
        expected.put("92530502MATY094N91", new String[] {"1242.00", "0.00"});
        Map<String, String> y2022 = amounts(SAMPLE, Y2022);
        Map<String, String> y2023 = amounts(SAMPLE, Y2023);
        assertEquals(expected.keySet(), y2022.keySet());
        assertEquals(expected.keySet(), y2023.keySet());
        expected.forEach((id, a) -> {
            assertEquals(a[0], y2022.get(id), id + " on " + Y2022);
            assertEquals(a[1], y2023.get(id), id + " on " + Y2023);
        });
    }

    // ---------------------------------------------------------------- the policy file

    @Test
    void policyCheckExitsZeroWithNoWarnings() throws Exception {
        Result r = CommandLineRun.run("policy", "check", POLICY.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("0 warning(s)"), r.out() + r.err());
        assertTrue(PolicyLoader.load(POLICY, Resolution.CHECK).warnings().isEmpty());
    }

    @Test
    void everyCitedPassageIsAtItsOffsetInTheSeed() throws Exception {
        assumeTrue(Files.isDirectory(SHARED.resolve("seeds")), "../shared/seeds is not beside this checkout");
        // both versions, as the loader reads them on a date in each
        List<Clause> clauses = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (LocalDate d : List.of(Y2022, Y2023)) {
            Policy policy = PolicyLoader.load(POLICY, Resolution.on(d));
            policy.programs().forEach(p -> clauses.addAll(p.clauses()));
            policy.sources().forEach((k, s) -> files.put(k, s.file()));
        }
        assertEquals(7, clauses.size(), "5 clauses for 2022, 2 for 2023");
        for (Clause c : clauses) {
            String text = Files.readString(SHARED.resolve(files.get(c.seed())));
            String at = text.substring(c.at(), Math.min(text.length(), c.at() + c.words().length()));
            assertEquals(c.words(), at, c.label());
        }
        // and every {seed, at, words} anywhere in the file, firm_size included
        assertEquals(8, TieredStableJobPolicyTest.checkEveryCitation(POLICY), "citations checked");
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
