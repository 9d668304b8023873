package subsidy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import subsidy.DefaultPolicy;
import subsidy.TestEntity;
import subsidy.calc.Batch;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.calc.ResultSink;
import subsidy.calc.Totals;
import subsidy.entity.SizeClass;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.policy.Policy;
import subsidy.program.Program;
import subsidy.size.SizeSource;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * The tables in Chinese, for samples/firms.csv computed with the default policy: headers a clerk reads,
 * code words in Chinese, each program named by its title, amounts exactly as in English.
 */
class ChineseTablesTest {
    private static final Policy POLICY = DefaultPolicy.POLICY;
    private static final List<EntityResult> RESULTS = new ArrayList<>();
    private static final List<Rejection> REJECTED = new ArrayList<>();
    private static Totals totals;

    @BeforeAll
    static void computeFirms() throws Exception {
        totals = new Batch(new Calculator(POLICY), 1).run(List.of(new InputFile(Path.of("samples/firms.csv"), null)),
                new ResultSink<EntityResult>() {
                    @Override
                    public EntityResult render(EntityResult r) {
                        return r;
                    }

                    @Override
                    public void computed(EntityResult r, EntityResult same) {
                        RESULTS.add(r);
                    }

                    @Override
                    public void rejected(Rejection r) {
                        REJECTED.add(r);
                    }
                });
        assertEquals(47, RESULTS.size() + REJECTED.size());
    }

    private static List<String> titles() {
        return POLICY.programs().stream().map(Program::title).toList();
    }

    @Test
    void reportHeaderNamesEveryColumnInChineseAndEachProgramByItsTitle() {
        List<String> expected = new ArrayList<>(List.of("统一社会信用代码", "单位名称", "主体类型", "企业规模", "规模认定方式",
                "行政区划代码"));
        expected.addAll(titles());
        for (Program p : POLICY.programs()) {
            if (p.reportsMonths()) {
                expected.add(p.title() + "（月数）");
            }
        }
        expected.add("合计");
        expected.add("说明");
        List<String> header = new ReportTable(POLICY, Texts.ZH).header();
        assertEquals(expected, header);
        assertTrue(header.contains("失业保险稳岗返还"), header::toString);
        assertTrue(header.contains("国有房屋租金减免（月数）"), header::toString);
    }

    @Test
    void englishReportHeaderKeepsTheColumnIds() {
        List<String> header = new ReportTable(POLICY, Texts.EN).header();
        assertEquals(new ReportTable(POLICY).header(), header);
        assertEquals(List.of("entity_id", "name", "entity_type", "size_class", "size_source", "region_code",
                "stable_job_refund"), header.subList(0, 7));
        assertEquals(List.of("total", "notes"), header.subList(header.size() - 2, header.size()));
    }

    /** verify tells a report's language from its header. */
    @Test
    void aReportHeaderSaysItsLanguage() {
        assertEquals(Texts.ZH, ReportTable.languageOf(POLICY, new ReportTable(POLICY, Texts.ZH).header()));
        assertEquals(Texts.EN, ReportTable.languageOf(POLICY, new ReportTable(POLICY).header()));
        assertNull(ReportTable.languageOf(POLICY, List.of("entity_id", "name")));
    }

