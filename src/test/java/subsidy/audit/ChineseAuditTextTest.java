package subsidy.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.DefaultPolicy;
import subsidy.calc.Calculator;
import subsidy.input.InputFile;
import subsidy.report.RejectedTable;
import subsidy.run.ReportJob;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * explain and verify in Chinese: explain's headings and its own words, verify's differences and notes;
 * the manifest's "lang" names the language the report was written in (absent: English).
 */
class ChineseAuditTextTest {
    private static final Path FIRMS = Path.of("samples/firms.csv");

    @TempDir
    Path dir;

    private static Explanation explain(String sample, String id, Texts texts) throws Exception {
        return new Explainer(new Calculator(DefaultPolicy.POLICY), null, texts)
                .explain(List.of(new InputFile(Path.of("samples", sample), null)), id).orElseThrow();
    }

    @Test
    void explainsHeadingsAndColumnsAreInChinese() throws Exception {
        String text = ExplanationFormat.text(explain("firms.csv", "91530421MAA5JJC1XX", Texts.ZH), Texts.ZH);
        assertTrue(text.startsWith("单位 91530421MAA5JJC1XX "), text);
        assertTrue(text.contains(" — samples/firms.csv 第"), text);
        assertTrue(text.contains("\n输入值\n"), text);
        // columns by their Chinese headers, values aligned as a terminal shows wide characters
        assertTrue(text.contains("\n  统一社会信用代码            91530421MAA5JJC1XX\n"), text);
        assertTrue(text.contains("\n  受疫情影响暂时无法正常经营  false\n"), text);
        assertTrue(text.contains("\n企业规模\n"), text);
        assertTrue(text.contains("  金额：17352.33（2.99个月）\n"), text);
        assertTrue(text.contains("\n合计 = 11070.00 + 0.00 + 0.00 + 0.00 + 0.00 + 17352.33 = 28422.33\n"), text);
        assertTrue(text.contains("  依据 "), text);
        assertTrue(text.contains("申报 "), text);
    }

    @Test
    void aRejectedRowIsExplainedInChinese() throws Exception {
        String text = ExplanationFormat.text(explain("messy.csv", "91530521610472363E", Texts.ZH), Texts.ZH);
        assertTrue(text.contains("\n未计算（已退回），原因：\n  - "), text);
        assertTrue(text.contains(" [negative_count]\n"), text);
    }

    @Test
    void duplicatesAreNamedByTheirLineInChinese() throws Exception {
        Explanation x = explain("messy.csv", "91530402559810434g", Texts.ZH);
        assertTrue(x.others().get(0).startsWith("samples/messy.csv 第20行："), x.others().get(0));
        assertTrue(ExplanationFormat.text(x, Texts.ZH).contains("\n同一统一社会信用代码还出现在以下各行（作为重复行退回）：\n"));
    }

    @Test
    void theManifestsLangNamesTheReportsLanguage() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(Lang.ZH, ManifestCheck.lang(json.readTree("{\"lang\": \"zh\"}")));
        assertEquals(Lang.ZH, ManifestCheck.lang(json.readTree("{\"lang\": \"zh-CN\"}")));
        assertEquals(Lang.EN, ManifestCheck.lang(json.readTree("{\"lang\": \"en\"}")));
        assertEquals(Lang.EN, ManifestCheck.lang(json.readTree("{}")), "absent: English, as before there was a choice");
        assertEquals(Lang.EN, ManifestCheck.lang(json.readTree("{\"lang\": \"fr\"}")));
        assertEquals(Lang.EN, ManifestCheck.lang(null));
    }

    @Test
    void verifysDifferencesAndNotesAreInChinese() throws Exception {
        Path out = dir.resolve("out");
        List<InputFile> inputs = List.of(new InputFile(FIRMS, null));
        new ReportJob(DefaultPolicy.POLICY, new ReportJob.Options(out, false, true, null)).run(inputs,
                RejectedTable.sharedHeader(inputs), java.io.OutputStream.nullOutputStream(),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        Path report = out.resolve("report.csv");
        Files.writeString(report, Files.readString(report).replace(",392596.47,", ",392596.48,"));
        List<Difference> found = new ArrayList<>();
        new Verifier(DefaultPolicy.POLICY, null, Texts.ZH).verify(inputs, report, found::add);
        assertEquals(new Difference("91530111980102933U", "stable_job_refund", "392596.48", "392596.47"), found.get(0));
        assertEquals("report.csv sha256（报表生成后被改动）", found.get(found.size() - 1).column());
        Files.delete(out.resolve("manifest.json"));
        Verifier.Outcome o = new Verifier(DefaultPolicy.POLICY, null, Texts.ZH).verify(inputs, report, d -> { });
        assertEquals(List.of("报表旁没有 manifest.json：只核对了报表各行；无法判断政策、输入文件、其他文件或控制合计是否改动"), o.notes());
    }
}
