package subsidy.regimes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static subsidy.regimes.Firms.firm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import subsidy.regimes.Firms.Firm;
import subsidy.cli.Main;
import subsidy.policy.Clause;
import subsidy.policy.Policy;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.program.Program;

/**
 * config/baoshan-2022.yaml — 保山市 2022 (seed 000 篇一, seed 001 方案3): what cannot be a test case.
 * The amounts worked out by hand from the seed text are cases of config/tests/baoshan-2022.yaml, run by
 * {@code subsidy test} and by ShippedPolicyCasesTest; here are the file itself, its citations, and the
 * command line refusing a run without --as-of.
 */
class BaoshanPolicyTest {
    private static final Path POLICY = Path.of("config/baoshan-2022.yaml");
    private static final Path SHARED = Path.of("../shared");
    private static final LocalDate AS_OF = LocalDate.of(2022, 6, 30);
    private static final String TENGCHONG = "530581"; // 腾冲市: not listed

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the file itself

    @Test
    void policyCheckExitsZero() {
        assertEquals(0, Main.run("policy", "check", POLICY.toString()));
    }

    @Test
    void loadsWithTheFourProgramsOfTheBaoshanText() throws Exception {
        Policy p = PolicyLoader.load(POLICY, Resolution.on(AS_OF));
        assertEquals(List.of("stable_job_refund", "hiring_subsidy", "retention_training", "rent_waiver"),
                p.programs().stream().map(Program::id).toList());
        assertEquals(Set.of("530502"), p.regionLists().get("risk_area_2022").codes().keySet(),
                "example listing only: no seed names the 保山 counties listed in 2022");
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void everyCitedPassageIsAtItsOffset() throws Exception {
        assertCitations(POLICY);
    }

    // ------------------------------------------------------------------ the command line

    @Test
    void calcWithoutAsOfIsRefused() throws IOException {
        // hiring_subsidy has a validity window, so a run must say which date's rules apply: exit 3.
        Path csv = writeCsv(List.of(firm("毕业生", "91", TENGCHONG).size("small", "I6510")));
        assertEquals(3, Main.run("calc", "--input", csv.toString(), "--policy", POLICY.toString(),
                "--out", tmp.resolve("none").toString()));
    }

    // ================================================================== helpers

    private Path writeCsv(List<Firm> firms) throws IOException {
        return Firms.writeCsv(tmp, Firms.LEADING, firms);
    }

    // ------------------------------------------------------------------ seed citations

    private static final Pattern CITATION = Pattern.compile(
            "- seed: (\\S+)\\n\\s+at: (\\d+)\\n\\s+words: (.+)\\n");

    /**
     * As SeedCitationTest does for the default policy: every clause the loader reads (programs of every
     * period, region lists, exclusive groups) stands word for word at its offset; and, reading the file
     * as text, so does every other citation in it (firm_size's too) — no `words:` line escapes.
     */
    static void assertCitations(Path policyFile) throws Exception {
        assumeTrue(Files.isDirectory(SHARED.resolve("seeds")), "../shared/seeds is not beside this checkout");
        Policy policy = PolicyLoader.load(policyFile, Resolution.CHECK);
        List<Clause> clauses = new ArrayList<>();
        policy.programs().forEach(p -> clauses.addAll(p.clauses()));
        policy.regionLists().values().forEach(l -> clauses.addAll(l.clauses()));
        policy.groups().forEach(g -> clauses.addAll(g.clauses()));
        assertFalse(clauses.isEmpty());
        for (Clause c : clauses) {
            assertAt(policy, c.seed(), c.at(), c.words());
        }
        String yaml = Files.readString(policyFile, StandardCharsets.UTF_8);
        Matcher m = CITATION.matcher(yaml);
        int found = 0;
        while (m.find()) {
            assertAt(policy, m.group(1), Integer.valueOf(m.group(2)), m.group(3).strip());
            found++;
        }
        long wordsLines = yaml.lines().filter(l -> l.strip().startsWith("words:")).count();
        assertEquals(wordsLines, found, "every words: line is part of a seed/at/words citation");
        assertTrue(found > clauses.size(), "firm_size's citation is checked too");
    }

    private static void assertAt(Policy policy, String seed, Integer at, String words) throws IOException {
        assertTrue(policy.sources().containsKey(seed), seed);
        assertTrue(at != null, seed + ": an offset is given");
        String text = Files.readString(SHARED.resolve(policy.sources().get(seed).file()), StandardCharsets.UTF_8);
        String there = text.substring(at, Math.min(text.length(), at + words.length()));
        assertEquals(words, there, seed + " @" + at);
    }
}
