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
        write(dirFile, "lang: zh\npolicy: county.yaml\n");
        Configuration c = read(Map.of());
        assertEquals(List.of(dirFile + ", line 2: unknown key 'policy'; the keys are: lang"), english(c));
        assertEquals(dirFile + " 第2行：未知的键“policy”；可用的键：lang", c.problems().get(0).in(Texts.ZH));
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
}
