package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.CommandLineRun;
import subsidy.CommandLineRun.Result;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.Program;

/**
 * The periods of force of the shipped policies (issue 18): the default and 保山 policies are 2022 plans
 * (「政策执行期限至2022年12月31日」 seed 003 @10795, 「2022年1月1日至12月31日」 @10947, 「实施期限截至2022年年底」
 * @11359), 临夏 is 2020's, the national refund's 2023 version is open-ended, and the tiered policy, whose
 * seed masks its years, is undated.
 */
class PeriodOfForceTest {
    private static final Path DEFAULT = Path.of("config/policy.yaml");
    private static final Path BAOSHAN = Path.of("config/baoshan-2022.yaml");
    private static final Path NATIONAL = Path.of("config/national-ui-refund.yaml");
    private static final Path TIERED = Path.of("config/tiered-stable-job.yaml");
    private static final LocalDate FIRST_2022 = LocalDate.of(2022, 1, 1);
    private static final LocalDate LAST_2022 = LocalDate.of(2022, 12, 31);

    @TempDir
    Path tmp;

    private static List<String> inForce(Path policy, LocalDate d) throws PolicyException {
        return PolicyLoader.load(policy, Resolution.on(d)).programs().stream().map(Program::id).toList();
    }

    @Test
    void everyProgramOfTheDefaultAndBaoshanPoliciesIsInForceOnTheFirstAndLastDayOf2022() throws Exception {
        assertEquals(List.of("stable_job_refund", "hiring_subsidy", "absorption_subsidy", "retention_training",
                "skills_certificate", "rent_waiver"), inForce(DEFAULT, FIRST_2022));
        assertEquals(inForce(DEFAULT, FIRST_2022), inForce(DEFAULT, LAST_2022));
        assertEquals(List.of("stable_job_refund", "hiring_subsidy", "retention_training", "rent_waiver"),
                inForce(BAOSHAN, FIRST_2022));
        assertEquals(inForce(BAOSHAN, FIRST_2022), inForce(BAOSHAN, LAST_2022));
        assertEquals(inForce(DEFAULT, LAST_2022),
                PolicyLoader.bundled(Resolution.on(LAST_2022)).programs().stream().map(Program::id).toList());
    }

