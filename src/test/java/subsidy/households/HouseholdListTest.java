package subsidy.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;
import subsidy.entity.ResidentId;

/**
 * Household lists (issue 20) under the tests' household policy (src/test/resources/households/policy.yaml):
 * 两节临时救济 800 yuan a household that is 低保, 五保 or 重点优抚 (seed 000 @37318), and 1500 yuan a
 * vocational student of a 低保 household (seed 000 @38293). Every amount below is worked from those two.
 */
class HouseholdListTest {
    static final Path POLICY = Path.of("src/test/resources/households/policy.yaml");
    static final String HEADER = "户编号,户主公民身份号码,户主姓名,行政区划代码,城乡类别,低保户,五保户,重点优抚对象,中职在读人数";

    @TempDir
    Path tmp;

    /** A valid identity number born on {@code birth} (YYYYMMDD) with sequence {@code seq}, in region 530102. */
    static String id(String birth, String seq) {
        String first = "530102" + birth + seq;
        return first + ResidentId.checkCharacter(first);
    }

    static final String ZHANG = id("19600101", "123");
    static final String LI = id("19751212", "456");
    static final String WANG = id("19800505", "789");
    static final String ZHAO = id("19550808", "135");

    private Path list(Charset charset, String... rows) throws Exception {
        Path f = tmp.resolve("households.csv");
        Files.write(f, (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(charset));
        return f;
    }

    private Result calc(Path input, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("calc", "--policy", POLICY.toString(), "--input",
                input.toString(), "--as-of", "2022-01-31", "--out", tmp.resolve("out").toString(), "--force"));
        args.addAll(List.of(more));
        return CommandLineRun.run(args.toArray(String[]::new));
    }

