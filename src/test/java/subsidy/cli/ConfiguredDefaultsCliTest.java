package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import subsidy.CommandLineRun.Result;

/**
 * Issue 21: a county's policy, ledger and output folder from the configuration (file, then variable, then
 * flag), recorded in the manifest; and the warning when the bundled policy's example region lists are used.
 */
class ConfiguredDefaultsCliTest extends ConfiguredCli {
    static final Path FIRMS = Path.of("samples/firms.csv").toAbsolutePath();
    static final Path BAOSHAN = Path.of("config/baoshan-2022.yaml").toAbsolutePath();
    static final Path YUANJIANG = Path.of("config/national-ui-refund.yaml").toAbsolutePath();
    static final String WARNING = "subsidy: warning: the bundled policy's lists of risk areas are examples "
            + "(530428, 530502); give your county's policy with --policy or policy: in the configuration";
    static final String WARNING_ZH = "subsidy: 警告：内置政策中的中高风险地区名单仅为示例（530428, 530502）；"
            + "请用 --policy 或配置中的 policy: 指定本县政策";

    private static JsonNode manifest(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    private Result calc(Map<String, String> env, Path out, String... more) {
        String[] args = {"calc", "--input", FIRMS.toString(), "--as-of", "2022-06-30", "--out", out.toString(),
            "--quiet"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(env, all);
    }

    @Test
    void thePolicyComesFromTheFileThenTheVariableThenTheFlag() throws IOException {
        write(userFile, "policy: county.yaml\n"); // beside the file, not the working directory
        Files.copy(BAOSHAN, home.resolve(".config/subsidy/county.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path out = tmp.resolve("a");
        Result r = calc(Map.of(), out);
        assertEquals(0, r.exit(), r.err());
        JsonNode m = manifest(out);
        assertEquals("baoshan-2022", m.path("policy").path("id").asText());
        assertEquals(home.resolve(".config/subsidy/county.yaml").toString(), m.path("policy").path("file").asText());
        assertEquals(home.resolve(".config/subsidy/county.yaml").toString(),
                m.path("config").path("set").path("policy").asText(), "the manifest records what the file set");
        assertFalse(r.err().contains("warning"), r.err());

        out = tmp.resolve("b");
        r = calc(Map.of("SUBSIDY_POLICY", YUANJIANG.toString()), out);
        assertEquals("national-ui-refund-2022-2023", manifest(out).path("policy").path("id").asText(), "the variable over the file");
        assertEquals(YUANJIANG.toString(), manifest(out).path("config").path("set").path("policy").asText());

        out = tmp.resolve("c");
        r = calc(Map.of("SUBSIDY_POLICY", YUANJIANG.toString()), out, "--policy", "config/policy.yaml");
        assertEquals(0, r.exit(), r.err());
        assertEquals("yunnan-2022-default", manifest(out).path("policy").path("id").asText(), "the flag over both");
        assertEquals(YUANJIANG.toString(), manifest(out).path("config").path("set").path("policy").asText(),
                "set is what the configuration said, before the flag");
    }

    @Test
    void aPeriodWritesUnderTheConfiguredOutFolderAndRecordsInTheConfiguredLedger() throws IOException {
        write(dirFile, "out: reports\nledger: county.db\n");
        Result r = run(Map.of(), "calc", "--input", FIRMS.toString(), "--period", "2022-06", "--quiet");
        assertEquals(0, r.exit(), r.err());
        Path report = work.resolve("reports/2022-06");
        assertTrue(Files.isRegularFile(report.resolve("report.csv")), r.err());
        assertTrue(Files.isRegularFile(work.resolve("county.db")), "the ledger beside the configuration file");
        JsonNode m = manifest(report);
        assertEquals(work.resolve("reports").toString(), m.path("config").path("set").path("out").asText());
        assertEquals(work.resolve("county.db").toString(), m.path("config").path("set").path("ledger").asText());
        assertEquals("2022-06", m.path("period").asText());

        // The flags win: another folder, another ledger.
        Path out = tmp.resolve("mine");
        Path other = tmp.resolve("other.db");
        r = run(Map.of(), "calc", "--input", FIRMS.toString(), "--period", "2022-07", "--quiet", "--out", out.toString(),
                "--ledger", other.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("report.csv")));
        assertFalse(Files.exists(work.resolve("reports/2022-07")));
        assertTrue(Files.isRegularFile(other));

        // Without --period the run is a trial: the report on standard output, no ledger read.
        r = run(Map.of(), "calc", "--input", FIRMS.toString(), "--as-of", "2022-06-30", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("\uFEFFentity_id,") || r.out().startsWith("entity_id,"), r.out());
    }

    @Test
    void explainWithAPeriodReadsTheConfiguredLedgerAsCalcRecordsInIt() throws IOException {
        write(dirFile, "out: reports\nledger: county.db\n");
        assertEquals(0, run(Map.of(), "calc", "--input", FIRMS.toString(), "--period", "2022-06", "--quiet").exit());
        Result r = run(Map.of(), "explain", "--input", FIRMS.toString(), "--id", "9153040225581193XN", "--period",
                "2022-07");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(work.resolve("county.db").toString()), "explained against the ledger: " + r.err());
        assertTrue(r.out().contains("2022-06 (batch 1)"), "June's payment named: " + r.out());
    }

    @Test
    void theVariablesSetTheOutFolderOverTheFile() throws IOException {
        write(dirFile, "out: reports\n");
        Result r = run(Map.of("SUBSIDY_OUT", tmp.resolve("elsewhere").toString()), "calc", "--input", FIRMS.toString(),
                "--period", "2022-06", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("elsewhere/2022-06/report.csv")));
        assertFalse(Files.exists(work.resolve("reports")));
    }

    @Test
    void aBadConfiguredPolicyIsAUsageErrorNamingTheFileLineAndKey() throws IOException {
        write(dirFile, "lang: en\npolicy: county.yaml\n");
        Result r = run(Map.of(), "calc", "--input", FIRMS.toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("subsidy: " + dirFile + ", line 2: policy: 'county.yaml' is not an existing policy file\n"
                + "Correct it or remove it: no command runs on a configuration it cannot read.\n", r.err());
        r = run(Map.of("SUBSIDY_LANG", "zh"), "calc", "--input", FIRMS.toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("subsidy: " + dirFile + " 第2行：policy 的值“county.yaml”无效，应为 已存在的政策文件\n"),
                r.err());
    }

    @Test
    void theBundledPolicyWarnsOfItsExampleRegionListsInBothLanguages() {
        Result r = calc(Map.of(), tmp.resolve("en"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith(WARNING + "\n"), r.err());
        r = calc(Map.of(), tmp.resolve("zh"), "--lang", "zh");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith(WARNING_ZH + "\n"), r.err());
    }

    @Test
    void aPolicyGivenByFlagOrConfigurationGivesNoWarningEvenTheSameFile() throws IOException {
        Result r = calc(Map.of(), tmp.resolve("flag"), "--policy", "config/policy.yaml");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
        r = calc(Map.of("SUBSIDY_LANG", "zh"), tmp.resolve("flagzh"), "--policy", "config/policy.yaml");
        assertFalse(r.err().contains("警告"), r.err());
        write(dirFile, "policy: " + Path.of("config/policy.yaml").toAbsolutePath() + "\n");
        r = calc(Map.of(), tmp.resolve("configured"));
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
    }

    @Test
    void policyShowShowsTheConfiguredPolicyUnlessGivenOne() throws IOException {
        write(dirFile, "policy: " + BAOSHAN + "\n");
        Result r = run(Map.of(), "policy", "show", "--as-of", "2022-06-30");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("baoshan-2022"), r.out());
        r = run(Map.of(), "policy", "show", "config/policy.yaml", "--as-of", "2022-06-30");
        assertTrue(r.out().contains("yunnan-2022-default"), r.out());
    }

    @Test
    void explainWarnsTooUnlessGivenAPolicy() {
        Result r = run(Map.of(), "explain", "--input", FIRMS.toString(), "--as-of", "2022-06-30", "--id",
                "9153040225581193XN");
        assertTrue(r.err().startsWith(WARNING + "\n"), r.err());
        r = run(Map.of(), "explain", "--input", FIRMS.toString(), "--as-of", "2022-06-30", "--id",
                "9153040225581193XN", "--policy", "config/policy.yaml");
        assertFalse(r.err().contains("warning"), r.err());
    }
}
