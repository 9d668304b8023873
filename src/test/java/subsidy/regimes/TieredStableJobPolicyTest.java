package subsidy.regimes;

import static subsidy.CommandLineRun.rows;
import static subsidy.CommandLineRun.run;

import subsidy.CommandLineRun.Result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import subsidy.program.Program;

/**
 * config/tiered-stable-job.yaml — seed 004 篇九's stable-job subsidy: 50% of last year's premiums at a
 * layoff rate ≤ 2%, 40% above 2% up to 3%, 30% above 3% up to 4% (含4%: exactly 4% is paid), nothing
 * above 4%; enterprises only; premiums paid in full required (ui_paid_in_full).
 * Layoff rate = layoffs / (layoffs + insured_employees). Amounts are computed through the CSV
 * pipeline and checked against figures worked out by hand.
 */
class TieredStableJobPolicyTest {
    private static final Path POLICY = Path.of("config/tiered-stable-job.yaml");
    private static final Path SAMPLE = Path.of("samples/tiered-stable-job.csv");
    private static final Path SHARED = Path.of("../shared");
    private static final String PROGRAM = "stable_job_subsidy";
    private static final String HEADER = "entity_id,name,entity_type,region_code,industry_code,size_class,"
            + "insured_employees,layoffs,ui_paid_last_year,ui_paid_in_full";
    /** A valid unified social credit code (GB 32100-2015 check character verified). */
    private static final String ID = "91620103MAKJXAL36U";

    @TempDir
    Path tmp;

