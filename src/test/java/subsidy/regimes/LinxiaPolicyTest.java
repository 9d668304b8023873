package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static subsidy.regimes.Firms.firm;
import static subsidy.CommandLineRun.rows;
import static subsidy.regimes.Firms.sum;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.regimes.Firms.Firm;
import subsidy.cli.Main;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.Program;

/**
 * config/linxia-2020.yaml — 临夏州 2020 “六保” (seed 002). Each test runs rows through {@code calc} and
 * checks report.csv against amounts worked out by hand from the seed text. Tenure bands are columns,
 * one band per person: a person employed exactly 6 months is counted in the 6-month band, exactly one
 * year in the 1-year band (「以上」 includes the figure; 「6个月以上(含6个月)」 says so for training).
 * The as-of date is 2020-06-30 unless a test says otherwise.
 */
class LinxiaPolicyTest {
    private static final Path POLICY = Path.of("config/linxia-2020.yaml");
    /** The standard leading columns and the policy's own, always written. */
    private static final List<String> COLUMNS = List.of("entity_id", "name", "entity_type", "region_code",
                "industry_code", "size_class", "local_hires_6m", "local_hires_12m", "poor_hires_6m",
                "poor_hires_12m", "trained_3to6m", "trained_6m", "poverty_workshop", "poor_labourers_employed");
    private static final Path SAMPLE = Path.of("samples/linxia-2020.csv");
    private static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);
    private static final String LINXIA_CITY = "622901"; // 临夏市
    private static final String DONGXIANG = "622926"; // 东乡族自治县
    private static final List<String> PROGRAMS = List.of("stable_job_refund", "local_hire_reward",
            "poor_hire_reward", "workshop_reward", "onjob_training", "rent_waiver");

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the file itself

    @Test
    void policyCheckExitsZero() {
        assertEquals(0, Main.run("policy", "check", POLICY.toString()));
    }

    @Test
    void everyCitedPassageIsAtItsOffset() throws Exception {
        BaoshanPolicyTest.assertCitations(POLICY);
    }

    @Test
    void inForceFromFirstToLastDayOf2020() throws Exception {
        // 「2020年1月1日至12月31日」: all six programs on 2020-01-01 and on 2020-12-31.
        for (LocalDate d : List.of(LocalDate.of(2020, 1, 1), AS_OF, LocalDate.of(2020, 12, 31))) {
            Policy p = PolicyLoader.load(POLICY, Resolution.on(d));
            assertEquals(PROGRAMS, p.programs().stream().map(Program::id).toList(), d.toString());
            assertTrue(p.warnings().isEmpty(), p.warnings().toString());
        }
    }

    @Test
    void asOfOutside2020LeavesEveryLinxiaProgramOutAndThePolicyUnusable() {
        // 2019-12-31 and 2021-01-01: nothing in force. A report with no program columns and every total
        // 0.00 would look like a run that paid nobody, so the policy is unusable on those dates (exit 3),
        // naming each program's period.
        for (LocalDate d : List.of(LocalDate.of(2019, 12, 31), LocalDate.of(2021, 1, 1))) {
            PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(POLICY, Resolution.on(d)));
            assertEquals(1, e.problems().size(), e.problems().toString());
            assertTrue(e.problems().get(0).startsWith("no program is in force on " + d + ": stable_job_refund: in force"
                    + " from 2020-01-01 to 2020-12-31"), e.problems().get(0));
        }
    }

    @Test
    void calcWithoutAsOfIsRefused() throws IOException {
        Path csv = writeCsv(List.of(firm("食品", "91", LINXIA_CITY).size("small", "C1353")));
        assertEquals(3, Main.run("calc", "--input", csv.toString(), "--policy", POLICY.toString(),
                "--out", tmp.resolve("none").toString()));
    }

    // ------------------------------------------------------------------ stable_job_refund

    @Test
    void stableJobRefundHundredPercentForSmesOnly() throws IOException {
        // 「对不裁员少裁员的中小微企业……最高可提至……上年度缴纳失业保险费的100%」 (seed 002 @15860).
        // small 64000.00 → 64000.00; medium 72000.00 → 72000.00; micro 2160.00 → 2160.00 (rate 1.00);
        // large, individual business, nonprofit → 0.00 (not SMEs); small but 严重失信 → 0.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("小型", "91", LINXIA_CITY).size("small", "C1353").insurance(80, 2, "64000.00"),
                firm("中型", "91", LINXIA_CITY).size("medium", "H6210").insurance(140, 0, "72000.00"),
                firm("微型", "91", LINXIA_CITY).size("micro", "L7271").insurance(6, 0, "2160.00"),
                firm("大型", "91", LINXIA_CITY).size("large", "E4812").insurance(1600, 0, "1150000.00"),
                firm("个体", "92", LINXIA_CITY).type("individual_business", "H6210").insurance(2, 0, "900.00"),
                firm("社会组织", "52", LINXIA_CITY).type("nonprofit", "Q8500").insurance(8, 0, "3000.00"),
                firm("失信", "91", LINXIA_CITY).size("small", "I6510").insurance(28, 0, "25000.00")
                        .set("serious_dishonesty", "true"));
        assertEquals("64000.00", r.get("小型").get("stable_job_refund"));
        assertEquals("72000.00", r.get("中型").get("stable_job_refund"));
        assertEquals("2160.00", r.get("微型").get("stable_job_refund"));
        assertEquals("0.00", r.get("大型").get("stable_job_refund"));
        assertEquals("0.00", r.get("个体").get("stable_job_refund"));
        assertEquals("0.00", r.get("社会组织").get("stable_job_refund"));
        assertEquals("0.00", r.get("失信").get("stable_job_refund"));
    }

    @Test
    void stableJobRefundFewLayoffsTakenAsTheNational2020Test() throws IOException {
        // 「不裁员少裁员」 has no threshold in the seed; assumed: the national 2020 test.
        // 11 / (11 + 189) = 5.5% exactly → 1.00 × 10000 = 10000.00; 12 / (12 + 188) = 6% → 0.00;
        // ≤ 30 insured: 1 / (1 + 6) = 14.3% → 2160.00; 6 / (6 + 24) = 20% → 3000.00; 6 / (6 + 23) → 0.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("5.5%", "91", LINXIA_CITY).size("medium", "C1353").insurance(189, 11, "10000.00"),
                firm("6%", "91", LINXIA_CITY).size("medium", "C1353").insurance(188, 12, "10000.00"),
                firm("14.3%", "91", LINXIA_CITY).size("micro", "L7271").insurance(6, 1, "2160.00"),
                firm("20%", "91", LINXIA_CITY).size("micro", "C1353").insurance(24, 6, "3000.00"),
                firm("20.7%", "91", LINXIA_CITY).size("micro", "C1353").insurance(23, 6, "3000.00"));
        assertEquals("10000.00", r.get("5.5%").get("stable_job_refund"));
        assertEquals("0.00", r.get("6%").get("stable_job_refund"));
        assertEquals("2160.00", r.get("14.3%").get("stable_job_refund"));
        assertEquals("3000.00", r.get("20%").get("stable_job_refund"));
        assertEquals("0.00", r.get("20.7%").get("stable_job_refund"));
    }

    // ------------------------------------------------------------------ local_hire_reward

    @Test
    void localHireRewardThousandAtHalfAYearTwoThousandAtOneYearSmesOnly() throws IOException {
        // 「稳定就业半年以上的,按1000元/人……稳定就业1年以上的,按2000元/人」 (seed 002 @16129).
        // Boundaries: one hire at exactly 6 months (6-month band), one at exactly 1 year (1-year band),
        // one at 5 months (neither band, not counted) → 1000 + 2000 = 3000.00.
        // 5 in the 6-month band and 2 in the 1-year band → 5 × 1000 + 2 × 2000 = 9000.00.
        // A large enterprise (15 at 1 year) and an individual business → 0.00: SMEs only.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("边界", "91", LINXIA_CITY).size("micro", "L7271")
                        .set("local_hires_6m", "1").set("local_hires_12m", "1"),
                firm("食品", "91", LINXIA_CITY).size("small", "C1353")
                        .set("local_hires_6m", "5").set("local_hires_12m", "2"),
                firm("大型", "91", LINXIA_CITY).size("large", "E4812").set("local_hires_12m", "15"),
                firm("个体", "92", LINXIA_CITY).type("individual_business", "H6210").set("local_hires_6m", "1"));
        assertEquals("3000.00", r.get("边界").get("local_hire_reward"));
        assertEquals("9000.00", r.get("食品").get("local_hire_reward"));
        assertEquals("0.00", r.get("大型").get("local_hire_reward"));
        assertEquals("0.00", r.get("个体").get("local_hire_reward"));
    }

    // ------------------------------------------------------------------ poor_hire_reward

    @Test
    void poorHireRewardThreeThousandAtHalfAYearFiveThousandAtOneYearForEveryEntityType() throws IOException {
        // 「各类生产经营主体……稳定就业半年、1年以上的,分别按3000元/人、5000元/人」 (seed 002 @16039).
        // Boundaries: one at exactly 6 months and one at exactly 1 year → 3000 + 5000 = 8000.00.
        // Large enterprise, 10 at 1 year → 50000.00; individual business, 1 at 6 months → 3000.00;
        // nonprofit, 2 at 1 year → 10000.00 — no type or size condition.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("边界", "91", LINXIA_CITY).size("small", "C1353")
                        .set("poor_hires_6m", "1").set("poor_hires_12m", "1"),
                firm("大型", "91", LINXIA_CITY).size("large", "E4812").set("poor_hires_12m", "10"),
                firm("个体", "92", LINXIA_CITY).type("individual_business", "H6210").set("poor_hires_6m", "1"),
                firm("社会组织", "52", LINXIA_CITY).type("nonprofit", "Q8500").set("poor_hires_12m", "2"));
        assertEquals("8000.00", r.get("边界").get("poor_hire_reward"));
        assertEquals("50000.00", r.get("大型").get("poor_hire_reward"));
        assertEquals("3000.00", r.get("个体").get("poor_hire_reward"));
        assertEquals("10000.00", r.get("社会组织").get("poor_hire_reward"));
    }

    // ------------------------------------------------------------------ workshop_reward and 就高不就低

    @Test
    void workshopRewardNeedsAWorkshopEmployingFiftyOrMore() throws IOException {
        // 「带动……就业50人以上的扶贫车间」 (seed 002 @16259), amount set by the county: example 20000.
        // A workshop with exactly 50 → 20000.00; with 49 → 0.00; 60 employed but not a workshop → 0.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("五十人", "91", DONGXIANG).size("micro", "C1810").set("poverty_workshop", "true").set("poor_labourers_employed", "50"),
                firm("四十九人", "91", DONGXIANG).size("micro", "C1810").set("poverty_workshop", "true").set("poor_labourers_employed", "49"),
                firm("非车间", "91", DONGXIANG).size("micro", "C1810").set("poverty_workshop", "false")
                        .set("poor_labourers_employed", "60"));
        assertEquals("20000.00", r.get("五十人").get("workshop_reward"));
        assertEquals("0.00", r.get("四十九人").get("workshop_reward"));
        assertEquals("0.00", r.get("非车间").get("workshop_reward"));
    }

    @Test
    void payTheHigherWhenTheWorkshopRewardIsHigher() throws IOException {
        // 「按照就高不就低原则……不重复享受」 (seed 002 @16331). Poor-labourer reward 2 × 3000 + 1 × 5000 =
        // 11000 < workshop 20000 → workshop_reward 20000.00, poor_hire_reward 0.00; with a micro SME's
        // 3 local hires at 1 year (6000.00, not in the group) the total is 26000.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("服饰车间", "91", DONGXIANG).size("micro", "C1810").set("poverty_workshop", "true").set("poor_labourers_employed", "62")
                        .set("poor_hires_6m", "2").set("poor_hires_12m", "1").set("local_hires_12m", "3"));
        CSVRecord row = r.get("服饰车间");
        assertEquals("20000.00", row.get("workshop_reward"));
        assertEquals("0.00", row.get("poor_hire_reward"));
        assertEquals("6000.00", row.get("local_hire_reward"));
        assertEquals("26000.00", row.get("total"));
        assertTrue(row.get("notes").contains("就高不就低"), row.get("notes"));
    }

    @Test
    void payTheHigherWhenThePoorLabourerRewardIsHigher() throws IOException {
        // 6 poor labourers at 1 year: 6 × 5000 = 30000 > workshop 20000 → poor_hire_reward 30000.00,
        // workshop_reward 0.00, total 30000.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("皮毛车间", "91", LINXIA_CITY).size("small", "C1910").set("poverty_workshop", "true").set("poor_labourers_employed", "55").set("poor_hires_12m", "6"));
        CSVRecord row = r.get("皮毛车间");
        assertEquals("30000.00", row.get("poor_hire_reward"));
        assertEquals("0.00", row.get("workshop_reward"));
        assertEquals("30000.00", row.get("total"));
    }

    @Test
    void payTheHigherOnATiePaysOnceTheProgramListedFirst() throws IOException {
        // 4 × 5000 = 20000 = workshop 20000: paid once, as poor_hire_reward (listed first); total 20000.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("持平", "91", LINXIA_CITY).size("small", "C1910").set("poverty_workshop", "true").set("poor_labourers_employed", "50").set("poor_hires_12m", "4"));
        CSVRecord row = r.get("持平");
        assertEquals("20000.00", row.get("poor_hire_reward"));
        assertEquals("0.00", row.get("workshop_reward"));
        assertEquals("20000.00", row.get("total"));
    }

    // ------------------------------------------------------------------ onjob_training

    @Test
    void onJobTrainingThousandFromThreeMonthsTwoThousandFromSixMonthsEnterprisesOnly() throws IOException {
        // 「用工3个月以上不满6个月的,按1000元/人……用工6个月以上(含6个月)的,按2000元/人」 (seed 002 @20011).
        // Boundaries: one at exactly 3 months (3-to-6 band), one at exactly 6 months (6-month band, 含6个月),
        // one at 2 months (neither band) → 1000 + 2000 = 3000.00.
        // 4 and 6 → 4 × 1000 + 6 × 2000 = 16000.00; a large enterprise, 20 at 6 months → 40000.00 (any size);
        // an individual business → 0.00 (用工企业).
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("边界", "91", LINXIA_CITY).size("small", "C1353")
                        .set("trained_3to6m", "1").set("trained_6m", "1"),
                firm("食品", "91", LINXIA_CITY).size("small", "C1353")
                        .set("trained_3to6m", "4").set("trained_6m", "6"),
                firm("大型", "91", LINXIA_CITY).size("large", "E4812").set("trained_6m", "20"),
                firm("个体", "92", LINXIA_CITY).type("individual_business", "H6210").set("trained_6m", "2"));
        assertEquals("3000.00", r.get("边界").get("onjob_training"));
        assertEquals("16000.00", r.get("食品").get("onjob_training"));
        assertEquals("40000.00", r.get("大型").get("onjob_training"));
        assertEquals("0.00", r.get("个体").get("onjob_training"));
    }

    // ------------------------------------------------------------------ rent_waiver

    @Test
    void rentWaiverThreeMonthsOnStatePropertyForServiceSmallMicroAndIndividuals() throws IOException {
        // 「对承租国有房屋的服务业小微企业和个体工商户,免除上半年3个月租金」 (seed 002 @16764); no extended
        // region. Individual business, state_enterprise, 3200 → 9600.00; micro tourism, government, 4500,
        // 1 month already waived → 2 × 4500 = 9000.00; small retailer, public_institution (a university),
        // 5000 → 15000.00; small wholesaler, private landlord → 0.00; medium catering → 0.00 (小微 only);
        // small food factory (C, not a service) → 0.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("拉面馆", "92", LINXIA_CITY).type("individual_business", "H6210").lease("state_enterprise", "3200.00"),
                firm("旅游", "91", LINXIA_CITY).size("micro", "L7271").lease("government", "4500.00")
                        .set("rent_free_months_granted", "1"),
                firm("零售", "91", LINXIA_CITY).size("small", "F5211").lease("public_institution", "5000.00"),
                firm("商贸", "91", LINXIA_CITY).size("small", "F5190").lease("private", "6000.00"),
                firm("中型餐饮", "91", LINXIA_CITY).size("medium", "H6210").lease("state_enterprise", "15000.00"),
                firm("食品厂", "91", LINXIA_CITY).size("small", "C1353").lease("state_enterprise", "8000.00"));
        assertEquals("9600.00", r.get("拉面馆").get("rent_waiver"));
        assertEquals("3.00", r.get("拉面馆").get("rent_waiver_months"));
        assertEquals("9000.00", r.get("旅游").get("rent_waiver"));
        assertEquals("2.00", r.get("旅游").get("rent_waiver_months"));
        assertEquals("15000.00", r.get("零售").get("rent_waiver"));
        assertEquals("0.00", r.get("商贸").get("rent_waiver"));
        assertEquals("0.00", r.get("中型餐饮").get("rent_waiver"));
        assertEquals("0.00", r.get("食品厂").get("rent_waiver"));
    }

    @Test
    void rentWaiverProratesALeaseShorterThanThreeMonths() throws IOException {
        // Lease 2020-04-01..2020-05-20 ends before 2020-06-30: days = 30 + 20 = 50;
        // 1800 × 12 × 50 / 365 = 2958.904… → 2958.90; months = 50 × 12 / 365 = 1.643… → 1.64.
        // Lease 2020-04-01..2020-06-30 is exactly 3 months → 3 × 1800 = 5400.00.
        Map<String, CSVRecord> r = calc(AS_OF,
                firm("短租", "92", LINXIA_CITY).type("individual_business", "F5241").lease("public_institution", "1800.00")
                        .dates("2020-04-01", "2020-05-20"),
                firm("足月", "92", LINXIA_CITY).type("individual_business", "F5241").lease("public_institution", "1800.00")
                        .dates("2020-04-01", "2020-06-30"));
        assertEquals("2958.90", r.get("短租").get("rent_waiver"));
        assertEquals("1.64", r.get("短租").get("rent_waiver_months"));
        assertEquals("5400.00", r.get("足月").get("rent_waiver"));
    }

    // ------------------------------------------------------------------ the sample

    @Test
    void sampleFileIsComputedInFull() throws IOException {
        // samples/linxia-2020.csv: 12 rows, all computed. Control totals worked out row by row:
        // stable_job_refund 119660.00, local_hire_reward 27000.00, poor_hire_reward 114000.00,
        // workshop_reward 20000.00, onjob_training 70000.00, rent_waiver 21558.90, total 372218.90.
        Path out = tmp.resolve("sample");
        assertEquals(0, Main.run("calc", "--input", SAMPLE.toString(), "--policy", POLICY.toString(),
                "--as-of", AS_OF.toString(), "--out", out.toString()));
        List<CSVRecord> rows = rows(out.resolve("report.csv"));
        assertEquals(12, rows.size());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("stable_job_refund", "119660.00");
        expected.put("local_hire_reward", "27000.00");
        expected.put("poor_hire_reward", "114000.00");
        expected.put("workshop_reward", "20000.00");
        expected.put("onjob_training", "70000.00");
        expected.put("rent_waiver", "21558.90");
        expected.put("total", "372218.90");
        expected.forEach((column, amount) -> assertEquals(amount, sum(rows, column), column));
    }

    // ================================================================== helpers

    private Path writeCsv(List<Firm> firms) throws IOException {
        return Firms.writeCsv(tmp, COLUMNS, firms);
    }

    private Map<String, CSVRecord> calc(LocalDate asOf, Firm... firms) throws IOException {
        return Firms.calc(tmp, POLICY, asOf, COLUMNS, firms);
    }




    /** Every policy column is in the header (the programs in force require them), blank = 0 / false. */
}
