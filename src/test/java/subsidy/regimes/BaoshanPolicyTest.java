package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static subsidy.CommandLineRun.rows;
import static subsidy.regimes.Firms.firm;
import static subsidy.regimes.Firms.sum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.regimes.Firms.Firm;
import subsidy.cli.Main;
import subsidy.policy.Clause;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.Program;

/**
 * config/baoshan-2022.yaml — 保山市 2022 (seed 000 篇一, seed 001 方案3). Each test runs rows through
 * the command line ({@code calc}) and checks report.csv against amounts worked out by hand from the
 * seed text. The as-of date is 2022-06-30 unless a test says otherwise.
 */
class BaoshanPolicyTest {
    private static final Path POLICY = Path.of("config/baoshan-2022.yaml");
    private static final Path SAMPLE = Path.of("samples/baoshan-2022.csv");
    private static final Path SHARED = Path.of("../shared");
    private static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    private static final String LONGYANG = "530502"; // 隆阳区: the example risk listing
    private static final String TENGCHONG = "530581"; // 腾冲市: not listed
    private static final String SHIDIAN = "530521"; // 施甸县: not listed

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

    @Test
    void everyCitedPassageIsAtItsOffset() throws Exception {
        assertCitations(POLICY);
    }

    // ------------------------------------------------------------------ stable_job_refund

