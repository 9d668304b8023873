package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;

/**
 * Every passage a shipped policy cites stands in the vendored {@code seeds/} at its offset; and the
 * check finds a shifted offset, a misquoted figure, an undeclared source, a missing file.
 */
class CitationsTest {
    private static final Path SEEDS = Path.of("seeds");
    private static final Path SHARED_SEEDS = Path.of("../shared/seeds");
    private static final Path DEFAULT = Path.of("config/policy.yaml");
    private static final String SEED003 = "seeds/003_a635056c91f675c3.txt";

    @TempDir
    Path tmp;

    private static List<Path> shippedPolicies() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("config"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyPassageTheShippedPoliciesCiteStandsAtItsOffsetInSeeds() throws Exception {
        List<Path> policies = shippedPolicies();
        assertEquals(List.of("baoshan-2022.yaml", "diqing-2022.yaml", "district-agriculture.yaml",
                "district-households.yaml", "linxia-2020-market.yaml", "linxia-2020.yaml", "national-ui-refund.yaml", "policy.yaml",
                "tiered-stable-job.yaml", "yiyang-2019.yaml", "yuanjiang-2022.yaml"), policies.stream().map(p -> p.getFileName().toString()).toList());
        int checked = 0;
        for (Path file : policies) {
            Policy p = PolicyLoader.load(file, Resolution.CHECK);
            assertEquals(List.of(), Citations.check(p, SEEDS), file.toString());
            // Every citation written in the file is checked: of versions not in force, of firm_size too.
            long written = Files.readAllLines(file).stream().filter(l -> l.strip().startsWith("words:")).count();
            assertEquals(written, p.citations().size(), file + ": citations checked");
            checked += p.citations().size();
        }
        assertEquals(218, checked, "24 + 22 + 10 + 30 + 7 citations in the first five shipped policies, 19 in diqing-2022,"
                + " 14 in linxia-2020-market, 6 in yiyang-2019, 19 in yuanjiang-2022, 20 in district-agriculture,"
                + " 47 in district-households (limits' and groups' included)");
    }

    @Test
    void theCitationsCheckedAreTheClausesTheRulesRestOnAndMore() throws Exception {
        // national-ui-refund has two versions: CHECK keeps the later one, yet both versions' clauses are checked.
        Policy p = PolicyLoader.load(Path.of("config/national-ui-refund.yaml"), Resolution.CHECK);
        Set<Clause> checked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        p.citations().forEach(c -> checked.add(c.clause()));
        List<Clause> inForce = new ArrayList<>();
        p.programs().forEach(x -> inForce.addAll(x.clauses()));
        p.groups().forEach(g -> inForce.addAll(g.clauses()));
        p.regionLists().values().forEach(l -> inForce.addAll(l.clauses()));
        assertEquals(2, inForce.size());
        assertTrue(checked.containsAll(inForce));
        assertEquals(List.of("firm_size.source[0]", "programs.stable_job_refund.limit.source[0]",
                "programs.stable_job_refund.limit.source[1]", "programs.stable_job_refund.versions[0].source[0]",
                "programs.stable_job_refund.versions[0].source[1]", "programs.stable_job_refund.versions[0].source[2]",
                "programs.stable_job_refund.versions[0].source[3]", "programs.stable_job_refund.versions[0].source[4]",
                "programs.stable_job_refund.versions[1].source[0]", "programs.stable_job_refund.versions[1].source[1]"),
                p.citations().stream().map(Citation::path).toList());
    }

    @Test
    void theVendoredSeedsAreByteForByteTheSharedOnes() throws IOException {
        assumeTrue(Files.isDirectory(SHARED_SEEDS), "../shared/seeds is not beside this checkout, so seeds/ cannot "
                + "be compared with it (the citations are still checked, against seeds/)");
        List<String> shared;
        List<String> vendored;
        try (Stream<Path> s = Files.list(SHARED_SEEDS); Stream<Path> v = Files.list(SEEDS)) {
            shared = s.map(p -> p.getFileName().toString()).sorted().toList();
            vendored = v.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().toList();
        }
        assertEquals(5, shared.size(), shared.toString());
        assertEquals(shared, vendored);
        for (String name : shared) {
            assertArrayEquals(Files.readAllBytes(SHARED_SEEDS.resolve(name)), Files.readAllBytes(SEEDS.resolve(name)),
                    name);
        }
    }

    // ------------------------------------------------------------------ what the check finds

    /**
     * The line of the default policy's citation whose {@code at:} line is the first to read exactly
     * {@code atLine}: the item starts on the line before it ({@code - seed: …}).
     */
    private static int itemAt(String atLine) throws java.io.IOException {
        int index = Files.readAllLines(DEFAULT, StandardCharsets.UTF_8).indexOf(atLine);
        assertTrue(index > 0, atLine);
        return index; // the 0-based index of the at: line is the 1-based number of the line before it
    }

    /** The default policy with one replacement made (it must be made), loaded as policy check loads it. */
    private static Policy defaultWith(String from, String to) throws Exception {
        String yaml = Files.readString(DEFAULT, StandardCharsets.UTF_8);
        assertTrue(yaml.contains(from), from);
        // The first one only: a passage may be cited twice (a program and its limit), and one edit is one problem.
        return PolicyLoader.parse(yaml.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8), "edited.yaml",
                Resolution.CHECK);
    }

