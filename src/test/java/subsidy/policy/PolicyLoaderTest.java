package subsidy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.program.Program;

/** Strict policy loading: every problem named by key path and line, all of them at once. */
class PolicyLoaderTest {
    static final String DEFAULT = read();

    /** The default policy is the 2022 plans: read on a 2022 date. */
    static final Resolution IN_2022 = Resolution.on(subsidy.DefaultPolicy.AS_OF);

    static String read() {
        try {
            return Files.readString(Path.of("config/policy.yaml"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> problems(String yaml) {
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", IN_2022));
        return e.problems();
    }

    static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void bundledPolicyIsTheConfigFileWithSixProgramsInReportOrder() throws Exception {
        Policy p = PolicyLoader.bundled(IN_2022);
        assertEquals("yunnan-2022-default", p.id());
        assertEquals(List.of("stable_job_refund", "hiring_subsidy", "absorption_subsidy", "retention_training",
                "skills_certificate", "rent_waiver"), p.programs().stream().map(Program::id).toList());
        assertEquals(PolicyLoader.parse(DEFAULT.getBytes(StandardCharsets.UTF_8), "x", IN_2022).sha256(), p.sha256());
    }

    @Test
    void unknownKeyIsNamedWithPathAndLine() {
        String yaml = DEFAULT.replace("    layoff_rate_max: 0.055\n", "    layoff_rate_max: 0.055\n    bonus: 1\n");
        int line = lineOf(yaml, "bonus: 1");
        assertEquals(List.of("programs.stable_job_refund.bonus (line " + line + "): unknown or misplaced key 'bonus'"),
                problems(yaml));
    }

    @Test
    void misplacedKeyIsAnError() {
        String yaml = DEFAULT.replace("      flags_false: [serious_dishonesty]\n",
                "      flags_false: [serious_dishonesty]\n      months: 3\n");
        assertTrue(problems(yaml).get(0).startsWith("programs.stable_job_refund.who.months (line "));
    }

    @Test
    void missingValueAndWrongTypeAreAllListed() {
        String yaml = DEFAULT.replace("    small_unit_insured_max: 30\n", "")
                .replace("medium: 0.90", "medium: ninety")
                .replace("      - {column: cert_senior, amount: 2000}", "      - {column: cert_master, amount: 2000}");
        List<String> p = problems(yaml);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).contains("missing required key 'small_unit_insured_max'"), p.get(0));
        assertTrue(p.get(1).startsWith("programs.stable_job_refund.rates.medium (line " + lineOf(yaml, "ninety")
                + "): expected a number"), p.get(1));
        assertTrue(p.get(2).contains("'cert_master' is not a count input column"), p.get(2));
    }

    @Test
    void anchorsAndAliasesAreRefused() {
        String yaml = DEFAULT.replace("    layoff_rate_max: 0.055", "    layoff_rate_max: &r 0.055")
                .replace("small_unit_layoff_rate_max: 0.20", "small_unit_layoff_rate_max: *r");
        assertTrue(problems(yaml).stream().allMatch(s -> s.contains("anchors and aliases")), problems(yaml)::toString);
    }

    @Test
    void duplicateKeyIsRefused() {
        String yaml = DEFAULT.replace("    months: 3\n", "    months: 3\n    months: 4\n");
        assertTrue(problems(yaml).get(0).contains("key 'months' appears twice"));
    }

    @Test
    void rateAboveOneAndUnknownRegionListAreErrors() {
        String yaml = DEFAULT.replace("large: 0.50", "large: 50").replace("region_in: risk_county_2022\n      months: 6",
                "region_in: risk_area_2023\n      months: 6");
        List<String> p = problems(yaml);
        assertTrue(p.get(0).contains("a rate is between 0 and 1"), p.toString());
        assertTrue(p.get(1).contains("'risk_area_2023' is not one of region_lists"), p.toString());
    }

    /** An offset past what an int holds was cut to its low 32 bits: 4294977962 became 10666 and passed. */
    @Test
    void aCitationOffsetBeyondAnyFileIsAProblemNotCutShort() {
        List<String> p = problems(DEFAULT.replaceFirst("at: 10666\n", "at: 4294977962\n"));
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains(": 4294977962 is not an offset into a source file"), p.get(0));
    }

    @Test
    void malformedYamlIsAProblemNotACrash() {
        assertTrue(problems("id: [unclosed\n").get(0).contains("not valid YAML"));
        assertTrue(problems("").get(0).contains("empty"));
    }

    /** A syntax error names its line and column, as every other problem names its line. */
    @Test
    void yamlSyntaxErrorNamesLineAndColumn() {
        List<String> tab = problems("id: x\nprograms:\n\tfoo: 1\n");
        assertEquals(1, tab.size(), tab.toString());
        assertTrue(tab.get(0).startsWith("line 3, column 1: not valid YAML: "), tab.get(0));
        assertTrue(tab.get(0).contains("TAB"), tab.get(0));
        List<String> colon = problems("id: x\ntitle: a: b\n");
        assertTrue(colon.get(0).startsWith("line 2, column 9: not valid YAML: "), colon.get(0));
    }

    /** SPEC §4: program ids are the report's column names, so none may be another column of it. */
    @Test
    void programIdThatIsAnotherReportColumnIsAnError() {
        String total = DEFAULT.replace("\n  skills_certificate:", "\n  total:");
        assertEquals(List.of("programs.total (line " + lineOf(total, "  total:")
                + "): 'total' is a column of report.csv already; a program id names a column of its own"),
                problems(total));
        String months = DEFAULT.replace("\n  skills_certificate:", "\n  rent_waiver_months:");
        assertEquals(List.of("programs.rent_waiver_months (line " + lineOf(months, "  rent_waiver_months:")
                + "): 'rent_waiver_months' is a column of report.csv already; a program id names a column of its own"),
                problems(months));
    }

    /** A size tier that every firm meeting it would meet a higher tier first is a typo in the table. */
    @Test
    void sizeTierNoFirmCanReachIsAWarning() throws Exception {
        assertEquals(List.of(), PolicyLoader.parse(DEFAULT.getBytes(StandardCharsets.UTF_8), "test.yaml", IN_2022).warnings());
        String yaml = SizeTableIncludeTest.inlined(DEFAULT).replace(
                "      small: {employees: 10, revenue: 100}\n    - label: transport",
                "      small: {employees: 100, revenue: 600}\n    - label: transport");
        assertEquals(List.of("firm_size.rows[4].small (line " + lineOf(yaml, "small: {employees: 100, revenue: 600}")
                + "): no firm can be small here: one that meets employees ≥ 100, revenue ≥ 600万 meets medium"
                + " (employees ≥ 50, revenue ≥ 500万) first"),
                PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", IN_2022).warnings());
    }

    /** A group that names one program twice combines nothing: it is refused like a group of one. */
    @Test
    void exclusiveGroupNamingOneProgramTwiceIsAnError() throws Exception {
        String yaml = Files.readString(Path.of("config/linxia-2020.yaml"))
                .replace("programs: [poor_hire_reward, workshop_reward]", "programs: [poor_hire_reward, poor_hire_reward]");
        List<String> p = assertThrows(PolicyException.class, () -> PolicyLoader.parse(
                yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", Resolution.CHECK)).problems();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).endsWith("'poor_hire_reward' is named twice; a group needs two programs or more"), p.get(0));
    }

    /** Every problem names its line, those about one item of a list or a table too. */
    @Test
    void problemsWithAnItemNameTheLineOfItsKey() {
        String yaml = DEFAULT.replaceFirst("\"530428\": 元江", "\"53042\": 元江") // the first listing only
                .replace("industry_prefixes: [H62, F52,", "industry_prefixes: [h62, F52,")
                .replaceFirst("entity_types: \\[enterprise\\]", "entity_types: [企业]");
        List<String> p = problems(yaml);
        assertEquals(List.of(
                "region_lists.risk_area_2022.codes.53042 (line " + lineOf(yaml, "\"53042\"") + "): a region code has 6 digits",
                "programs.hiring_subsidy.who.entity_types (line " + lineOf(yaml, "entity_types: [企业]")
                        + "): '企业' is not one of [enterprise, individual_business, nonprofit]",
                "programs.retention_training.who.any_of[1].industry_prefixes (line " + lineOf(yaml, "[h62, F52")
                        + "): 'h62' is not a GB/T 4754 code prefix like H62"),
                p);
    }

    static final String OVER_LIMIT = "the file is over 1 MiB (more than 1048576 bytes); a policy may have at most 1 MiB";

    static List<String> loadProblems(Path file) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(file));
        return e.problems();
    }

    /** The 1 MiB limit is counted in bytes read, so a device that never ends is refused at once. */
    @Test
    void policyLimitHoldsForADeviceThatNeverEnds() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
        List<String> p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> loadProblems(Path.of("/dev/zero")));
        assertEquals(List.of(OVER_LIMIT), p);
    }