    @Test
    void chineseRowsCarryCodeWordsInChineseAndTheSameAmountsAsEnglish() {
        ReportTable en = new ReportTable(POLICY, Texts.EN);
        ReportTable zh = new ReportTable(POLICY, Texts.ZH);
        int amounts = en.header().size() - 6 - 1; // the amounts, months and total: between the codes and the notes
        for (EntityResult r : RESULTS) {
            List<String> e = en.row(r);
            List<String> z = zh.row(r);
            assertEquals(e.subList(0, 2), z.subList(0, 2), "id and name as they are");
            assertEquals(e.get(5), z.get(5), "the region code stays a code");
            assertEquals(e.subList(6, 6 + amounts), z.subList(6, 6 + amounts), "every amount as in English");
            assertTrue(List.of("企业", "个体工商户", "社会组织").contains(z.get(2)), z::toString);
            assertTrue(List.of("", "大型", "中型", "小型", "微型").contains(z.get(3)), z::toString);
            assertTrue(List.of("", "申报", "推算", "申报不符（按推算）").contains(z.get(4)), z::toString);
        }
        EntityResult small = RESULTS.stream().filter(r -> r.entity().entityId().equals("9153040225581193XN"))
                .findFirst().orElseThrow();
        assertEquals(List.of("9153040225581193XN", "红塔区某某数码科技有限公司", "企业", "小型", "申报", "530402"),
                zh.row(small).subList(0, 6));
        assertTrue(RESULTS.stream().anyMatch(r -> r.size().source() == SizeSource.DERIVED
                && zh.row(r).get(4).equals("推算")));
        assertTrue(RESULTS.stream().anyMatch(r -> zh.row(r).get(2).equals("个体工商户")));
    }

    /** A note names its program by its title, joined by 「；」, never by the program's id. */
    @Test
    void chineseNotesNameEachProgramByItsTitle() {
        ReportTable zh = new ReportTable(POLICY, Texts.ZH);
        int withNotes = 0;
        for (EntityResult r : RESULTS) {
            String notes = zh.row(r).get(zh.header().size() - 1);
            for (Program p : POLICY.programs()) {
                assertFalse(notes.contains(p.id() + ": "), notes);
            }
            if (r.programs().stream().anyMatch(p -> p.reason() != null)) {
                withNotes++;
                String first = r.programs().stream().filter(p -> p.reason() != null).findFirst().orElseThrow()
                        .programId();
                String title = POLICY.programs().stream().filter(p -> p.id().equals(first)).findFirst()
                        .orElseThrow().title();
                assertTrue(notes.contains(title + "："), notes);
            }
        }
        assertTrue(withNotes > 0);
        EntityResult nothing = DefaultPolicy.compute(TestEntity.enterprise(SizeClass.SMALL));
        String notes = zh.row(nothing).get(zh.header().size() - 1);
        assertTrue(notes.startsWith("失业保险稳岗返还："), notes);
        assertTrue(notes.contains("；一次性扩岗补助："), notes);
    }

