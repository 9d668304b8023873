package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import subsidy.CommandLineRun.Result;

/**
 * The language's default from the configuration (issue 19, the part of issue 21 it needs): a configured
 * Chinese gives Chinese help and outputs, {@code --lang} wins, nothing configured is English whatever
 * the locale, a bad configuration is one clear usage error, and the manifest records what was read.
 */
class ConfigurationCliTest extends ConfiguredCli {
    private Result calc(Map<String, String> env, Path out, String... more) {
        String[] args = {"calc", "--input", "samples/firms.csv", "--as-of", "2022-06-30", "--out", out.toString(),
            "--quiet"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(env, all);
    }

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    @Test
    void nothingConfiguredIsEnglishWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Result r = run(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "zh_CN.UTF-8", "LC_MESSAGES", "zh_CN.UTF-8"),
                    "calc", "--help");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("Usage: subsidy calc "), r.out());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aChineseUserConfigurationGivesChineseHelp() throws IOException {
        write(userFile, "lang: zh\n");
        for (String[] args : new String[][] {{"calc", "--help"}, {"--help"}, {"help", "verify"}}) {
            Result r = run(Map.of(), args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("用法：subsidy"), r.out());
        }
        assertTrue(run(Map.of(), "--version").out().contains("\n内置政策："));
    }

    @Test
    void theVariableGivesChineseToo() {
        Result r = run(Map.of("SUBSIDY_LANG", "zh"), "calc", "--help");
        assertTrue(r.out().startsWith("用法：subsidy calc "), r.out());
    }

    @Test
    void userThenDirectoryThenVariableThenFlag() throws IOException {
        write(userFile, "lang: zh\n");
        write(dirFile, "lang: en\n");
        assertTrue(run(Map.of(), "calc", "--help").out().startsWith("Usage: subsidy calc "), "directory over user");
        assertTrue(run(Map.of("SUBSIDY_LANG", "zh"), "calc", "--help").out().startsWith("用法：subsidy calc "),
                "variable over directory");
        assertTrue(run(Map.of("SUBSIDY_LANG", "zh"), "calc", "--help", "--lang", "en").out()
                .startsWith("Usage: subsidy calc "), "flag over variable");
        assertTrue(run(Map.of("SUBSIDY_LANG", "zh"), "--lang", "en", "calc", "--help").out()
                .startsWith("Usage: subsidy calc "), "the top command's flag too");
    }

    @Test
    void aUsageErrorIsInTheConfiguredLanguage() throws IOException {
        write(dirFile, "lang: zh\n");
        Result r = run(Map.of(), "calc");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: 缺少必需的选项或参数：'--input=FILE'\n用 'subsidy calc --help --lang zh' 查看用法。\n",
                r.err());
    }

    @Test
    void aChineseConfigurationWritesChineseOutputsAndTheManifestRecordsIt() throws IOException {
        write(dirFile, "lang: zh\n");
        Path out = tmp.resolve("out");
        Result r = calc(Map.of(), out);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("report.csv"), StandardCharsets.UTF_8).contains("统一社会信用代码"));
        JsonNode m = manifest(out);
        assertEquals("zh", m.path("lang").asText());
        assertEquals(dirFile.toString(), m.path("config").path("read").path(0).asText());
        assertEquals(1, m.path("config").path("read").size());
        assertEquals("zh", m.path("config").path("set").path("lang").asText());
    }

    @Test
    void theManifestRecordsWhatTheConfigurationSetEvenWhenTheFlagWins() throws IOException {
        write(userFile, "lang: zh\n");
        Path out = tmp.resolve("out");
        Result r = calc(Map.of("SUBSIDY_LANG", "zh"), out, "--lang", "en");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("report.csv"), StandardCharsets.UTF_8).startsWith("\uFEFFentity_id,"));
        JsonNode m = manifest(out);
        assertEquals("en", m.path("lang").asText(), "what the run used");
        assertEquals("[\"" + userFile + "\",\"$SUBSIDY_LANG\"]", m.path("config").path("read").toString());
        assertEquals("zh", m.path("config").path("set").path("lang").asText(), "what the configuration set");
    }

    @Test
    void withoutConfigurationTheManifestIsAsBefore() throws IOException {
        Path out = tmp.resolve("out");
        Result r = calc(Map.of(), out);
        assertEquals(0, r.exit(), r.err());
        JsonNode m = manifest(out);
        assertFalse(m.has("config"), m.toString());
        assertEquals("en", m.path("lang").asText());
        // And the configured English run's report is the same bytes as the unconfigured one.
        write(dirFile, "lang: en\n");
        Path configured = tmp.resolve("configured");
        assertEquals(0, calc(Map.of(), configured).exit());
        assertEquals(Files.readString(out.resolve("report.csv")), Files.readString(configured.resolve("report.csv")));
        assertTrue(manifest(configured).has("config"));
    }

    @Test
    void aBadFileIsOneClearUsageErrorAndNothingRuns() throws IOException {
        write(dirFile, "lang: zh\nledgr: x.db\n");
        Path out = tmp.resolve("out");
        Result r = calc(Map.of(), out, "--lang", "en");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: " + dirFile + ", line 2: unknown key 'ledgr'; the keys are: lang, policy, ledger, out\n"
                + "Correct it or remove it: no command runs on a configuration it cannot read.\n", r.err());
        assertFalse(Files.exists(out));
        // Without the flag, in the language the configuration does set.
        r = run(Map.of(), "--help");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("", r.out());
        assertEquals("subsidy: " + dirFile + " 第2行：未知的键“ledgr”；可用的键：lang, policy, ledger, out\n"
                + "请改正或删除该配置：配置无法读取时，任何命令都不运行。\n", r.err());
    }

    @Test
    void aBadVariableIsAUsageError() {
        Result r = run(Map.of("SUBSIDY_LANG", "chinese"), "calc", "--help");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: environment variable SUBSIDY_LANG: 'chinese' is not zh or en\n"
                + "Correct it or remove it: no command runs on a configuration it cannot read.\n", r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void theTestEntryReadsNoConfiguration() {
        // Main.run(String...) is what the other tests call: never the machine's files or variables.
        assertTrue(subsidy.CommandLineRun.run("calc", "--help").out().startsWith("Usage: subsidy calc "));
    }
}
