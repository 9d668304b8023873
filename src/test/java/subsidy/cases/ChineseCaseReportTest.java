package subsidy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.text.Texts;

/**
 * {@code subsidy test --lang zh}: the runner's report, its table and summary, and a case file's
 * problems are written in Chinese; PASS / FAIL, field names and codes stay as scripts read them, and
 * the English text is what it always was.
 */
class ChineseCaseReportTest {
    private static final String POLICY = Path.of("config/policy.yaml").toAbsolutePath().toString();
    private static final String ENTITY = "    entity: {entity_id: 91530111980102933U, name: 官渡区某某机械制造有限公司, "
            + "entity_type: enterprise, region_code: 530111,\n"
            + "      industry_code: C34, size_class: small, insured_employees: 189, layoffs: 11, ui_paid_last_year: 436218.30}\n";

    @TempDir
    Path tmp;

    private Path file(String body) throws Exception {
        Path f = tmp.resolve("cases-" + System.nanoTime() + ".yaml");
        Files.writeString(f, "policy: " + POLICY + "\ncases:\n" + body + "as_of: 2022-06-30\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aFailedCaseIsReportedInChineseWithItsTableAlignedForWideCharacters() throws Exception {
        Path f = file("  - name: 恰为5.50%\n    checks: seed003 @10660\n" + ENTITY
                + "    expect: {stable_job_refund: 392596.48, rent_waiver: {in_force: false}}\n");
        CaseResult r = CaseRunner.run(CaseLoader.load(f), Texts.ZH).get(0);
        List<String> lines = CaseReport.lines(r, Texts.ZH);
        assertEquals("FAIL 恰为5.50%  （" + f + "，第3行）", lines.get(0));
        assertEquals("     核对内容：seed003 @10660", lines.get(1));
        assertEquals("     项目               字段      预期       计算结果", lines.get(2));
        assertEquals("     stable_job_refund  amount    392596.48  392596.47", lines.get(3));
        assertEquals("     rent_waiver        in_force  false      2022-06-30 在施行期内", lines.get(4));
        assertEquals("通过0个，未通过1个", CaseReport.summary(List.of(r), Texts.ZH));
        // the same run in English is as it always was
        CaseResult en = CaseRunner.run(CaseLoader.load(f)).get(0);
        assertEquals("     rent_waiver        in_force  false      in force on 2022-06-30", CaseReport.lines(en).get(4));
    }

    @Test
    void aCaseFilesProblemsAreToldInChineseAndItsEnglishMessageIsUnchanged() throws Exception {
        Path f = file("  - name: x\n    checks: y\n" + ENTITY + "    expect: {total: 1.001}\n"
                + "  - name: y\n    checks: y\n    entities: {a: 1}\n    expect: {}\n");
        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseLoader.load(f));
        assertEquals(f + ": 3 problem(s):\n"
                + "  cases[1].expect.total (line 7): 1.001 has more than 2 decimals; amounts and months are rounded to"
                + " 0.01, so it can never match\n"
                + "  cases[2].entities (line 10): expected a list of rows, found a mapping\n"
                + "  cases[2].expect (line 11): expects nothing; name rows by entity_id, or totals", e.getMessage());
        assertEquals(e.getMessage(), e.message(Texts.EN));
        assertEquals(f + "：有3处问题：\n"
                + "  cases[1].expect.total（第7行）：1.001 超过2位小数；金额和月数均四舍五入到0.01，永远无法相符\n"
                + "  cases[2].entities（第10行）：应为各行的列表，实为映射\n"
                + "  cases[2].expect（第11行）：未写任何预期；请按统一社会信用代码写各行，或写 totals", e.message(Texts.ZH));
        assertTrue(e.problems(Texts.ZH).get(1).endsWith("实为映射"), e.problems(Texts.ZH).toString());
    }
}