    /** The bytes report.csv holds (the fast path) read back into the cells the list form gives. */
    @Test
    void chineseRowBytesReadBackIntoTheRowsCells() throws Exception {
        ReportTable zh = new ReportTable(POLICY, Texts.ZH);
        CsvLine line = new CsvLine();
        for (EntityResult r : RESULTS) {
            String text = new String(zh.render(r, line), StandardCharsets.UTF_8);
            try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180)) {
                assertEquals(zh.row(r).stream().map(SafeText::cell).toList(), p.getRecords().get(0).toList());
            }
        }
    }

    @Test
    void detailsInChineseNameColumnsAndProgramsAndSayYesOrNo() throws Exception {
        DetailsTable zh = new DetailsTable(POLICY, Texts.ZH);
        assertEquals(List.of("统一社会信用代码", "行号", "项目", "是否符合条件", "计算基数", "比例", "单位标准", "数量", "金额",
                "政策依据", "原因", "原因代码"), zh.header());
        assertEquals(DetailsTable.HEADER, new DetailsTable(POLICY).header());
        EntityResult paid = DefaultPolicy.compute(TestEntity.enterprise(SizeClass.SMALL).insurance(10, 0, "1000"));
        List<List<String>> rows = parse(new String(zh.render(paid, new CsvLine()), StandardCharsets.UTF_8));
        assertEquals(POLICY.programs().size(), rows.size());
        assertEquals(List.of("失业保险稳岗返还", "是"), rows.get(0).subList(2, 4));
        assertEquals("900.00", rows.get(0).get(8));
        assertEquals(titles(), rows.stream().map(r -> r.get(2)).toList());
        assertTrue(rows.stream().anyMatch(r -> r.get(3).equals("否")));
    }

    @Test
    void rejectedInChineseNamesItsOwnColumnsAndKeepsTheInputsHeader() {
        assertEquals(List.of("文件", "行号", "退回原因", "原因代码", "entity_id", "name"),
                new RejectedTable(List.of("entity_id", "name"), Texts.ZH).header());
        assertEquals(List.of("文件", "行号", "退回原因", "原因代码", "原始行"), new RejectedTable(null, Texts.ZH).header());
        assertEquals(List.of("file", "line", "reasons", "reason_codes", "original_row"), new RejectedTable(null).header());
    }

    @Test
    void sizeCheckInChineseNamesColumnsAndSizes() throws Exception {
        EntityResult mismatch = RESULTS.stream().filter(r -> r.size().source() == SizeSource.DECLARED_MISMATCH)
                .findFirst().orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SizeCheck check = new SizeCheck(bytes, Texts.ZH)) {
            check.write(check.render(mismatch, new CsvLine()));
        }
        List<List<String>> rows = parse(bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("统一社会信用代码", "单位名称", "行业代码", "划型标准行业", "申报规模", "推算规模", "从业人员",
                "营业收入", "资产总额", "判定过程"), rows.get(0));
        List<String> words = List.of("大型", "中型", "小型", "微型");
        assertTrue(words.contains(rows.get(1).get(4)) && words.contains(rows.get(1).get(5)), rows::toString);
        assertEquals(SizeCheck.HEADER, SizeCheck.header(Texts.EN));
    }

    @Test
    void summaryInChineseHasChineseHeaderAndATotalRow() throws Exception {
        StringWriter out = new StringWriter();
        Summary.writeCsv(POLICY, totals, out, Texts.ZH);
        List<List<String>> rows = parse(out.toString());
        assertEquals(List.of("项目代码", "项目名称", "享受单位数", "金额"), rows.get(0));
        assertEquals(List.of("stable_job_refund", "失业保险稳岗返还"), rows.get(1).subList(0, 2));
        List<String> total = rows.get(rows.size() - 1);
        assertEquals("合计", total.get(0));
        assertEquals(subsidy.money.Money.format(totals.total()), total.get(3));
    }

    @Test
    void summaryOnStandardErrorInChinese() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Summary.print(POLICY, totals, new PrintStream(bytes, true, StandardCharsets.UTF_8), Texts.ZH);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("subsidy: 读入 " + totals.read() + " 行，计算 " + totals.computed() + " 行，退回 " + totals.rejected()
                + " 行（政策 yunnan-2022-default）", lines.get(0));
        assertTrue(lines.get(1).startsWith("  失业保险稳岗返还 "), lines.get(1));
        assertTrue(lines.get(1).endsWith(" " + subsidy.money.Money.format(totals.amount(0)) + " 元"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith("  合计 "), lines.toString());
        // Aligned as in English: every program's line is as wide on a terminal, a Chinese character two columns.
        List<Integer> widths = lines.subList(1, lines.size()).stream().map(Summary::columns).distinct().toList();
        assertEquals(1, widths.size(), lines::toString);
    }

    @Test
    void englishSummaryOnStandardErrorIsAsBefore() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Summary.print(POLICY, totals, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        StringBuilder expected = new StringBuilder(String.format("subsidy: %d rows read, %d computed, %d rejected (policy %s)%n",
                totals.read(), totals.computed(), totals.rejected(), POLICY.id()));
        for (int i = 0; i < POLICY.programs().size(); i++) {
            expected.append(String.format("  %-22s %8d beneficiaries %16s%n", POLICY.programs().get(i).id(),
                    totals.beneficiaries(i), subsidy.money.Money.format(totals.amount(i))));
        }
        expected.append(String.format("  %-22s %8d beneficiaries %16s%n", "total", totals.entitiesPaid(),
                subsidy.money.Money.format(totals.total())));
        assertEquals(expected.toString(), bytes.toString(StandardCharsets.UTF_8));
    }

    /** The 公示名单 ready to post: title with the period, 序号 first, masked codes, programs by title, a total row. */
    @Test
    void noticeListInChineseIsReadyToPost() throws Exception {
        NoticeList notice = new NoticeList(POLICY, Texts.ZH, "2022-06");
        TestEntity paid = TestEntity.enterprise(SizeClass.SMALL).region("530502").insurance(10, 0, "1000");
        paid.name = "乙公司";
        TestEntity first = TestEntity.enterprise(SizeClass.SMALL).region("530102").insurance(10, 0, "2000");
        first.name = "甲公司";
        for (TestEntity t : List.of(paid, TestEntity.enterprise(SizeClass.SMALL), first)) {
            notice.add(DefaultPolicy.compute(t));
        }
        StringWriter out = new StringWriter();
        notice.write(out);
        List<String> lines = out.toString().lines().toList();
        assertEquals("《" + POLICY.title() + "》享受政策公示名单（2022年6月）", parse(lines.get(0)).get(0).get(0));
        assertEquals(List.of(
                "序号,行政区划代码,单位名称,统一社会信用代码,享受项目,失业保险稳岗返还,一次性扩岗补助,吸纳就业补贴,"
                        + "一次性留工培训补助,技能证书培训补贴,国有房屋租金减免,合计",
                "1,530102,甲公司,915301********0000,失业保险稳岗返还,1800.00,0.00,0.00,0.00,0.00,0.00,1800.00",
                "2,530502,乙公司,915301********0000,失业保险稳岗返还,900.00,0.00,0.00,0.00,0.00,0.00,900.00",
                "合计,,共2家,,,2700.00,0.00,0.00,0.00,0.00,0.00,2700.00"), lines.subList(1, lines.size()));
    }

    @Test
    void noticeListTitleWithoutAPeriodNamesThePolicyOnly() {
        assertEquals("《" + POLICY.title() + "》享受政策公示名单", new NoticeList(POLICY, Texts.ZH, null).title());
    }

    /** The notice list of the whole sample: every beneficiary numbered, the total row's sums those of summary. */
    @Test
    void noticeListOfTheSampleNumbersEveryBeneficiaryAndSumsToTheTotals() throws Exception {
        NoticeList notice = new NoticeList(POLICY, Texts.ZH, null);
        RESULTS.forEach(notice::add);
        List<List<String>> rows = notice.rows();
        List<String> last = rows.get(rows.size() - 1);
        assertEquals(totals.entitiesPaid() + 1, rows.size());
        assertEquals("共" + totals.entitiesPaid() + "家", last.get(2));
        assertEquals(subsidy.money.Money.format(totals.total()), last.get(last.size() - 1));
        for (int i = 0; i < rows.size() - 1; i++) {
            assertEquals(Integer.toString(i + 1), rows.get(i).get(0));
            assertTrue(rows.get(i).get(3).contains("*"), rows.get(i)::toString);
        }
    }

    @Test
    void manifestRecordsTheLanguage() throws Exception {
        for (Lang lang : Lang.values()) {
            StringWriter out = new StringWriter();
            Manifest.write(POLICY, totals, Map.of(), null, null, lang, out);
            assertEquals(lang.code(), new ObjectMapper().readTree(out.toString()).path("lang").asText());
        }
        StringWriter before = new StringWriter();
        Manifest.write(POLICY, totals, Map.of(), null, null, before);
        assertFalse(before.toString().contains("\"lang\""), "the manifest as before records no language");
    }

    private static List<List<String>> parse(String csv) throws Exception {
        try (CSVParser p = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return p.getRecords().stream().map(r -> r.toList()).toList();
        }
    }
}