    private Map<String, CSVRecord> report() throws Exception {
        return CommandLineRun.rows(tmp.resolve("out/report.csv")).stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r));
    }

    @Test
    void aMinimumLivingHouseholdIsPaidTheFestivalReliefAndEachVocationalStudent() throws Exception {
        Path in = list(StandardCharsets.UTF_8,
                "H001," + ZHANG + ",张三,530102,城镇,是,否,否,2",
                "H002," + LI + ",李四,530102,农村,否,是,否,1",
                "H003," + WANG + ",王五,530102,农村,否,否,否,0",
                "H004," + ZHAO + ",赵六,530102,农村,否,否,是,0");
        Result r = calc(in);
        assertEquals(0, r.exit(), r.err());
        Map<String, CSVRecord> rows = report();
        assertEquals("800.00", rows.get("H001").get("festival_relief"), "低保: 每户按800元");
        assertEquals("3000.00", rows.get("H001").get("vocational_grant"), "2 students × 1500");
        assertEquals("3800.00", rows.get("H001").get("total"));
        assertEquals("800.00", rows.get("H002").get("festival_relief"), "五保: 每户按800元");
        assertEquals("0.00", rows.get("H002").get("vocational_grant"), "低保家庭的学生 only");
        assertEquals("0.00", rows.get("H003").get("total"));
        assertEquals("800.00", rows.get("H004").get("festival_relief"), "重点优抚对象: 每户按800元");
        assertEquals(List.of("household_id", "head_id_number", "head_name", "region_code", "festival_relief",
                "vocational_grant", "total", "notes"), CommandLineRun.header(tmp.resolve("out/report.csv")));
        assertEquals(ZHANG, rows.get("H001").get("head_id_number"), "the report holds the number in full");
        assertFalse(Files.exists(tmp.resolve("out/size_check.csv")), "households are not sized");
        assertTrue(Files.readString(tmp.resolve("out/manifest.json")).contains("\"subject\" : \"households\""),
                "the manifest says whom the policy pays");
        assertTrue(r.err().contains("festival_relief               3 households          2400.00"), r.err());
    }

    @Test
    void aGbkListWithChineseValuesReadsAsItsUtf8Twin() throws Exception {
        Path in = list(Charset.forName("GBK"), "H001," + ZHANG.toLowerCase() + ",张三,530102,城镇,是,否,否,1");
        Result r = calc(in);
        assertEquals(0, r.exit(), r.err());
        assertEquals("2300.00", report().get("H001").get("total"), "800 + 1 × 1500");
    }

    @Test
    void duplicatesByHouseholdAndByHeadAreRejectedWithTheNumberMasked() throws Exception {
        Path in = list(StandardCharsets.UTF_8,
                "H001," + ZHANG + ",张三,530102,城镇,是,否,否,0",
                "H001," + LI + ",李四,530102,城镇,是,否,否,0",
                "H002," + ZHANG + ",张三,530102,城镇,是,否,否,0");
        Result r = calc(in);
        assertEquals(1, r.exit(), r.err());
        List<CSVRecord> rejected = CommandLineRun.rows(tmp.resolve("out/rejected.csv"));
        assertEquals(2, rejected.size());
        assertEquals("duplicate_entity_id", rejected.get(0).get("reason_codes"));
        assertEquals("household_id H001 appears on an earlier row; only the first is computed",
                rejected.get(0).get("reasons"));
        assertEquals("duplicate_head_id", rejected.get(1).get("reason_codes"));
        assertEquals("the head 530102********1234".replace("1234", ZHANG.substring(14))
                + " is the head of a household on an earlier row; only the first is computed",
                rejected.get(1).get("reasons"));
        assertEquals(1, report().size());
    }

    @Test
    void aHouseholdListedTwiceIsOneDuplicateNotAlsoADuplicateHead() throws Exception {
        Path in = list(StandardCharsets.UTF_8,
                "H001," + ZHANG + ",张三,530102,城镇,是,否,否,0",
                "H001," + ZHANG + ",张三,530102,城镇,是,否,否,0");
        Result r = calc(in);
        assertEquals(1, r.exit(), r.err());
        List<CSVRecord> rejected = CommandLineRun.rows(tmp.resolve("out/rejected.csv"));
        assertEquals(List.of("duplicate_entity_id"), rejected.stream().map(x -> x.get("reason_codes")).toList(),
                "the same household again: its head is not another household's");
    }

    @Test
    void aBadIdentityNumberIsRejectedWithoutQuotingItAndEveryOtherReasonToo() throws Exception {
        String wrongCheck = ZHANG.substring(0, 17) + (ZHANG.charAt(17) == '0' ? '1' : '0');
        Path in = list(StandardCharsets.UTF_8,
                "H001," + wrongCheck + ",张三,530102,城镇,是,否,否,x",
                "H002,9.15301E+17,,530102,城镇,是,否,否,0",
                "H 3," + LI + ",李四,5301,城镇,是,否,否,0");
        Result r = calc(in);
        assertEquals(1, r.exit(), r.err());
        List<CSVRecord> rejected = CommandLineRun.rows(tmp.resolve("out/rejected.csv"));
        assertEquals(List.of("bad_id_number\nnot_a_number", "spreadsheet_mangled\nmissing_value",
                "bad_household_id\nbad_region_code"), rejected.stream().map(x -> x.get("reason_codes")).toList());
        String reasons = rejected.get(0).get("reasons");
        assertTrue(reasons.startsWith("head_id_number: \"530102********" + wrongCheck.substring(14)
                + "\" is not a resident identity number: check character is"), reasons);
        assertFalse(reasons.contains("19600101"), "the birth date is hidden");
        assertFalse(r.err().contains("19600101") || r.out().contains("19600101"));
    }

    @Test
    void noReasonQuotesAnIdentityNumberWhateverIsWrongWithTheCell() throws Exception {
        // a NUL in the head's cell, a replacement character, a cell over 1000 characters; an identity
        // number in a count column and in the household id; a head_name holding a number
        Path in = list(StandardCharsets.UTF_8,
                "H001," + ZHANG + "\0,张三,530102,城镇,是,否,否,0",
                "H002," + LI + "\uFFFD,李四,530102,城镇,是,否,否,0",
                "H003," + WANG + "9".repeat(1000) + ",王五,530102,城镇,是,否,否,0",
                "H004," + ZHAO + ",赵六,530102,城镇,是,否,否," + LI,
                ZHANG + "," + WANG + ",钱七,530102,城镇,是,否,否,0",
                "H006," + ZHAO.replace("55", "56") + "," + LI + ",530102,城镇,是,否,否,0");
        Result r = calc(in);
        assertEquals(1, r.exit(), r.err());
        String rejected = String.join("\n", CommandLineRun.rows(tmp.resolve("out/rejected.csv")).stream()
                .map(x -> x.get("reasons") + " " + x.get("reason_codes")).toList());
        for (String person : List.of(ZHANG, LI, WANG, ZHAO)) {
            assertFalse(rejected.contains(person), person + " in\n" + rejected);
            assertFalse(r.err().contains(person), person + " on standard error");
        }
        assertTrue(rejected.contains("identity_number_misplaced"), rejected);
        assertTrue(rejected.contains("household_id is a resident identity number"), rejected);
        assertTrue(rejected.contains("head_name holds what may be a resident identity number"), rejected);
    }

    @Test
    void impossibleNumbersAreRefusedBirthYearAndProvince() throws Exception {
        String born1800 = "53010218000101123";
        String province00 = "00010219600101123";
        Path in = list(StandardCharsets.UTF_8,
                "H001," + born1800 + ResidentId.checkCharacter(born1800) + ",张三,530102,城镇,是,否,否,0",
                "H002," + province00 + ResidentId.checkCharacter(province00) + ",李四,530102,城镇,是,否,否,0");
        Result r = calc(in);
        List<CSVRecord> rejected = CommandLineRun.rows(tmp.resolve("out/rejected.csv"));
        assertEquals(List.of("bad_id_number", "bad_id_number"), rejected.stream().map(x -> x.get("reason_codes")).toList());
        assertTrue(rejected.get(0).get("reasons").endsWith("characters 7 to 14 are not a birth date (a real date"
                + " from 1875 to 2099)"), rejected.get(0).get("reasons"));
        assertTrue(rejected.get(1).get("reasons").endsWith("characters 1 and 2, 00, are no province's code"),
                rejected.get(1).get("reasons"));
    }

    @Test
    void aHouseholdCannotCountMoreStudentsThanMembers() throws Exception {
        Path f = tmp.resolve("members.csv");
        Files.writeString(f, HEADER + ",家庭人口数\nH001," + ZHANG + ",张三,530102,城镇,是,否,否,3,2\n"
                + "H002," + LI + ",李四,530102,城镇,是,否,否,2,2\n" + "H003," + WANG + ",王五,530102,城镇,是,否,否,1,\n");
        Result r = calc(f);
        assertEquals(1, r.exit(), r.err());
        List<CSVRecord> rejected = CommandLineRun.rows(tmp.resolve("out/rejected.csv"));
        assertEquals(1, rejected.size());
        assertEquals("more_than_members", rejected.get(0).get("reason_codes"));
        assertEquals("students_vocational counts 3, more than members, 2", rejected.get(0).get("reasons"));
        assertEquals("3800.00", report().get("H002").get("total"), "as many students as members: 800 + 2 × 1500");
        assertEquals("2300.00", report().get("H003").get("total"), "members blank: not checked");
    }

    @Test
    void aHeaderWithFullWidthBracketsNamesTheColumnAsWithPlainOnes() throws Exception {
        Path sample = Path.of("samples/district-households.csv");
        String text = Files.readString(sample, StandardCharsets.UTF_8);
        assertTrue(text.contains("所属街道(乡)"));
        Path f = tmp.resolve("full-width.csv");
        Files.writeString(f, text.replace("所属街道(乡)", "所属街道（乡）"), StandardCharsets.UTF_8);
        Result r = CommandLineRun.run("calc", "--policy", "config/district-households.yaml", "--input", f.toString(),
                "--as-of", "2008-12-31", "--out", tmp.resolve("fw").toString());
        Result plain = CommandLineRun.run("calc", "--policy", "config/district-households.yaml", "--input",
                sample.toString(), "--as-of", "2008-12-31", "--out", tmp.resolve("plain").toString());
        assertEquals(plain.exit(), r.exit(), r.err());
        assertEquals(Files.readString(tmp.resolve("plain/report.csv")), Files.readString(tmp.resolve("fw/report.csv")));
    }

    @Test
    void anExcelMangledHouseholdIdAndAnUnknownResidenceWordAreNamed() throws Exception {
        Path g = list(StandardCharsets.UTF_8, "2.10114E+12," + ZHANG + ",张三,530102,郊区,是,否,否,0");
        calc(g);
        CSVRecord rejected = CommandLineRun.rows(tmp.resolve("out/rejected.csv")).get(0);
        assertEquals("spreadsheet_mangled\nunknown_code", rejected.get("reason_codes"));
        assertTrue(rejected.get("reasons").contains("urban, rural, 城镇, 城市, 农村, 乡村"), rejected.get("reasons"));
    }

    @Test
    void aListWithoutTheHouseholdColumnsIsRefusedNamingThem() throws Exception {
        Path in = tmp.resolve("firms.csv");
        Files.writeString(in, "entity_id,name,entity_type,region_code,industry_code\n");
        Result r = calc(in);
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("household_id (户编号)"), r.err());
        assertTrue(r.err().contains("head_id_number (户主公民身份号码)"), r.err());
    }

    @Test
    void theNoticeListPostsTheHeadWithTheBirthDateHidden() throws Exception {
        Path in = list(StandardCharsets.UTF_8, "H001," + ZHANG + ",张三,530102,城镇,是,否,否,0",
                "H003," + WANG + ",王五,530102,农村,否,否,否,0");
        Path notice = tmp.resolve("公示名单.csv");
        Result r = CommandLineRun.run("--lang", "zh", "calc", "--policy", POLICY.toString(), "--input", in.toString(),
                "--as-of", "2022-01-31", "--period", "2022-01", "--out", tmp.resolve("out").toString(), "--notice",
                notice.toString());
        assertEquals(0, r.exit(), r.err());
        String text = Files.readString(notice, StandardCharsets.UTF_8);
        assertTrue(text.contains("序号,行政区划代码,户主姓名,户主公民身份号码,享受项目,两节临时救济,中职学生资助,合计"), text);
        assertTrue(text.contains("1,530102,张三,530102********" + ZHANG.substring(14) + ",两节临时救济,800.00,0.00,800.00"),
                text);
        assertTrue(text.contains("合计,,共1户,"), text);
        assertTrue(Files.readString(tmp.resolve("out/summary.csv")).contains("项目代码,项目名称,享受户数,金额"),
                "summary.csv counts households");
        assertFalse(text.contains(ZHANG), "never the whole number");
        assertFalse(text.contains("王五"), "only those paid are posted");
        assertTrue(r.err().contains("户"), r.err());
    }

    @Test
    void aChineseNoteNamesResidenceByItsWord() throws Exception {
        Path in = list(StandardCharsets.UTF_8, "H001," + ZHANG + ",张三,530102,农村,否,否,否,0");
        Path policy = tmp.resolve("urban.yaml");
        Files.writeString(policy, Files.readString(POLICY).replace("      flags_true: [minimum_living]\n",
                "      codes: {residence: [urban]}\n"));
        Result r = CommandLineRun.run("--lang", "zh", "calc", "--policy", policy.toString(), "--input", in.toString(),
                "--as-of", "2022-01-31", "--out", tmp.resolve("out").toString());
        assertEquals(0, r.exit(), r.err());
        String notes = CommandLineRun.rows(tmp.resolve("out/report.csv")).get(0).get("说明");
        assertTrue(notes.contains("城乡类别农村，不属于城镇"), notes);
    }

    @Test
    void explainShowsTheHouseholdsColumnsAndMasksTheHead() throws Exception {
        Path in = list(StandardCharsets.UTF_8, "H001," + ZHANG + ",张三,530102,城镇,是,否,否,1");
        Result r = CommandLineRun.run("explain", "--policy", POLICY.toString(), "--input", in.toString(), "--as-of",
                "2022-01-31", "--id", "h001");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("household H001 张三 — "), r.out());
        assertTrue(r.out().contains("head_id_number        530102********" + ZHANG.substring(14)), r.out());
        assertFalse(r.out().contains(ZHANG), "stdout never has the number");
        assertFalse(r.out().contains("industry_code"), "no firm columns");
        assertFalse(r.out().contains("size class"), "households are not sized");
        assertTrue(r.out().contains("amount = 1500 × 1 students_vocational = 1500.00"), r.out());
        assertTrue(r.out().contains("total = 800.00 + 1500.00 = 2300.00"), r.out());
        Result none = CommandLineRun.run("explain", "--policy", POLICY.toString(), "--input", in.toString(), "--as-of",
                "2022-01-31", "--id", "H999");
        assertEquals(2, none.exit(), none.err());
        assertTrue(none.err().contains("has household_id H999"), none.err());
    }

    @Test
    void verifyRecomputesAHouseholdReportAndFindsAnEditedAmount() throws Exception {
        Path in = list(StandardCharsets.UTF_8, "H001," + ZHANG + ",张三,530102,城镇,是,否,否,1",
                "H002," + LI + ",李四,530102,农村,否,是,否,0");
        assertEquals(0, calc(in).exit());
        Path report = tmp.resolve("out/report.csv");
        Result clean = CommandLineRun.run("verify", "--policy", POLICY.toString(), "--input", in.toString(),
                "--report", report.toString());
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        Files.writeString(report, Files.readString(report).replace("H002," + LI + ",李四,530102,800.00",
                "H002," + LI + ",李四,530102,900.00"));
        Result edited = CommandLineRun.run("verify", "--policy", POLICY.toString(), "--input", in.toString(),
                "--report", report.toString());
        assertEquals(4, edited.exit(), edited.out() + edited.err());
        assertTrue(edited.out().startsWith("household_id,column,reported,recomputed"), edited.out());
        assertTrue(edited.out().contains("H002,festival_relief,900.00,800.00"), edited.out());
    }

    @Test
    void aReportOnStandardOutputMasksTheHeadAndVerifyTakesIt() throws Exception {
        Path in = list(StandardCharsets.UTF_8, "H001," + ZHANG + ",张三,530102,城镇,是,否,否,1");
        Result r = CommandLineRun.run("calc", "--policy", POLICY.toString(), "--input", in.toString(), "--as-of",
                "2022-01-31");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains(ZHANG), "a terminal never shows the whole number: " + r.out());
        assertTrue(r.out().contains("H001,530102********" + ZHANG.substring(14) + ",张三,530102,800.00,1500.00,2300.00"),
                r.out());
        Path report = tmp.resolve("report.csv");
        Files.writeString(report, r.out());
        Result verified = CommandLineRun.run("verify", "--policy", POLICY.toString(), "--input", in.toString(),
                "--as-of", "2022-01-31", "--report", report.toString());
        assertEquals(0, verified.exit(), verified.out() + verified.err());
        Files.writeString(report, r.out().replace("530102********", "530103********"));
        Result wrong = CommandLineRun.run("verify", "--policy", POLICY.toString(), "--input", in.toString(),
                "--as-of", "2022-01-31", "--report", report.toString());
        assertEquals(4, wrong.exit(), wrong.out() + wrong.err());
        assertTrue(wrong.out().contains("H001,head_id_number,530103********" + ZHANG.substring(14) + ",530102********"
                + ZHANG.substring(14)), "both masked on standard output: " + wrong.out());
        assertFalse(wrong.out().contains(ZHANG));
    }

    @Test
    void theLedgerPaysTheFestivalReliefOnceAYearPerHousehold() throws Exception {
        Path in = list(StandardCharsets.UTF_8, "H001," + ZHANG + ",张三,530102,城镇,是,否,否,0");
        Path ledger = tmp.resolve("ledger.db");
        Result jan = CommandLineRun.run("calc", "--policy", POLICY.toString(), "--input", in.toString(), "--ledger",
                ledger.toString(), "--period", "2022-01", "--out", tmp.resolve("01").toString());
        assertEquals(0, jan.exit(), jan.err());
        Result feb = CommandLineRun.run("calc", "--policy", POLICY.toString(), "--input", in.toString(), "--ledger",
                ledger.toString(), "--period", "2022-02", "--out", tmp.resolve("02").toString());
        assertEquals(0, feb.exit(), feb.err());
        CSVRecord row = CommandLineRun.rows(tmp.resolve("02/report.csv")).get(0);
        assertEquals("0.00", row.get("festival_relief"), "once a year: January paid it");
        assertTrue(row.get("notes").contains("2022-01 (batch 1)"), row.get("notes"));
        Result history = CommandLineRun.run("ledger", "history", "H001", "--ledger", ledger.toString());
        assertEquals(0, history.exit(), history.err());
        assertTrue(history.out().contains("festival_relief"), history.out());
    }
}
