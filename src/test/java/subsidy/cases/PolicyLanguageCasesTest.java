package subsidy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The policy language's features — money, rate, date and code columns, kinds share and table, caps,
 * least amounts, figures chosen within a range, month windows, deadlines, rent counted inside a
 * window — each worked by hand in src/test/resources/policies/tests/language.yaml against a test
 * policy beside it, and run as {@code subsidy test} runs a shipped policy's cases.
 */
class PolicyLanguageCasesTest {
    private static final Path CASES = Path.of("src/test/resources/policies/tests/language.yaml");

    @Test
    void everyCaseOfThePolicyLanguageTestPolicyPasses() throws Exception {
        CaseFile file = CaseLoader.load(CASES);
        List<String> failed = new ArrayList<>();
        List<CaseResult> results = CaseRunner.run(file);
        for (CaseResult r : results) {
            if (!r.passed()) {
                failed.add(String.join("\n", CaseReport.lines(r)));
            }
        }
        assertTrue(failed.isEmpty(), failed.size() + " case(s) failed:\n" + String.join("\n", failed));
        assertEquals(43, results.size(), "every case is found");
    }
}