    /** A named pipe has no size to ask for: the limit is what was read from it, and no more is read. */
    @Test
    void policyLimitHoldsForANamedPipe(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("policy.fifo");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            byte[] block = "# ".concat("x".repeat(8190)).concat("\n").getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(fifo)) {
                for (int i = 0; i < 100_000; i++) {
                    out.write(block);
                    written.addAndGet(block.length);
                }
            } catch (IOException closedByReader) {
                // the loader stopped reading, as it should
            }
        });
        writer.start();
        List<String> p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> loadProblems(fifo));
        writer.join(10_000);
        assertEquals(List.of(OVER_LIMIT), p);
        assertTrue(written.get() < 4L << 20, "read far past the limit: " + written.get());
    }

    /** Any stream: exactly the limit is a size a policy may have (and then it is read as YAML), one byte more is not. */
    @Test
    void policyLimitCountsTheBytesOfAnyStream() throws Exception {
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return '#';
            }
        };
        assertEquals(List.of(OVER_LIMIT), assertThrows(PolicyException.class,
                () -> PolicyLoader.read(endless, "endless", Resolution.UNDATED)).problems());
        assertEquals((1 << 20) + 1, served.get());
        byte[] exactly = new byte[1 << 20];
        java.util.Arrays.fill(exactly, (byte) '#');
        List<String> atLimit = assertThrows(PolicyException.class, () -> PolicyLoader.read(
                new java.io.ByteArrayInputStream(exactly), "exact", Resolution.UNDATED)).problems();
        assertFalse(atLimit.contains(OVER_LIMIT), atLimit.toString());
        byte[] oneMore = java.util.Arrays.copyOf(exactly, exactly.length + 1);
        oneMore[exactly.length] = '#';
        assertEquals(List.of(OVER_LIMIT), problems(new String(oneMore, StandardCharsets.UTF_8)));
    }

    /** A key or value the policy file holds is quoted in problems and warnings with its control characters escaped. */
    @Test
    void controlCharactersOfThePolicyAreEscapedInProblems() {
        String yaml = DEFAULT.replace("    layoff_rate_max: 0.055\n", "    layoff_rate_max: 0.055\n    \"b\\e[2J\\u202e\": 1\n");
        List<String> p = problems(yaml);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).contains("'b\\x1b[2J\\u202e'"), p.get(0));
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "x\u001b]0;t\u0007.yaml", IN_2022));
        assertTrue(e.getMessage().startsWith("x\\x1b]0;t\\x07.yaml: 1 problem(s):\n  "), e.getMessage());
    }

    /** rent_period needs both ends, in order: a waiver is of a bounded period's rent. */
    @Test
    void rentPeriodNeedsBothEndsInOrder() {
        String open = DEFAULT.replace("rent_period: {from: 2022-01-01, to: 2022-12-31}", "rent_period: {from: 2022-01-01}");
        assertEquals(List.of("programs.rent_waiver.rent_period (line " + lineOf(open, "rent_period:")
                + "): give both 'from' and 'to'"), problems(open));
        String reversed = DEFAULT.replace("rent_period: {from: 2022-01-01, to: 2022-12-31}",
                "rent_period: {from: 2022-12-31, to: 2022-01-01}");
        assertEquals(1, problems(reversed).size(), problems(reversed).toString());
        assertTrue(problems(reversed).get(0).endsWith("2022-01-01 is before from 2022-12-31"), problems(reversed).toString());
    }
}
