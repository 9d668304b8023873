package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import subsidy.entity.Column;
import subsidy.text.Texts;

/**
 * The policy reader's problems, the linter's warnings, the periods of force and the programs left out
 * are said in Chinese as in English: the key path, program id and line as written, the words from the
 * catalogue's policy area.
 */
class PolicyChineseTextsTest {
    private static final String POLICY = """
            id: t
            title: T
            sources:
              doc: {file: a.txt, title: A}
            programs:
              grant:
                kind: fixed
                title: Grant
                valid_from: 2022-01-01
                valid_to: 2022-12-31
                limit: {kind: none}
                source:
                  - {seed: doc, words: x}
                amount: 1000
              later:
                kind: fixed
                title: Later
                valid_from: 2023-01-01
                limit: {kind: none}
                source:
                  - {seed: doc, words: x}
                amount: 500
            """;

    private static PolicyException problems(String yaml, Resolution on) {
        return assertThrows(PolicyException.class,
                () -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", on));
    }

    @Test
    void aProblemIsSaidInChineseWithItsKeyPathAndLine() {
        PolicyException e = problems(POLICY.replace("amount: 1000\n", "amount: 1000.001\n    amout: 1\n"),
                Resolution.CHECK);
        assertEquals(List.of("programs.grant.amount (line 14): 1000.001 is in yuan to the fen: at most two decimals",
                "programs.grant.amout (line 15): unknown or misplaced key 'amout'"), e.problems());
        assertEquals("test.yaml：2个问题：\n"
                + "  programs.grant.amount（第14行）：1000.001：金额以元计、精确到分，最多两位小数\n"
                + "  programs.grant.amout（第15行）：未知键或位置不对的键「amout」", e.message(Texts.ZH));
        assertEquals(e.getMessage(), e.message(Texts.EN));
    }

    @Test
    void aYamlProblemIsSaidInChinese() {
        PolicyException e = problems("id: t\nid: u\n", Resolution.CHECK);
        assertEquals(List.of("第2行：键「id」出现两次（首次在第1行）"), e.problems(Texts.ZH));
    }

    @Test
    void aProblemAtTheTopLevelIsSaidInChinese() {
        PolicyException e = problems("- a\n- b\n", Resolution.CHECK);
        assertEquals(List.of("顶层（第1行）：应为键值映射，实为列表"), e.problems(Texts.ZH));
        assertEquals(List.of("(top level) (line 1): expected a mapping of keys, found a list"), e.problems());
    }

    @Test
    void periodsApartAreJoinedInChinese() {
        PeriodsOfForce p = PeriodsOfForce.of(List.of(new Period(null, LocalDate.of(2020, 12, 31), 1),
                new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30), 2), new Period(LocalDate.of(2023, 1, 1), null, 3)));
        assertEquals("until 2020-12-31, from 2022-01-01 to 2022-06-30 and from 2023-01-01 on", p.describe());
        assertEquals("2020-12-31 及以前、2022-01-01 至 2022-06-30 及 2023-01-01 起", p.describeText().in(Texts.ZH));
        assertEquals("其中某一期间", p.whichPeriodText().in(Texts.ZH));
    }

    @Test
    void noProgramInForceSaysInChineseWhichDateToGive() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyLoader.bundled(Resolution.on(LocalDate.of(2026, 12, 6))));
        assertEquals(List.of("政策 yunnan-2022-default：2026-12-06 无有效项目；各项目有效期为 2022-01-01 至 2022-12-31；"
                + "请用 --as-of 指定该期间内的日期，如 --as-of 2022-12-31"), e.problems(Texts.ZH));
        assertTrue(e.message(Texts.ZH).startsWith("内置政策（config/policy.yaml）：1个问题：\n  政策 "), e.message(Texts.ZH));
        assertTrue(e.getMessage().startsWith("bundled policy (config/policy.yaml): 1 problem(s):\n  policy "), e.getMessage());
        assertEquals(e.getMessage(), e.message(Texts.EN));
    }

    @Test
    void programsInForceAtDifferentTimesAreEachNamedInChinese() {
        PolicyException e = problems(POLICY.replace("valid_from: 2023-01-01", "valid_from: 2023-01-01\n    valid_to: 2023-12-31"),
                Resolution.on(LocalDate.of(2021, 6, 1)));
        assertEquals(List.of("政策 t：2021-06-01 无有效项目；各项目有效期为 2022-01-01 至 2023-12-31；"
                + "请用 --as-of 指定该期间内的日期，如 --as-of 2022-01-01"
                + "（grant：有效期为 2022-01-01 至 2022-12-31，不含 2021-06-01；later：有效期为 2023-01-01 至 2023-12-31，不含 2021-06-01）"),
                e.problems(Texts.ZH));
    }

    @Test
    void aProgramLeftOutIsSaidInChinese() throws Exception {
        Policy p = PolicyLoader.parse(POLICY.getBytes(StandardCharsets.UTF_8), "test.yaml",
                Resolution.on(LocalDate.of(2023, 6, 1)));
        assertEquals(List.of("grant: in force from 2022-01-01 to 2022-12-31, not on 2023-06-01"), p.leftOut());
        assertEquals(p.leftOut(), p.leftOut(Texts.EN));
        assertEquals(List.of("grant：有效期为 2022-01-01 至 2022-12-31，不含 2023-06-01"), p.leftOut(Texts.ZH));
    }

    @Test
    void policyShowSaysItsWordsInChinese() throws Exception {
        Policy p = PolicyLoader.parse(POLICY.getBytes(StandardCharsets.UTF_8), "test.yaml",
                Resolution.on(LocalDate.of(2023, 6, 1)));
        assertEquals(PolicyText.render(p), PolicyText.render(p, Texts.EN));
        String zh = PolicyText.render(p, Texts.ZH);
        assertTrue(zh.startsWith("t — T\n文件 test.yaml（sha256 "), zh);
        assertTrue(zh.contains("\n取 2023-06-01 有效的数值\n"), zh);
        assertTrue(zh.contains("\n  依据 《A》「x」 [doc]\n  跨批次限额：无：每批都重新发放\n"), zh);
        assertTrue(zh.contains("\n未纳入（不在有效期内）：\n  grant：有效期为 2022-01-01 至 2022-12-31，不含 2023-06-01\n"), zh);
        assertTrue(zh.endsWith("\n企业规模：无标准表（没有项目按规模类型区分）；沿用申报的规模类型\n"), zh);
    }

    @Test
    void aLintWarningIsSaidInChinese() throws Exception {
        String yaml = POLICY.replace("programs:\n", "columns:\n  spare: {kind: count}\nprograms:\n")
                .replace("    limit: {kind: none}\n    source:\n      - {seed: doc, words: x}\n    amount: 500\n",
                        "    source:\n      - {seed: doc, words: x}\n    amount: 500\n");
        Policy p = PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", Resolution.CHECK);
        assertEquals(List.of("programs.later: no limit: with a ledger, every batch pays it afresh; say which (limit: once, "
                + "once_per_year, months, amount or none) and cite the clause",
                "columns.spare: declared, but no program in force reads it"), p.warnings());
        assertEquals(p.warnings(), p.warnings(Texts.EN));
        assertEquals(List.of("programs.later：未设限额：使用发放台账时，每批都会重新发放；请写明限额（limit: once、once_per_year、"
                + "months、amount 或 none）并引用条款", "columns.spare：已声明，但没有有效项目读取该列"), p.warnings(Texts.ZH));
    }

    @Test
    void aPeriodsGapIsWarnedOfInChinese() {
        subsidy.policy.lint.PolicyLinter lint = new subsidy.policy.lint.PolicyLinter();
        lint.periods("programs.x.versions", List.of(new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30), 3),
                new Period(LocalDate.of(2022, 8, 1), null, 9)));
        assertEquals(List.of("programs.x.versions (line 9): nothing is in force between 2022-06-30 and 2022-08-01"),
                lint.warnings());
        assertEquals(List.of("programs.x.versions（第9行）：2022-06-30 与 2022-08-01 之间无有效规定"), lint.render(Texts.ZH));
    }

    /** Every policy key the readers name is in the catalogue: a missing one would fail only when said. */
    @Test
    void everyKeyThePolicyReadersNameIsInTheCatalogue() throws IOException {
        Pattern key = Pattern.compile("\"(policy\\.[a-z0-9_.]*[a-z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        List<Path> roots = List.of(Path.of("src/main/java/subsidy/policy"), Path.of("src/main/java/subsidy/program"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!Texts.EN.has(m.group(1)) || !Texts.ZH.has(m.group(1))) {
                            missing.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        for (Column.Kind k : Column.Kind.values()) {
            assertEquals(k.word(), PolicyTexts.kind(k).in(Texts.EN), "the English name of a column kind is its word");
            PolicyTexts.kind(k).in(Texts.ZH);
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }
}
