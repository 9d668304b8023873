package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.DefaultPolicy;
import subsidy.calc.Acceptance;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.entity.Entity;
import subsidy.text.Texts;

/**
 * The input side speaks the run's language: a rejection carries its reasons as catalogue texts, rendered
 * in English exactly as before and in Chinese with the columns named by their Chinese headers; an
 * unusable input says why in either language. The codes are the same in both.
 */
class ChineseInputTextsTest {
    private static final String HEADER = "统一社会信用代码,名称,主体类型,行政区划代码,行业代码,从业人员,租赁开始日期,严重失信";
    private static final String A = "91440300708461136T";

    @TempDir
    Path dir;

    private List<Rejection> rejected(String csv) throws Exception {
        Path f = dir.resolve("in.csv");
        Files.write(f, csv.getBytes(StandardCharsets.UTF_8));
        List<Rejection> rejected = new ArrayList<>();
        new InputFile(f, null).read(new SeenIds(), new RowSink() {
            @Override
            public void accepted(Entity e, String file, long line) {
            }

            @Override
            public void rejected(Rejection r) {
                rejected.add(r);
            }
        });
        return rejected;
    }

    @Test
    void badCellsAreNamedByTheirChineseHeaderWithTheValueAndWhy() throws Exception {
        List<Rejection> r = rejected(HEADER + "\n"
                + "91440300708461136X,,企业,530102,M74,3.5,2022-02-30,也许\n"
                + "9.15301E+17,乙,企业,5301,M74,-2,2022年3月,否\n");
        assertEquals(List.of(
                "统一社会信用代码“91440300708461136X”不是有效的统一社会信用代码：校验位为“X”，应为“T”",
                "名称为必填项，但为空",
                "从业人员“3.5”不是整数",
                "严重失信“也许”应填是或否（也可写true/false、yes/no、1/0）",
                "租赁开始日期“2022-02-30”不是有效的公历日期"), r.get(0).reasons(Texts.ZH));
        assertEquals(List.of("bad_credit_code", "missing_value", "not_a_number", "not_a_boolean", "bad_date"),
                r.get(0).codes());
        assertEquals(List.of(
                "统一社会信用代码“9.15301E+17”已被表格软件转成数字；请将该列按文本格式导出",
                "行政区划代码“5301”应为6位县级行政区划代码",
                "从业人员“-2”应为不小于0的整数",
                "租赁开始日期“2022年3月”不是日期（可写作2022-03-01、2022/3/1、2022.3.1或2022年3月1日）"),
                r.get(1).reasons(Texts.ZH));
    }

    @Test
    void aDuplicateAndARaggedRowSayWhyInChinese() throws Exception {
        List<Rejection> r = rejected(HEADER + "\n"
                + A + ",甲,企业,530102,M74,5,,\n"
                + A + ",乙,企业,530102,M74,5,,\n"
                + A + ",丙,企业\n");
        assertEquals(List.of("统一社会信用代码" + A + "与前面的行重复，只计算第一行"), r.get(0).reasons(Texts.ZH));
        assertEquals(List.of("duplicate_entity_id"), r.get(0).codes());
        // A row with reasons of its own whose code came earlier too: its reasons, then the duplicate.
        assertEquals(List.of("本行有3个单元格，表头有8个", "行政区划代码为必填项，但为空", "行业代码为必填项，但为空",
                "统一社会信用代码" + A + "与前面的行重复，只计算第一行"), r.get(1).reasons(Texts.ZH));
        assertEquals(List.of("cells_count_mismatch", "missing_value", "missing_value", "duplicate_entity_id"),
                r.get(1).codes());
    }

    @Test
    void theSameRejectionRendersInBothLanguagesEnglishAsBefore() throws Exception {
        Rejection r = rejected("entity_id,name,entity_type,region_code,industry_code,monthly_rent,lease_end\n"
                + A + ",\"甲\u001b[2J\",shop,530102,M74,4.2e3,9999-12-31\n").get(0);
        assertEquals(List.of(
                "entity_type: \"shop\" is not enterprise, individual_business or nonprofit",
                "monthly_rent: \"4.2e3\" is in exponent notation (a spreadsheet may have rounded it); write the plain amount",
                "lease_end: \"9999-12-31\" is not a plausible lease date (a year from 1949 to 2100);"
                        + " leave lease_end blank for a lease without an end date"), r.reasons());
        assertEquals(r.reasons(), r.reasons(Texts.EN));
        assertEquals(List.of(
                "主体类型“shop”不是企业、个体工商户或社会组织（也可写enterprise、individual_business、nonprofit）",
                "月租金“4.2e3”是科学计数法（表格软件可能已将其舍入）；请填写完整金额",
                "租赁结束日期“9999-12-31”不是合理的租赁日期（年份应在1949年至2100年之间）；租赁没有结束日期的，租赁结束日期请留空"),
                r.reasons(Texts.ZH));
        assertEquals(List.of("unknown_entity_type", "spreadsheet_mangled", "implausible_lease_date"), r.codes());
        assertEquals(List.of(A, "甲\u001b[2J", "shop", "530102", "M74", "4.2e3", "9999-12-31"), r.cells());
    }