    /** Runs calc on the given CSV file; returns the report rows by entity_id. */
    private Map<String, CSVRecord> calc(Path input) throws IOException {
        Path out = tmp.resolve("out-" + System.nanoTime());
        Result r = run("calc", "--input", input.toString(), "--policy", POLICY.toString(),
                "--as-of", "2022-06-30", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, CSVRecord> byId = new LinkedHashMap<>();
        for (CSVRecord x : rows(out.resolve("report.csv"))) {
            byId.put(x.get("entity_id"), x);
        }
        return byId;
    }

    /** One enterprise of the given size; returns its stable_job_subsidy amount as written in report.csv. */
    private String amount(String type, String size, long insured, long layoffs, String uiPaid, String paidInFull)
            throws IOException {
        Path csv = tmp.resolve("in-" + System.nanoTime() + ".csv");
        String industry = type.equals("enterprise") ? "C34" : "H62";
        Files.writeString(csv, HEADER + "\n" + String.join(",", ID, "兰州某某机械制造有限公司", type, "620103", industry,
                size, Long.toString(insured), Long.toString(layoffs), uiPaid, paidInFull) + "\n",
                StandardCharsets.UTF_8);
        return calc(csv).get(ID).get(PROGRAM);
    }

    private String enterprise(long insured, long layoffs, String uiPaid) throws IOException {
        return amount("enterprise", "medium", insured, layoffs, uiPaid, "true");
    }

    // ---------------------------------------------------------------- tiers

    @Test
    void noLayoffsIsPaidFiftyPercentRoundedHalfUp() throws IOException {
        // 0 / (0 + 310) = 0% → 50%: 0.50 × 412035.55 = 206017.775 → 206017.78
        assertEquals("206017.78", enterprise(310, 0, "412035.55"));
    }

    @Test
    void layoffRateOfExactlyTwoPercentIsPaidFiftyPercent() throws IOException {
        // 2 / (2 + 98) = 2% exactly, 「低于2%(含2%)」 → 50%: 0.50 × 10000.00 = 5000.00
        assertEquals("5000.00", enterprise(98, 2, "10000.00"));
    }

    @Test
    void layoffRateJustAboveTwoPercentIsPaidFortyPercent() throws IOException {
        // 1 / (1 + 48) = 2.04% → 40%: 0.40 × 10000.00 = 4000.00
        assertEquals("4000.00", enterprise(48, 1, "10000.00"));
    }

    @Test
    void layoffRateOfExactlyThreePercentIsPaidFortyPercent() throws IOException {
        // 3 / (3 + 97) = 3% exactly, 「2%至3%(含3%)」 → 40%: 0.40 × 10000.00 = 4000.00
        assertEquals("4000.00", enterprise(97, 3, "10000.00"));
    }

    @Test
    void layoffRateJustAboveThreePercentIsPaidThirtyPercent() throws IOException {
        // 4 / (4 + 125) = 3.10% → 30%: 0.30 × 10000.00 = 3000.00
        assertEquals("3000.00", enterprise(125, 4, "10000.00"));
    }

    @Test
    void layoffRateOfExactlyFourPercentIsPaidThirtyPercentUnderTheInclusiveReading() throws IOException {
        // 4 / (4 + 96) = 4% exactly; the file follows 「3%至4%(含4%)」 (not the 「低于…(4%)」 of
        // condition 2) → 30%: 0.30 × 10000.00 = 3000.00
        assertEquals("3000.00", enterprise(96, 4, "10000.00"));
        // the same with a large firm's figures: 60 / (60 + 1440) = 4% → 0.30 × 1352800.00 = 405840.00
        assertEquals("405840.00", amount("enterprise", "large", 1440, 60, "1352800.00", "true"));
    }

    @Test
    void layoffRateJustAboveFourPercentIsPaidNothing() throws IOException {
        // 5 / (5 + 119) = 4.03% > 4%, 「高于4%的,不给予稳岗补贴」 → 0.00
        assertEquals("0.00", enterprise(119, 5, "10000.00"));
        // 401 / (401 + 9599) = 4.01% → 0.00
        assertEquals("0.00", enterprise(9599, 401, "10000.00"));
    }

    // ---------------------------------------------------------------- who

    @Test
    void premiumsNotPaidInFullIsPaidNothing() throws IOException {
        // 0 layoffs would give 50% × 18900.00 = 9450.00, but ui_paid_in_full is false → 0.00
        assertEquals("0.00", amount("enterprise", "small", 30, 0, "18900.00", "false"));
        assertEquals("9450.00", amount("enterprise", "small", 30, 0, "18900.00", "true"));
        // 是/否 are booleans too
        assertEquals("0.00", amount("enterprise", "small", 30, 0, "18900.00", "否"));
    }

    @Test
    void onlyEnterprisesAreCoveredAsTheSeedSaysEveryKindOfEnterprise() throws IOException {
        // 「各類企業(yè)均可申請」: an individual business with 0 layoffs and 4320.00 paid → 0.00
        assertEquals("0.00", amount("individual_business", "", 6, 0, "4320.00", "true"));
        assertEquals("0.00", amount("nonprofit", "", 6, 0, "4320.00", "true"));
    }

    @Test
    void noPremiumsPaidLastYearIsPaidNothing() throws IOException {
        // 0 layoffs but ui_paid_last_year 0.00 → 0.00
        assertEquals("0.00", enterprise(26, 0, "0.00"));
    }

    @Test
    void theChineseHeaderOfUiPaidInFullIsAccepted() throws IOException {
        Path csv = tmp.resolve("chinese.csv");
        Files.writeString(csv, "统一社会信用代码,名称,主体类型,行政区划代码,行业代码,企业规模,参保职工人数,上年度裁员人数,"
                + "上年度实际缴纳失业保险费,足额缴纳失业保险费\n"
                + ID + ",兰州某某机械制造有限公司,企业,620103,C34,中型,98,2,128437.50,是\n", StandardCharsets.UTF_8);
        // 2 / (2 + 98) = 2% → 50%: 0.50 × 128437.50 = 64218.75
        assertEquals("64218.75", calc(csv).get(ID).get(PROGRAM));
    }

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

    // ---------------------------------------------------------------- sample

    @Test
    void sampleFileGivesTheHandWorkedAmountOfEveryRow() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("91620102MACNEUCA6W", "15780.00");  // 0/(0+45) = 0%        → 0.50 × 31560.00
        expected.put("91620103MAKJXAL36U", "64218.75");  // 2/(2+98) = 2%        → 0.50 × 128437.50
        expected.put("91620104MAR3L9TN0Y", "24086.14");  // 1/(1+48) = 2.04%     → 0.40 × 60215.35 = 24086.140
        expected.put("91620105MAHNG957X1", "34600.00");  // 3/(3+97) = 3%        → 0.40 × 86500.00
        expected.put("91620111MAXX5L0606", "52926.24");  // 7/(7+193) = 3.5%     → 0.30 × 176420.80 = 52926.240
        expected.put("91620402MAB2K4NU0T", "405840.00"); // 60/(60+1440) = 4%    → 0.30 × 1352800.00
        expected.put("91620502MAR164FW8H", "0.00");      // 5/(5+119) = 4.03%    → above 4%, nothing
        expected.put("91620702MAEHAG225Q", "0.00");      // ui_paid_in_full false
        expected.put("92620102MAHYEF0R75", "0.00");      // individual business: not an enterprise
        expected.put("91621102MA3J7PKL53", "0.00");      // no premiums paid
        expected.put("91620302MAPT3J226E", "206017.78"); // 4/(4+310) = 1.27%    → 0.50 × 412035.55 = 206017.775
        Map<String, CSVRecord> report = calc(SAMPLE);
        assertEquals(expected.keySet(), report.keySet(), "every sample row computed");
        expected.forEach((id, amount) -> assertEquals(amount, report.get(id).get(PROGRAM), id));
        // 15780 + 64218.75 + 24086.14 + 34600 + 52926.24 + 405840 + 206017.78 = 803468.91
        assertEquals("803468.91", report.values().stream().map(x -> new java.math.BigDecimal(x.get("total")))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).toPlainString());
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