    @Test
    void stableJobRefundPaysNinetyPercentToSmesAndIndividualBusinessesAndFiftyToLarge() throws IOException {
        // 「中小微企业按90%返还、大型企业按50%返还」 (seed 000 @1718); units insured as units at 90% as default.
        // small: 0.90 × 38400.00 = 34560.00; large: 0.50 × 1260000.00 = 630000.00;
        // individual business: 0.90 × 1800.00 = 1620.00; nonprofit: 0.90 × 7200.00 = 6480.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("小型", "91", TENGCHONG).size("small", "I6510").insurance(40, 1, "38400.00"),
                firm("大型", "91", TENGCHONG).size("large", "C3011").insurance(1400, 10, "1260000.00"),
                firm("个体", "92", TENGCHONG).type("individual_business", "F5211").insurance(3, 0, "1800.00"),
                firm("律所", "31", TENGCHONG).type("nonprofit", "L7231").insurance(9, 0, "7200.00"),
                firm("失信", "91", TENGCHONG).size("small", "I6510").insurance(10, 0, "5000.00")
                        .set("serious_dishonesty", "true"));
        assertEquals("34560.00", r.get("小型").get("stable_job_refund"));
        assertEquals("630000.00", r.get("大型").get("stable_job_refund"));
        assertEquals("1620.00", r.get("个体").get("stable_job_refund"));
        assertEquals("6480.00", r.get("律所").get("stable_job_refund"));
        assertEquals("0.00", r.get("失信").get("stable_job_refund"), "严重失信: nothing");
    }

    @Test
    void stableJobRefundLayoffTestAtItsBoundaries() throws IOException {
        // Layoff rate = layoffs / (layoffs + insured) (seed 004 篇九). National thresholds, as the default:
        // 11 / (11 + 189) = 5.5% exactly → paid, 0.90 × 10000 = 9000.00; 12 / (12 + 188) = 6% → 0.
        // ≤ 30 insured: 6 / (6 + 24) = 20% exactly → paid 0.90 × 3000 = 2700.00; 6 / (6 + 23) = 20.7% → 0.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("5.5%", "91", TENGCHONG).size("medium", "C1530").insurance(189, 11, "10000.00"),
                firm("6%", "91", TENGCHONG).size("medium", "C1530").insurance(188, 12, "10000.00"),
                firm("20%", "91", TENGCHONG).size("micro", "C1530").insurance(24, 6, "3000.00"),
                firm("20.7%", "91", TENGCHONG).size("micro", "C1530").insurance(23, 6, "3000.00"));
        assertEquals("9000.00", r.get("5.5%").get("stable_job_refund"));
        assertEquals("0.00", r.get("6%").get("stable_job_refund"));
        assertEquals("2700.00", r.get("20%").get("stable_job_refund"));
        assertEquals("0.00", r.get("20.7%").get("stable_job_refund"));
    }

    // ------------------------------------------------------------------ hiring_subsidy

    @Test
    void hiringSubsidyPaysGraduationYearGraduatesOnlyNotYouth() throws IOException {
        // 「企业招用20xx年毕业年度高校毕业生……按每人1500元」 (seed 000 @1795): graduates only.
        // 2 graduates + 3 unemployed youth → 2 × 1500 = 3000.00 (youth earn nothing in 保山);
        // youth only → 0.00; an individual business hiring 1 graduate → 0.00 (enterprises only);
        // a large enterprise hiring 10 graduates → 15000.00 (any size).
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("毕业生", "91", TENGCHONG).size("small", "I6510").set("grad_hires", "2").set("youth_hires", "3"),
                firm("青年", "91", TENGCHONG).size("small", "I6510").set("youth_hires", "4"),
                firm("个体", "92", TENGCHONG).type("individual_business", "F5211").set("grad_hires", "1"),
                firm("大型", "91", TENGCHONG).size("large", "C3011").set("grad_hires", "10"));
        assertEquals("3000.00", r.get("毕业生").get("hiring_subsidy"));
        assertEquals("0.00", r.get("青年").get("hiring_subsidy"));
        assertEquals("0.00", r.get("个体").get("hiring_subsidy"));
        assertEquals("15000.00", r.get("大型").get("hiring_subsidy"));
    }

    @Test
    void hiringSubsidyEndsOn31December2022() throws Exception {
        // 「实施期限截至20xx年12月31日」, read as 2022-12-31: in force on the last day, out the day after;
        // the other three programs carry on.
        assertTrue(ids(PolicyLoader.load(POLICY, Resolution.on(LocalDate.of(2022, 12, 31)))).contains("hiring_subsidy"));
        Policy after = PolicyLoader.load(POLICY, Resolution.on(LocalDate.of(2023, 1, 1)));
        assertEquals(List.of("stable_job_refund", "retention_training", "rent_waiver"), ids(after));
        assertEquals(1, after.leftOut().size(), after.leftOut().toString());
        Map<String, CSVRecord> r = calc(LocalDate.of(2023, 1, 1),
                firm("毕业生", "91", TENGCHONG).size("small", "I6510").set("grad_hires", "2"));
        assertFalse(r.get("毕业生").isMapped("hiring_subsidy"), "no hiring_subsidy column after 2022");
    }

    @Test
    void calcWithoutAsOfIsRefused() throws IOException {
        // hiring_subsidy has a validity window, so a run must say which date's rules apply: exit 3.
        Path csv = writeCsv(List.of(firm("毕业生", "91", TENGCHONG).size("small", "I6510")));
        assertEquals(3, Main.run("calc", "--input", csv.toString(), "--policy", POLICY.toString(),
                "--out", tmp.resolve("none").toString()));
    }

    // ------------------------------------------------------------------ retention_training

    @Test
    void retentionTrainingCoversTheFiveHardHitIndustriesAndSeverelyAffectedUnitsInListedCounties()
            throws IOException {
        // 500 per insured employee (seed 000 @1888).
        // catering H62 in unlisted 腾冲, 40 insured → 20000.00; road transport G54 → 55 × 500 = 27500.00;
        // tourism L727 → 8 × 500 = 4000.00; accommodation H61 is not one of the five → 0.00;
        // agriculture in listed 隆阳, severely affected, 12 insured → 6000.00;
        // same in 隆阳 but not severely affected → 0.00; severely affected in unlisted 施甸 → 0.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("餐饮", "91", TENGCHONG).size("small", "H6210").insurance(40, 0, "0"),
                firm("道路运输", "91", TENGCHONG).size("small", "G5430").insurance(55, 0, "0"),
                firm("旅游", "91", TENGCHONG).size("micro", "L7271").insurance(8, 0, "0"),
                firm("住宿", "91", TENGCHONG).size("small", "H6110").insurance(30, 0, "0"),
                firm("隆阳受影响", "91", LONGYANG).size("small", "A0141").insurance(12, 0, "0")
                        .set("severely_affected", "true"),
                firm("隆阳未受影响", "91", LONGYANG).size("small", "A0141").insurance(12, 0, "0"),
                firm("施甸受影响", "91", SHIDIAN).size("small", "A0141").insurance(12, 0, "0")
                        .set("severely_affected", "true"));
        assertEquals("20000.00", r.get("餐饮").get("retention_training"));
        assertEquals("27500.00", r.get("道路运输").get("retention_training"));
        assertEquals("4000.00", r.get("旅游").get("retention_training"));
        assertEquals("0.00", r.get("住宿").get("retention_training"));
        assertEquals("6000.00", r.get("隆阳受影响").get("retention_training"));
        assertEquals("0.00", r.get("隆阳未受影响").get("retention_training"));
        assertEquals("0.00", r.get("施甸受影响").get("retention_training"));
    }

    // ------------------------------------------------------------------ rent_waiver

    @Test
    void rentWaiverOnlyForPremisesOfStateOwnedEnterprises() throws IOException {
        // 「承租国有企业经营性房屋」 (seed 000 @3966): a state_enterprise landlord only.
        // 腾冲 (not listed), rent 6000: state_enterprise → 3 × 6000 = 18000.00; government,
        // public_institution and private landlords → 0.00 (the default policy would pay the first two).
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("国企", "91", TENGCHONG).size("micro", "L7271").lease("state_enterprise", "6000.00"),
                firm("机关", "91", TENGCHONG).size("micro", "L7271").lease("government", "6000.00"),
                firm("事业单位", "91", TENGCHONG).size("micro", "L7271").lease("public_institution", "6000.00"),
                firm("非国有", "91", TENGCHONG).size("micro", "L7271").lease("private", "6000.00"));
        assertEquals("18000.00", r.get("国企").get("rent_waiver"));
        assertEquals("3.00", r.get("国企").get("rent_waiver_months"));
        assertEquals("0.00", r.get("机关").get("rent_waiver"));
        assertEquals("0.00", r.get("事业单位").get("rent_waiver"));
        assertEquals("0.00", r.get("非国有").get("rent_waiver"));
    }

    @Test
    void rentWaiverSixMonthsInAListedCountyThreeElsewhereForServiceSmallMicroAndIndividuals()
            throws IOException {
        // 「列为疫情中高风险地区所在的县级行政区域内的企业减免6个月租金,其他区域减免3个月租金」.
        // 隆阳 (listed) catering, rent 12000 → 6 × 12000 = 72000.00; 腾冲 individual business,
        // rent 3000 → 3 × 3000 = 9000.00; 施甸 individual business, rent 2500, 1 month already
        // waived → (3 − 1) × 2500 = 5000.00; 隆阳, 7 months already waived → 0.00;
        // a medium retailer → 0.00 (small and micro only); a small tea factory (C, not a service) → 0.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("隆阳餐饮", "91", LONGYANG).size("small", "H6210").lease("state_enterprise", "12000.00"),
                firm("腾冲客栈", "92", TENGCHONG).type("individual_business", "H6110").lease("state_enterprise", "3000.00"),
                firm("施甸商店", "92", SHIDIAN).type("individual_business", "F5211").lease("state_enterprise", "2500.00")
                        .set("rent_free_months_granted", "1"),
                firm("隆阳已免", "92", LONGYANG).type("individual_business", "F5211").lease("state_enterprise", "2500.00")
                        .set("rent_free_months_granted", "7"),
                firm("中型超市", "91", TENGCHONG).size("medium", "F5212").lease("state_enterprise", "30000.00"),
                firm("茶厂", "91", TENGCHONG).size("small", "C1530").lease("state_enterprise", "5000.00"));
        assertEquals("72000.00", r.get("隆阳餐饮").get("rent_waiver"));
        assertEquals("6.00", r.get("隆阳餐饮").get("rent_waiver_months"));
        assertEquals("9000.00", r.get("腾冲客栈").get("rent_waiver"));
        assertEquals("5000.00", r.get("施甸商店").get("rent_waiver"));
        assertEquals("2.00", r.get("施甸商店").get("rent_waiver_months"));
        assertEquals("0.00", r.get("隆阳已免").get("rent_waiver"));
        assertEquals("0.00", r.get("中型超市").get("rent_waiver"));
        assertEquals("0.00", r.get("茶厂").get("rent_waiver"));
    }

    @Test
    void rentWaiverProratesALeaseShorterThanTheMonthsDue() throws IOException {
        // 隆阳 (6 months due), lease 2022-03-01..2022-05-15 ends before 2022-08-31: days = 31 + 30 + 15 = 76;
        // 20000 × 12 × 76 / 365 = 49972.602… → 49972.60; months = 76 × 12 / 365 = 2.498… → 2.50.
        // The same lease in 腾冲 (3 months due, full end 2022-05-31) is also short → the same 49972.60.
        // 腾冲, lease 2022-03-01..2022-05-31 is exactly 3 months → 3 × 20000 = 60000.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("隆阳短租", "91", LONGYANG).size("small", "G5430").lease("state_enterprise", "20000.00")
                        .dates("2022-03-01", "2022-05-15"),
                firm("腾冲短租", "91", TENGCHONG).size("small", "G5430").lease("state_enterprise", "20000.00")
                        .dates("2022-03-01", "2022-05-15"),
                firm("腾冲足月", "91", TENGCHONG).size("small", "G5430").lease("state_enterprise", "20000.00")
                        .dates("2022-03-01", "2022-05-31"));
        assertEquals("49972.60", r.get("隆阳短租").get("rent_waiver"));
        assertEquals("2.50", r.get("隆阳短租").get("rent_waiver_months"));
        assertEquals("49972.60", r.get("腾冲短租").get("rent_waiver"));
        assertEquals("60000.00", r.get("腾冲足月").get("rent_waiver"));
    }

    // ------------------------------------------------------------------ the sample

    @Test
    void sampleFileIsComputedInFull() throws IOException {
        // samples/baoshan-2022.csv: 12 rows, all computed. Control totals worked out row by row:
        // stable_job_refund 845892.00, hiring_subsidy 33000.00, retention_training 114000.00,
        // rent_waiver 146472.60, total 1139364.60.
        Path out = tmp.resolve("sample");
        assertEquals(0, Main.run("calc", "--input", SAMPLE.toString(), "--policy", POLICY.toString(),
                "--as-of", AS_OF.toString(), "--out", out.toString()));
        List<CSVRecord> rows = rows(out.resolve("report.csv"));
        assertEquals(12, rows.size());
        assertEquals("845892.00", sum(rows, "stable_job_refund"));
        assertEquals("33000.00", sum(rows, "hiring_subsidy"));
        assertEquals("114000.00", sum(rows, "retention_training"));
        assertEquals("146472.60", sum(rows, "rent_waiver"));
        assertEquals("1139364.60", sum(rows, "total"));
    }

    // ================================================================== helpers

    private static List<String> ids(Policy p) {
        return p.programs().stream().map(Program::id).toList();
    }


    /** Runs calc on the rows and returns report.csv keyed by name; every row must be computed. */



    private Path writeCsv(List<Firm> firms) throws IOException {
        return Firms.writeCsv(tmp, Firms.LEADING, firms);
    }

    private Map<String, CSVRecord> calc(LocalDate asOf, Firm... firms) throws IOException {
        return Firms.calc(tmp, POLICY, asOf, Firms.LEADING, firms);
    }

    // ------------------------------------------------------------------ seed citations

    private static final Pattern CITATION = Pattern.compile(
            "- seed: (\\S+)\\n\\s+at: (\\d+)\\n\\s+words: (.+)\\n");

    /**
     * As SeedCitationTest does for the default policy: every clause the loader reads (programs of every
     * period, region lists, exclusive groups) stands word for word at its offset; and, reading the file
     * as text, so does every other citation in it (firm_size's too) — no `words:` line escapes.
     */
    static void assertCitations(Path policyFile) throws Exception {
        assumeTrue(Files.isDirectory(SHARED.resolve("seeds")), "../shared/seeds is not beside this checkout");
        Policy policy = PolicyLoader.load(policyFile, Resolution.CHECK);
        List<Clause> clauses = new ArrayList<>();
        policy.programs().forEach(p -> clauses.addAll(p.clauses()));
        policy.regionLists().values().forEach(l -> clauses.addAll(l.clauses()));
        policy.groups().forEach(g -> clauses.addAll(g.clauses()));
        assertFalse(clauses.isEmpty());
        for (Clause c : clauses) {
            assertAt(policy, c.seed(), c.at(), c.words());
        }
        String yaml = Files.readString(policyFile, StandardCharsets.UTF_8);
        Matcher m = CITATION.matcher(yaml);
        int found = 0;
        while (m.find()) {
            assertAt(policy, m.group(1), Integer.valueOf(m.group(2)), m.group(3).strip());
            found++;
        }
        long wordsLines = yaml.lines().filter(l -> l.strip().startsWith("words:")).count();
        assertEquals(wordsLines, found, "every words: line is part of a seed/at/words citation");
        assertTrue(found > clauses.size(), "firm_size's citation is checked too");
    }

    private static void assertAt(Policy policy, String seed, Integer at, String words) throws IOException {
        assertTrue(policy.sources().containsKey(seed), seed);
        assertTrue(at != null, seed + ": an offset is given");
        String text = Files.readString(SHARED.resolve(policy.sources().get(seed).file()), StandardCharsets.UTF_8);
        String there = text.substring(at, Math.min(text.length(), at + words.length()));
        assertEquals(words, there, seed + " @" + at);
    }
}