    @Test
    void aShiftedOffsetIsNamedWithWhatStandsThereAndWhereTheWordsAre() throws Exception {
        Policy p = defaultWith("\n        at: 10666", "\n        at: 10669");
        assertEquals(List.of("programs.stable_job_refund.source[0] (line " + itemAt("        at: 10666") + "): seed003 @10669: the words are not what "
                + SEED003 + " says at @10669: they differ from the first character; the policy quotes 「大型企业按企业及其职…」, "
                + "the source at @10669 reads 「…业按企业及其职工20…」; the words stand at @10666 in " + SEED003),
                Citations.check(p, SEEDS));
    }

    @Test
    void aMisquotedFigureIsNamedWhereItDiffers() throws Exception {
        Policy p = defaultWith("高级2000元的标准给予培训补贴", "高级2500元的标准给予培训补贴");
        assertEquals(List.of("programs.skills_certificate.source[0] (line " + itemAt("        at: 11438") + "): seed003 @11438: the words are not what "
                + SEED003 + " says at @11438: they part after 51 character(s); the policy quotes "
                + "「…1500 元、高级2500元的标准给予培…」, the source at @11479 reads 「…1500 元、高级2000元的标准给予培…」; "
                + "the words stand nowhere in " + SEED003), Citations.check(p, SEEDS));
    }

    @Test
    void anOffsetOutsideTheFileAndAMissingOneAreNamed() throws Exception {
        List<String> past = Citations.check(defaultWith("\n        at: 10666", "\n        at: 36514"), SEEDS);
        assertEquals(List.of("programs.stable_job_refund.source[0] (line " + itemAt("        at: 10666") + "): seed003 @36514: the offset is outside "
                + SEED003 + ", which has 36514 characters (offsets count from 0); the words stand at @10666 in "
                + SEED003), past);
        List<String> none = Citations.check(defaultWith("\n        at: 10666\n", "\n"), SEEDS);
        assertEquals(List.of("programs.stable_job_refund.source[0] (line " + itemAt("        at: 10666") + "): seed003: no offset (at) is given; "
                + "the words stand at @10666 in " + SEED003), none);
    }