    @Test
    void everyCitedPassageIsAtItsOffsetInTheSeed() throws Exception {
        assumeTrue(Files.isDirectory(SHARED.resolve("seeds")), "../shared/seeds is not beside this checkout");
        // as the loader reads them
        Policy policy = PolicyLoader.load(POLICY, Resolution.on(LocalDate.of(2022, 6, 30)));
        List<Clause> clauses = new ArrayList<>();
        policy.programs().forEach(p -> clauses.addAll(p.clauses()));
        assertFalse(clauses.isEmpty());
        for (Clause c : clauses) {
            String text = Files.readString(SHARED.resolve(policy.sources().get(c.seed()).file()));
            String at = text.substring(c.at(), Math.min(text.length(), c.at() + c.words().length()));
            assertEquals(c.words(), at, c.label());
        }
        // and every {seed, at, words} anywhere in the file, firm_size included
        assertEquals(6, checkEveryCitation(POLICY), "citations checked");
    }

    /** Checks each {seed, at, words} in a policy file against its seed text; returns how many. */
    static int checkEveryCitation(Path policyFile) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(policyFile.toFile());
        List<JsonNode> cites = new ArrayList<>();
        collect(root, cites);
        for (JsonNode c : cites) {
            String file = root.get("sources").get(c.get("seed").asText()).get("file").asText();
            String text = Files.readString(SHARED.resolve(file), StandardCharsets.UTF_8);
            String words = c.get("words").asText();
            int at = c.get("at").asInt();
            assertEquals(words, text.substring(at, Math.min(text.length(), at + words.length())),
                    c.get("seed").asText() + " @" + at + " (found at " + text.indexOf(words) + ")");
        }
        return cites.size();
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isObject() && n.has("seed") && n.has("at") && n.has("words")) {
            out.add(n);
        }
        n.elements().forEachRemaining(c -> collect(c, out));
    }
}