    @Test
    void the2022PlansPayNothingOutside2022AndSayWhenTheyAreInForce() {
        for (Path policy : List.of(DEFAULT, BAOSHAN)) {
            for (LocalDate d : List.of(LocalDate.of(2021, 12, 31), LocalDate.of(2023, 1, 1),
                    LocalDate.of(2026, 1, 1))) {
                PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(policy,
                        Resolution.on(d)), policy + " on " + d);
                String id = policy == DEFAULT ? "yunnan-2022-default" : "baoshan-2022";
                assertEquals(List.of("policy " + id + ": no program is in force on " + d + "; its programs are in force "
                        + "from 2022-01-01 to 2022-12-31; give --as-of with a date in that period, e.g. --as-of "
                        + (d.getYear() < 2022 ? FIRST_2022 : LAST_2022)), e.problems());
            }
        }
    }

    @Test
    void asOf2026_01_01DoesNotPayThe2022PlansOnTheCommandLine() {
        for (List<String> policy : List.of(List.<String>of(), List.of("--policy", BAOSHAN.toString()))) {
            String sample = policy.isEmpty() ? "samples/firms.csv" : "samples/baoshan-2022.csv";
            List<String> args = new java.util.ArrayList<>(List.of("calc", "--input", sample, "--as-of", "2026-01-01",
                    "--out", tmp.resolve("out" + policy.size()).toString()));
            args.addAll(policy);
            Result r = CommandLineRun.run(args.toArray(String[]::new));
            assertEquals(3, r.exit(), r.err());
            assertTrue(r.err().contains("no program is in force on 2026-01-01; its programs are in force from "
                    + "2022-01-01 to 2022-12-31; give --as-of with a date in that period, e.g. --as-of 2022-12-31"),
                    r.err());
            assertTrue(!java.nio.file.Files.exists(tmp.resolve("out" + policy.size())), "nothing written");
        }
    }

    @Test
    void theNational2023VersionIsOpenEnded() throws Exception {
        Policy p = PolicyLoader.load(NATIONAL, Resolution.on(LocalDate.of(2026, 1, 1)));
        assertEquals(List.of("stable_job_refund"), p.programs().stream().map(Program::id).toList());
        assertEquals("失业保险稳岗返还(2023 年起)", p.programs().get(0).title());
        PolicyException before = assertThrows(PolicyException.class,
                () -> PolicyLoader.load(NATIONAL, Resolution.on(LocalDate.of(2021, 12, 31))));
        assertEquals(List.of("policy national-ui-refund-2022-2023: no program is in force on 2021-12-31; its programs"
                + " are in force from 2022-01-01 on; give --as-of with a date in that period, e.g. --as-of 2022-01-01"
                + " (stable_job_refund: no version in force on 2021-12-31)"),
                before.problems());
    }

    @Test
    void theTieredPolicyWhoseSeedMasksItsYearsIsUndated() throws Exception {
        Policy undated = PolicyLoader.load(TIERED, Resolution.UNDATED);
        assertEquals(null, undated.asOf());
        assertEquals(List.of("stable_job_subsidy"), undated.programs().stream().map(Program::id).toList());
        assertEquals(List.of("stable_job_subsidy"), inForce(TIERED, LocalDate.of(2026, 1, 1)));
    }

    /**
     * Programs whose periods differ are each named after the time the policy is in force, so the clerk sees
     * which is which; a gap between them (2021) is not said to be in force.
     */
    @Test
    void programsWithDifferentPeriodsAreEachNamed() {
        String yaml = """
                id: two-years
                title: t
                sources:
                  s: {file: s.txt, title: s}
                programs:
                  a:
                    kind: fixed
                    title: a
                    limit: {kind: none}
                    source: [{seed: s, words: w}]
                    valid_from: 2020-01-01
                    valid_to: 2020-12-31
                    amount: 1
                  b:
                    kind: fixed
                    title: b
                    limit: {kind: none}
                    source: [{seed: s, words: w}]
                    valid_from: 2022-01-01
                    valid_to: 2022-06-30
                    amount: 1
                """;
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.parse(
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "two.yaml", Resolution.on(LAST_2022)));
        assertEquals(List.of("policy two-years: no program is in force on 2022-12-31; its programs are in force from "
                + "2020-01-01 to 2020-12-31 and from 2022-01-01 to 2022-06-30; give --as-of with a date in one of those "
                + "periods, e.g. --as-of 2022-06-30 "
                + "(a: in force from 2020-01-01 to 2020-12-31, not on 2022-12-31; "
                + "b: in force from 2022-01-01 to 2022-06-30, not on 2022-12-31)"), e.problems());
    }

    private static final String OPEN_ENDS = """
            id: open-ends
            title: t
            sources:
              s: {file: s.txt, title: s}
            programs:
              a:
                kind: fixed
                title: a
                limit: {kind: none}
                source: [{seed: s, words: w}]
                valid_to: 2020-12-31
                amount: 1
              b:
                kind: fixed
                title: b
                limit: {kind: none}
                source: [{seed: s, words: w}]
                valid_from: 2022-01-01
                amount: 1
            """;

    private static List<String> problemsOn(String yaml, LocalDate d) {
        return assertThrows(PolicyException.class, () -> PolicyLoader.parse(
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "p.yaml", Resolution.on(d))).problems();
    }

    /**
     * Programs in force until a day and from a later one, with the as-of date in the gap: each part of
     * the time they are in force is named with its open end, and the date suggested is in one of them.
     */
    @Test
    void nothingInForceNamesOpenEndsAndSuggestsADateInsideAPeriod() {
        assertEquals(List.of("policy open-ends: no program is in force on 2021-06-30; its programs are in force "
                + "until 2020-12-31 and from 2022-01-01 on; give --as-of with a date in one of those periods, e.g. "
                + "--as-of 2020-12-31 (a: in force to 2020-12-31, not on 2021-06-30; "
                + "b: in force from 2022-01-01, not on 2021-06-30)"), problemsOn(OPEN_ENDS, LocalDate.of(2021, 6, 30)));
        assertEquals(List.of("policy open-ends: no program is in force on 2021-10-01; its programs are in force "
                + "until 2020-12-31 and from 2022-01-01 on; give --as-of with a date in one of those periods, e.g. "
                + "--as-of 2022-01-01 (a: in force to 2020-12-31, not on 2021-10-01; "
                + "b: in force from 2022-01-01, not on 2021-10-01)"), problemsOn(OPEN_ENDS, LocalDate.of(2021, 10, 1)));
    }

    /** Only an open start: "until" its end, and that end is the date to give. */
    @Test
    void nothingInForceNamesAnOpenStartAsUntil() {
        String yaml = OPEN_ENDS.replace("    valid_from: 2022-01-01\n", "    valid_to: 2019-06-30\n");
        assertEquals(List.of("policy open-ends: no program is in force on 2021-06-30; its programs are in force "
                + "until 2020-12-31; give --as-of with a date in that period, e.g. --as-of 2020-12-31 "
                + "(a: in force to 2020-12-31, not on 2021-06-30; b: in force to 2019-06-30, not on 2021-06-30)"),
                problemsOn(yaml, LocalDate.of(2021, 6, 30)));
    }
}