    @Test
    void aControlCharacterFromTheInputStaysEscapedInChinese() throws Exception {
        Rejection r = rejected(HEADER + "\n" + A + ",甲,企业,530102,M74,\"1\u001b]0;x\u0007\",,\n").get(0);
        assertEquals(List.of("从业人员“1\\x1b]0;x\\x07”不是整数"), r.reasons(Texts.ZH));
        assertEquals(List.of("employees: \"1\\x1b]0;x\\x07\" is not a whole number"), r.reasons());
    }

    @Test
    void anEnterpriseThatCannotBeSizedIsRejectedInChinese() throws Exception {
        byte[] csv = ("entity_id,name,entity_type,region_code,industry_code,size_class,employees\n"
                + A + ",甲,enterprise,530102,C13,,\n").getBytes(StandardCharsets.UTF_8);
        List<Rejection> out = new ArrayList<>();
        new Acceptance(new Calculator(DefaultPolicy.POLICY)).read(
                InputFile.inMemory(Path.of("a.csv"), csv, DefaultPolicy.POLICY.schema()), new SeenIds(),
                new Acceptance.Outcome() {
                    @Override
                    public void computed(EntityResult result) {
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        out.add(rejection);
                    }
                });
        assertEquals(List.of("size_not_derivable"), out.get(0).codes());
        assertEquals(List.of("size_class: blank, and employees/revenue/total_assets are not enough to derive it for"
                + " industry C13 (工信部联企业〔2011〕300号)"), out.get(0).reasons());
        assertEquals(List.of("企业规模为空，且从业人员、营业收入、资产总额不足以按行业C13划分企业规模（工信部联企业〔2011〕300号）"),
                out.get(0).reasons(Texts.ZH));
    }

    @Test
    void anUnusableInputSaysWhyInChineseAndInEnglishAsBefore() throws Exception {
        Path missing = dir.resolve("无此文件.csv");
        InputException none = assertThrows(InputException.class, () -> new InputFile(missing, null).header());
        assertEquals(missing + ": no such file", none.getMessage());
        assertEquals(missing + "：文件不存在", none.message(Texts.ZH));
        assertEquals(none.getMessage(), none.message(Texts.EN));

        Path f = dir.resolve("in.csv");
        Files.write(f, "entity_id,name\n".getBytes(StandardCharsets.UTF_8));
        InputException lacks = assertThrows(InputException.class, () -> new InputFile(f, null).header());
        assertEquals(f + ": line 1 (header): the header lacks required column(s) entity_type (主体类型),"
                + " region_code (行政区划代码), industry_code (行业代码)", lacks.getMessage());
        assertEquals(f + "：第1行（表头）：表头缺少必需的列：主体类型（entity_type）、行政区划代码（region_code）、行业代码（industry_code）",
                lacks.message(Texts.ZH));

        Files.write(f, (HEADER + ",名称\n").getBytes(StandardCharsets.UTF_8));
        InputException twice = assertThrows(InputException.class, () -> new InputFile(f, null).header());
        assertEquals(f + "：第1行（表头）：列“名称”在表头中出现两次（第2列和第9列）", twice.message(Texts.ZH));

        Files.write(f, (HEADER + "\n" + A + ",\"甲,企业,530102,M74,5,,\n").getBytes(StandardCharsets.UTF_8));
        InputException open = assertThrows(InputException.class, () -> new InputFile(f, null).read(new SeenIds(),
                new RowSink() {
                    @Override
                    public void accepted(Entity e, String file, long line) {
                    }

                    @Override
                    public void rejected(Rejection r) {
                    }
                }));
        assertEquals(f + ": cannot be read as CSV: line 2: the quoted cell that opens on this line is never closed"
                + " (a \" is missing)", open.getMessage());
        assertEquals(f + "：无法按CSV格式读取：第2行：从本行开始的带引号单元格没有结束（缺少一个\"）", open.message(Texts.ZH));
    }

    @Test
    void aFileOperationsFailureAndAnOptionsDateSayWhyInChinese() {
        assertEquals("文件不存在", IoProblem.describe(new NoSuchFileException("/x/a.csv"), Texts.ZH));
        assertEquals("/x/a.csv：文件不存在", IoProblem.located(new NoSuchFileException("/x/a.csv"), Texts.ZH));
        assertEquals("“2022-02-30”不是有效的公历日期",
                assertThrows(IllegalArgumentException.class, () -> Dates.parse("2022-02-30", Texts.ZH)).getMessage());
        assertEquals("'2022-02-30' is not a calendar date",
                assertThrows(IllegalArgumentException.class, () -> Dates.parse("2022-02-30")).getMessage());
    }
}