    @Test
    void aMissingSourceFileIsNamedInEveryCitationOfIt() throws Exception {
        Path partial = Files.createDirectory(tmp.resolve("seeds"));
        for (String name : List.of("000_c6a3be8c77c22d2d.txt", "003_a635056c91f675c3.txt")) {
            Files.copy(SEEDS.resolve(name), partial.resolve(name));
        }
        Policy p = PolicyLoader.load(DEFAULT, Resolution.CHECK);
        List<String> problems = Citations.check(p, partial);
        String missing = ": seeds/004_b3ab74a9220c91c1.txt is not in " + partial + " (no file "
                + partial.resolve("004_b3ab74a9220c91c1.txt") + ")";
        assertEquals(List.of("programs.stable_job_refund.source[3] (line " + itemAt("        at: 14367") + "): seed004 @14367" + missing,
                "programs.rent_waiver.limit.source[1] (line " + itemAt("          at: 29401") + "): seed004 @29401" + missing,
                "programs.rent_waiver.source[2] (line " + itemAt("        at: 29401") + "): seed004 @29401" + missing,
                "programs.rent_waiver.source[3] (line " + itemAt("        at: 30016") + "): seed004 @30016" + missing,
                "firm_size.source[0] (line " + itemAt("      at: 30059") + "): seed004 @30059" + missing), problems);
    }

    @Test
    void anUndeclaredSourceIsNamed() {
        // The loader refuses such a policy; the check does not rely on that.
        Map<String, Source> sources = Map.of("seed003", new Source("seed003", SEED003, "元江县"));
        List<String> problems = Citations.check(sources, List.of(
                new Citation("programs.x.source[0]", 7, new Clause("seed009", 5, "大型企业")),
                new Citation("programs.x.source[1]", 10, new Clause("seed003", 10666, "大型企业"))), SEEDS);
        assertEquals(List.of("programs.x.source[0] (line 7): seed009 @5: 'seed009' is not one of sources [seed003]"),
                problems);
    }

    @Test
    void offsetsCountCharactersNotBytesNorJavaChars() throws Exception {
        // 𠮷 (U+20BB7) is one character: two Java chars, four UTF-8 bytes.
        Path dir = Files.createDirectory(tmp.resolve("src"));
        Files.writeString(dir.resolve("a.txt"), "𠮷野家,稳岗返还。稳岗返还", StandardCharsets.UTF_8);
        Map<String, Source> sources = Map.of("s", new Source("s", "seeds/a.txt", "a"));
        assertEquals(List.of(), Citations.check(sources, List.of(new Citation("p", 1, new Clause("s", 4, "稳岗返还"))),
                dir));
        assertEquals(List.of("p (line 1): s @5: the words are not what seeds/a.txt says at @5: they differ from the "
                + "first character; the policy quotes 「稳岗返还」, the source at @5 reads 「…岗返还。稳岗返还」; the words stand "
                + "at @4 and @9 in seeds/a.txt"),
                Citations.check(sources, List.of(new Citation("p", 1, new Clause("s", 5, "稳岗返还"))), dir));
    }

