package subsidy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.text.Lang;
import subsidy.text.Text;
import subsidy.text.Texts;

/** The configuration's sources, their order, and the problems a clerk reads when one cannot be used. */
class ConfigurationTest {
    @TempDir
    Path tmp;

    Path home;
    Path work;
    Path userFile;
    Path dirFile;

    @BeforeEach
    void places() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        work = Files.createDirectories(tmp.resolve("work"));
        userFile = home.resolve(".config/subsidy/config.yaml");
        dirFile = work.resolve(".subsidy.yaml");
    }

    private Configuration read(Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("HOME", home.toString());
        return Configuration.read(Configuration.Locations.of(e, work));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> english(Configuration c) {
        return c.problems().stream().map(p -> p.in(Texts.EN)).toList();
    }

    @Test
    void nothingConfiguredSetsNothingAndTheManifestRecordsNothing() {
        Configuration c = read(Map.of());
        assertNull(c.lang());
        assertEquals(List.of(), c.sources());
        assertEquals(List.of(), c.problems());
        assertNull(c.manifest());
        assertNull(Configuration.read(Configuration.Locations.NONE).manifest());
    }

    @Test
    void theLocaleVariablesAreNotConfiguration() {
        Configuration c = read(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "zh_CN.UTF-8", "LANGUAGE", "zh"));
        assertNull(c.lang());
        assertNull(c.manifest());
    }

    @Test
    void userThenDirectoryThenEnvironmentEachLaterWins() throws IOException {
        write(userFile, "lang: zh\n");
        Configuration c = read(Map.of());
        assertEquals(Lang.ZH, c.lang());
        assertEquals(List.of(userFile.toString()), c.sources());

        write(dirFile, "# this folder's reports are in English\nlang: en\n");
        c = read(Map.of());
        assertEquals(Lang.EN, c.lang());
        assertEquals(List.of(userFile.toString(), dirFile.toString()), c.sources());

        c = read(Map.of("SUBSIDY_LANG", "zh"));
        assertEquals(Lang.ZH, c.lang());
        assertEquals(List.of(userFile.toString(), dirFile.toString(), "$SUBSIDY_LANG"), c.sources());
        assertEquals(Map.of("read", List.of(userFile.toString(), dirFile.toString(), "$SUBSIDY_LANG"),
                "set", Map.of("lang", "zh")), c.manifest());
    }

    @Test
    void anEmptyVariableIsAnUnsetOne() throws IOException {
        write(dirFile, "lang: zh\n");
        Configuration c = read(Map.of("SUBSIDY_LANG", ""));
        assertEquals(Lang.ZH, c.lang());
        assertEquals(List.of(dirFile.toString()), c.sources());
    }

    @Test
    void xdgConfigHomeBeforeHomeWhenAbsolute() {
        Path xdg = tmp.resolve("xdg");
        assertEquals(xdg.resolve("subsidy/config.yaml"),
                Configuration.Locations.of(Map.of("XDG_CONFIG_HOME", xdg.toString(), "HOME", home.toString()), work)
                        .userFile());
        // The XDG specification: a relative path is invalid and ignored.
        assertEquals(userFile, Configuration.Locations.of(Map.of("XDG_CONFIG_HOME", "rel", "HOME", home.toString()),
                work).userFile());
        assertNull(Configuration.Locations.of(Map.of(), work).userFile());
        assertEquals(dirFile, Configuration.Locations.of(Map.of(), work).directoryFile());
    }

    @Test
    void aValueIsReadAsTheFlagReadsIt() throws IOException {
        write(userFile, "lang: ZH\n");
        assertEquals(Lang.ZH, read(Map.of()).lang());
        assertEquals(Map.of("lang", "zh"), read(Map.of()).manifest().get("set"), "recorded as the code");
    }

    @Test
    void anEmptyOrCommentOnlyFileIsReadAndSetsNothing() throws IOException {
        write(dirFile, "# lang: zh\n");
        Configuration c = read(Map.of());
        assertEquals(List.of(), c.problems());
        assertNull(c.lang());
        assertEquals(Map.of("read", List.of(dirFile.toString()), "set", Map.of()), c.manifest());
        write(dirFile, "");
        assertEquals(List.of(), read(Map.of()).problems());
    }

    @Test
    void anUnknownKeyNamesTheFileLineAndKey() throws IOException {
        write(dirFile, "lang: zh\npolicies: county.yaml\n");
        Configuration c = read(Map.of());
        assertEquals(List.of(dirFile + ", line 2: unknown key 'policies'; the keys are: lang, policy, ledger, out"),
                english(c));
        assertEquals(dirFile + " 第2行：未知的键“policies”；可用的键：lang, policy, ledger, out",
                c.problems().get(0).in(Texts.ZH));
        assertEquals(Lang.ZH, c.lang(), "what the file does set still chooses the language of the message");
    }

    @Test
    void aBadValueNamesTheFileLineKeyAndTheValuesAllowed() throws IOException {
        write(userFile, "\nlang: fr\n");
        Configuration c = read(Map.of());
        assertEquals(List.of(userFile + ", line 2: lang: 'fr' is not zh or en"), english(c));
        assertEquals(userFile + " 第2行：lang 的值“fr”无效，应为 zh 或 en", c.problems().get(0).in(Texts.ZH));
        assertNull(c.lang());
    }

    @Test
    void aListOrAnEmptyValueIsNotAValue() throws IOException {
        write(dirFile, "lang:\n  - zh\n");
        assertEquals(List.of(dirFile + ", line 1: lang takes a single value, zh or en; found a list"),
                english(read(Map.of())));
        write(dirFile, "lang:\n");
        assertEquals(List.of(dirFile + ", line 1: lang takes a single value, zh or en; found empty"),
                english(read(Map.of())));
    }

    @Test
    void aFileThatIsNotAMappingIsSaidSo() throws IOException {
        write(dirFile, "- lang: zh\n");
        assertEquals(List.of(dirFile + ", line 1: expected keys with values, such as 'lang: zh'; found a list"),
                english(read(Map.of())));
        write(dirFile, "zh\n");
        assertEquals(List.of(dirFile + ", line 1: expected keys with values, such as 'lang: zh'; found a single value"),
                english(read(Map.of())));
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        write(dirFile, "lang: zh\n  bad: [\n");
        List<String> problems = english(read(Map.of()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(dirFile + ": line "), problems.get(0));
        assertTrue(problems.get(0).contains("not valid YAML"), problems.get(0));
    }

    @Test
    void aKeyTwiceIsAProblem() throws IOException {
        write(dirFile, "lang: zh\nlang: en\n");
        assertEquals(List.of(dirFile + ": line 2: key 'lang' appears twice (first at line 1)"), english(read(Map.of())));
    }

    @Test
    void aDirectoryOrBytesThatAreNotUtf8AreProblems() throws IOException {
        Files.createDirectories(dirFile);
        assertEquals(List.of(dirFile + ": not a file"), english(read(Map.of())));
        Files.delete(dirFile);
        Files.write(dirFile, new byte[] {'l', 'a', 'n', 'g', ':', ' ', (byte) 0xD6, (byte) 0xD0, '\n'});
        assertEquals(List.of(dirFile + ": not UTF-8 text"), english(read(Map.of())));
    }

    @Test
    void aBadVariableIsNamed() {
        Configuration c = read(Map.of("SUBSIDY_LANG", "fr"));
        assertEquals(List.of("environment variable SUBSIDY_LANG: 'fr' is not zh or en"), english(c));
        assertEquals("环境变量 SUBSIDY_LANG 的值“fr”无效，应为 zh 或 en", c.problems().get(0).in(Texts.ZH));
    }

    @Test
    void controlCharactersInAValueAreEscaped() throws IOException {
        write(dirFile, "lang: \"\\e[2J\"\n");
        Text p = read(Map.of()).problems().get(0);
        assertEquals(dirFile + ", line 1: lang: '\\x1b[2J' is not zh or en", p.in(Texts.EN));
    }

    // issue 21: the policy, the ledger and the output folder

    @Test
    void relativePathsAreTakenFromTheFolderOfTheFileThatGivesThem() throws IOException {
        write(userFile.resolveSibling("county.yaml"), "id: x\n");
        write(userFile, "policy: county.yaml\nledger: ledger.db\nout: reports\n");
        Configuration c = read(Map.of());
        assertEquals(List.of(), c.problems());
        Path folder = userFile.getParent();
        assertEquals(folder.resolve("county.yaml"), c.policy());
        assertEquals(folder.resolve("ledger.db").toString(), c.ledger());
        assertEquals(folder.resolve("reports"), c.out());
        assertEquals(Map.of("policy", folder.resolve("county.yaml").toString(),
                "ledger", folder.resolve("ledger.db").toString(), "out", folder.resolve("reports").toString()),
                c.manifest().get("set"));
    }

    @Test
    void fileThenDirectoryThenVariableForTheNewKeys() throws IOException {
        write(home.resolve("a.yaml"), "id: a\n");
        write(work.resolve("b.yaml"), "id: b\n");
        write(work.resolve("c.yaml"), "id: c\n");
        write(userFile, "policy: " + home.resolve("a.yaml") + "\nout: /srv/reports\nledger: /srv/a.db\n");
        assertEquals(home.resolve("a.yaml"), read(Map.of()).policy());
        write(dirFile, "policy: b.yaml\nledger: jdbc:postgresql://db/subsidy?user=u&password=secret\n");
        Configuration c = read(Map.of());
        assertEquals(work.resolve("b.yaml"), c.policy());
        assertEquals(Path.of("/srv/reports"), c.out(), "what a later source does not set stays");
        assertEquals("jdbc:postgresql://db/subsidy?user=u&password=secret", c.ledger(), "a URL is kept as given");
        assertEquals("jdbc:postgresql://db/subsidy?user=u&password=***", ((Map<?, ?>) c.manifest().get("set")).get("ledger"),
                "the manifest never holds the password");
        // A variable's relative path is taken from the working directory.
        c = read(Map.of("SUBSIDY_POLICY", "c.yaml", "SUBSIDY_OUT", "out", "SUBSIDY_LEDGER", "l.db"));
        assertEquals(work.resolve("c.yaml"), c.policy());
        assertEquals(work.resolve("out"), c.out());
        assertEquals(work.resolve("l.db").toString(), c.ledger());
        assertEquals(List.of(userFile.toString(), dirFile.toString(), "$SUBSIDY_POLICY", "$SUBSIDY_LEDGER",
                "$SUBSIDY_OUT"), c.sources());
    }

    @Test
    void aMissingPolicyAFileForOutOrAnotherDatabaseAreNamedInBothLanguages() throws IOException {
        write(work.resolve("notes.txt"), "x");
        write(dirFile, "policy: county.yaml\nout: notes.txt\nledger: jdbc:mysql://h/db?password=pw\n");
        Configuration c = read(Map.of());
        assertEquals(List.of(dirFile + ", line 1: policy: 'county.yaml' is not an existing policy file",
                dirFile + ", line 2: out: 'notes.txt' is not a folder",
                dirFile + ", line 3: ledger: 'jdbc:mysql://h/db?password=***' is not a ledger file (SQLite) or a "
                        + "jdbc:postgresql: URL"), english(c));
        assertEquals(dirFile + " 第1行：policy 的值“county.yaml”无效，应为 已存在的政策文件",
                c.problems().get(0).in(Texts.ZH));
        assertEquals(dirFile + " 第2行：out 的值“notes.txt”无效，应为 文件夹", c.problems().get(1).in(Texts.ZH));
        c = read(Map.of("SUBSIDY_POLICY", "nowhere.yaml"));
        assertEquals(List.of("environment variable SUBSIDY_POLICY: 'nowhere.yaml' is not an existing policy file"),
                english(c).subList(3, 4));
        assertEquals("环境变量 SUBSIDY_POLICY 的值“nowhere.yaml”无效，应为 已存在的政策文件", c.problems().get(3).in(Texts.ZH));
    }
}