    @Test
    void manyOtherPlacesAreCountedAndControlCharactersEscaped() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("src"));
        Files.writeString(dir.resolve("b.txt"), "\u001b[2J返还" + "返还".repeat(7), StandardCharsets.UTF_8);
        Map<String, Source> sources = Map.of("s", new Source("s", "b.txt", "b"));
        List<String> problems = Citations.check(sources,
                List.of(new Citation("p", 1, new Clause("s", 0, "返还"))), dir);
        assertEquals(List.of("p (line 1): s @0: the words are not what b.txt says at @0: they differ from the first "
                + "character; the policy quotes 「返还」, the source at @0 reads 「\\x1b[2J返还返还返还…」; the words stand at "
                + "@4, @6, @8, @10, @12 and 3 more place(s) in b.txt"), problems);
        assertFalse(problems.get(0).contains("\u001b"));
    }

    @Test
    void requireNamesThePolicyFile() throws Exception {
        PolicyException e = assertThrows(PolicyException.class,
                () -> Citations.require(defaultWith("\n        at: 10666", "\n        at: 10669"), SEEDS));
        assertTrue(e.getMessage().startsWith("edited.yaml: 1 problem(s):\n  programs.stable_job_refund.source[0] "
                + "(line " + itemAt("        at: 10666") + "): seed003 @10669: "), e.getMessage());
    }

    // ------------------------------------------------------------------ documents and articles

    private static List<Path> everyPolicyThatCites() throws IOException {
        List<Path> all = new ArrayList<>(shippedPolicies());
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/policies"))) {
            all.addAll(s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
        }
        return all;
    }

    @Test
    void everyCitationNamesItsArticleAndEverySourceItsDocument() throws Exception {
        int checked = 0;
        for (Path file : everyPolicyThatCites()) {
            Policy p = PolicyLoader.load(file, Resolution.CHECK);
            assertEquals(List.of(), Citations.check(p, SEEDS), file.toString());
            for (Citation c : p.citations()) {
                Clause clause = c.clause();
                assertTrue(clause.article() != null && !clause.article().isBlank(), file + " " + c.path() + ": no article");
                Source.Document d = p.sources().get(clause.seed()).document(clause.at());
                assertTrue(d.title() != null && !d.title().isBlank(), file + " " + c.path() + ": no document title");
                // a compilation's passages are each in one of its documents, never in the compilation's own head
                assertFalse(d.key().equals(clause.seed()), file + " " + c.path() + ": in no document of " + clause.seed());
                checked++;
            }
            for (Source s : p.sources().values()) {
                assertFalse(s.title() == null || s.title().isBlank(), file + ": sources." + s.key() + " has no title");
                assertFalse(s.documents().isEmpty(), file + ": sources." + s.key() + " names no document");
            }
        }
        assertTrue(checked > 171, "citations with an article: " + checked);
    }

    @Test
    void aWrongArticleIsNamedWithWhatTheHeadingsRead() throws Exception {
        Policy p = defaultWith("article: 二、（三）\n        words: 大型企业", "article: 二、（四）\n        words: 大型企业");
        assertEquals(List.of("programs.stable_job_refund.source[0] (line " + itemAt("        at: 10666") + "): seed003 @10666: "
                + "the article is given as 「二、（四）」, but the headings before @10666 in " + SEED003 + " read 「二、（三）」"),
                Citations.check(p, SEEDS));
        // written with half-width parentheses or spaces it is the same article
        assertEquals(List.of(), Citations.check(defaultWith("article: 二、（三）\n        words: 大型企业",
                "article: 二、 (三)\n        words: 大型企业"), SEEDS));
    }

    @Test
    void aShiftedOffsetAndAWrongArticleAreNamedInChinese() throws Exception {
        Policy shifted = defaultWith("\n        at: 10666", "\n        at: 10669");
        assertEquals(List.of("programs.stable_job_refund.source[0]（第" + itemAt("        at: 10666") + "行）：seed003 @10669："
                + "引文与 " + SEED003 + " 在 @10669 处的原文不符：首字即不同；政策引作「大型企业按企业及其职…」，"
                + "原文 @10669 处为「…业按企业及其职工20…」；这段引文见于 " + SEED003 + " 的 @10666"),
                Citations.check(shifted, SEEDS, subsidy.text.Texts.ZH));
        Policy wrong = defaultWith("article: 二、（三）\n        words: 大型企业", "article: 二、（四）\n        words: 大型企业");
        assertEquals(List.of("programs.stable_job_refund.source[0]（第" + itemAt("        at: 10666") + "行）：seed003 @10666："
                + "条款写作「二、（四）」，但 " + SEED003 + " 中 @10666 之前的标题为「二、（三）」"),
                Citations.check(wrong, SEEDS, subsidy.text.Texts.ZH));
    }

    @Test
    void manyOtherPlacesAreListedInChinese() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("zh"));
        Files.writeString(dir.resolve("b.txt"), "甲乙返还" + "返还".repeat(7), StandardCharsets.UTF_8);
        Map<String, Source> sources = Map.of("s", new Source("s", "b.txt", "b"));
        assertEquals(List.of("p（第1行）：s @0：引文与 b.txt 在 @0 处的原文不符：首字即不同；政策引作「返还」，原文 @0 处为「甲乙返还返还返还返还…」；"
                + "这段引文见于 b.txt 的 @2、@4、@6、@8、@10和另 3 处"),
                Citations.check(sources, List.of(new Citation("p", 1, new Clause("s", 0, "返还"))), dir,
                        subsidy.text.Texts.ZH));
    }

    @Test
    void anArticleIsTheHeadingsThatEncloseThePassage() {
        String text = "关于帮扶的方案\n为了帮扶,制定本方案。\n一、工作目标\n稳住就业。\n二、工作措施\n(一)稳岗返还。按90%返还,补助如下:\n"
                + "1.扩岗补助。每人1500元。\n2.培训补助。每人1000元。\n(二)房租减免。免除3个月租金。\n另有说明的段落。\n"
                + "第五条 本方案自印发之日起施行。";
        assertEquals("第2段", Citations.article(text, 0, text.indexOf("为了帮扶")));
        assertEquals("一、", Citations.article(text, 0, text.indexOf("稳住就业")));
        assertEquals("二、（一）", Citations.article(text, 0, text.indexOf("按90%")));
        assertEquals("二、（一）1.", Citations.article(text, 0, text.indexOf("每人1500")));
        assertEquals("二、（一）2.", Citations.article(text, 0, text.indexOf("2.培训")));
        // a heading that is a sentence heads the deeper headings after it, not a plain paragraph
        String items = "二、工作措施\n(一)稳岗返还。按90%返还。\n1.扩岗补助。每人1500元。\n(二)房租。免租。\n另段。";
        assertEquals("二、（一）1.", Citations.article(items, 0, items.indexOf("每人1500")));
        assertEquals("二、", Citations.article(items, 0, items.indexOf("另段")));
        String listed = "四、工作措施\n7. 减轻负担。\n(1) 清理收费。\n(3) 减免房租。免除3个月租金。";
        assertEquals("四、7.（3）", Citations.article(listed, 0, listed.indexOf("免除3个月")));
        assertEquals("二、（二）", Citations.article(text, 0, text.indexOf("免除3个月")));
        // （二） is one sentence, not a title: the paragraph after it is not in it, yet 二、 (a title) still heads it
        assertEquals("二、", Citations.article(text, 0, text.indexOf("另有说明")));
        assertEquals("第五条", Citations.article(text, 0, text.indexOf("本方案自")));
        // one-line texts separate their paragraphs with spaces
        String line = "方案 一、目标 稳住。 二、措施 (三)稳岗返还。大型企业按50%返还。 (四)留工培训。";
        assertEquals("二、（三）", Citations.article(line, 0, line.indexOf("大型企业")));
        // a document later in the file: its headings only
        assertEquals("第1段", Citations.article(text, text.indexOf("另有说明"), text.indexOf("另有说明")));
    }

    @Test
    void theDocumentOfAPassageIsTheLastToStartAtOrBeforeIt() throws Exception {
        Policy p = PolicyLoader.load(DEFAULT, Resolution.CHECK);
        Source seed004 = p.sources().get("seed004");
        assertEquals("p9", seed004.document(14367).key());
        assertEquals("p15", seed004.document(30059).key());
        assertEquals("送教幫扶方案(15篇)", seed004.document(0).title()); // before every document: the compilation
    }

    @Test
    void aChineseCitationNamesTheDocumentAndArticleAndKeepsTheOffset() throws Exception {
        Policy p = PolicyLoader.load(DEFAULT, Resolution.CHECK);
        subsidy.program.Program refund = p.programs().stream().filter(x -> x.id().equals("stable_job_refund"))
                .findFirst().orElseThrow();
        Clause first = refund.clauses().get(0);
        subsidy.text.Texts zh = subsidy.text.Texts.ZH;
        subsidy.text.Texts en = subsidy.text.Texts.EN;
        assertEquals("《元江县进一步帮扶中小微企业纾困发展稳岗就业专项行动实施方案》二、（三） [seed003 @10666]",
                Citation.cite(p.sources(), first, zh));
        assertEquals("《元江县进一步帮扶中小微企业纾困发展稳岗就业专项行动实施方案》二、（三）「" + first.words()
                + "」 [seed003 @10666，seeds/003_a635056c91f675c3.txt]", Citation.explain(p.sources(), first, zh));
        assertEquals("《元江县进一步帮扶中小微企业纾困发展稳岗就业专项行动实施方案》二、（三）「" + first.words()
                + "」 [seed003 @10666]", Citation.quote(p.sources(), first, zh));
        assertEquals("《xx市失业保险稳岗补贴实施方案》第11段 [seed004 @14367]",
                Citation.cite(p.sources(), refund.clauses().get(3), zh));
        // a program's clauses in one cell
        assertEquals(4, Citation.cite(p.sources(), refund.clauses(), zh).split("；").length);
        // English is what it was: the seed and offset
        assertEquals("seed003 @10666", Citation.cite(p.sources(), first, en));
        assertEquals(refund.clauseLabel(), Citation.cite(p.sources(), refund.clauses(), en));
        assertEquals("seed003 @10666 (seeds/003_a635056c91f675c3.txt) 「" + first.words() + "」",
                Citation.explain(p.sources(), first, en));
        assertEquals("《元江县进一步帮扶中小微企业纾困发展稳岗就业专项行动实施方案》 二、（三） [seed003 @10666]",
                Citation.readable(p.sources(), first, en));
    }

    @Test
    void aNumberIsCitedAfterTheTitle() {
        Source s = new Source("s", "seeds/a.txt", "汇编", null, null,
                List.of(new Source.Document("p2", 5, "某县稳岗方案", "某政办发〔2022〕3号", "某县人民政府")));
        assertEquals("《某县稳岗方案》（某政办发〔2022〕3号）一、 [s @7]",
                Citation.cite(Map.of("s", s), new Clause("s", 7, "稳岗", "一、"), subsidy.text.Texts.ZH));
        assertEquals("《汇编》 [s @2]", Citation.cite(Map.of("s", s), new Clause("s", 2, "稳岗"), subsidy.text.Texts.ZH));
        assertEquals("s9 [s9 @2]", Citation.cite(Map.of("s", s), new Clause("s9", 2, "稳岗"), subsidy.text.Texts.ZH));
    }

    // ------------------------------------------------------------------ policy check --sources

    @Test
    void policyCheckWithSourcesListsCitationProblemsAndExits3() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(DEFAULT).replace("高级2000元的标准", "高级2500元的标准"));
        Result r = CommandLineRun.run("policy", "check", bad.toString(), "--sources", "seeds");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().startsWith("subsidy: " + bad + ": 1 problem(s):\n  programs.skills_certificate.source[0] "
                + "(line " + itemAt("        at: 11438") + "): seed003 @11438: the words are not what"), r.err());
        assertFalse(r.out().contains("usable"), r.out());
        // without --sources the same file is usable, and the check not made is named
        Result unchecked = CommandLineRun.run("policy", "check", bad.toString());
        assertEquals(0, unchecked.exit(), unchecked.err());
        assertTrue(unchecked.out().endsWith("citations not checked: add --sources DIR, the folder of the documents "
                + "the policy cites (seeds in this repository)\n"), unchecked.out());
    }

    @Test
    void policyCheckWithSourcesSaysHowManyCitationsStand() {
        Result r = CommandLineRun.run("policy", "check", DEFAULT.toString(), "--sources", "seeds");
        assertEquals(0, r.exit(), r.err());
        assertEquals("includes size-table-2011 from config/tables/size-table-2011.yaml\n"
                + "config/policy.yaml: usable — policy yunnan-2022-default, 6 program(s), 0 warning(s), "
                + "26 citation(s) found at their offsets in seeds\n", r.out());
        assertFalse(r.out().contains("not checked"));
    }

    @Test
    void policyCheckWithSourcesThatIsNoDirectoryIsAUsageError() {
        Result r = CommandLineRun.run("policy", "check", DEFAULT.toString(), "--sources", tmp.resolve("nope").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("subsidy: --sources " + tmp.resolve("nope") + ": no such directory\n"), r.err());
    }
}
