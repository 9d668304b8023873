package subsidy.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every case file under config/tests/ through the runner {@code subsidy test} uses, so that
 * {@code mvn verify} fails when a case of a shipped policy fails; the message names each failed case
 * with its table of expected and computed values.
 */
class ShippedPolicyCasesTest {
    private static final Path CONFIG = Path.of("config");
    private static final Path TESTS = CONFIG.resolve("tests");

    @Test
    void everyCaseOfEveryShippedPolicyPasses() throws Exception {
        List<String> failed = new ArrayList<>();
        int run = 0;
        for (Path f : CaseLoader.filesUnder(TESTS)) {
            CaseFile file = CaseLoader.load(f); // an unusable file fails the test with its problems
            assertFalse(file.cases().isEmpty(), f.toString());
            for (CaseResult r : CaseRunner.run(file)) {
                run++;
                if (!r.passed()) {
                    failed.add(String.join("\n", CaseReport.lines(r)));
                }
            }
        }
        assertTrue(failed.isEmpty(), failed.size() + " case(s) failed:\n" + String.join("\n", failed));
        assertTrue(run >= 130, "the shipped cases are all found: " + run);
    }

    @Test
    void everyPolicyInConfigHasItsCaseFileNamingIt() throws Exception {
        List<Path> policies;
        try (Stream<Path> s = Files.list(CONFIG)) {
            policies = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(policies.isEmpty());
        for (Path policy : policies) {
            Path cases = TESTS.resolve(policy.getFileName());
            assertTrue(Files.isRegularFile(cases), policy + " has no case file " + cases);
            assertEquals(policy.toAbsolutePath().normalize(),
                    CaseLoader.load(cases).policy().toAbsolutePath().normalize(), cases + " tests " + policy);
        }
    }

    @Test
    void noCaseFileIsLeftWithoutItsPolicy() throws IOException {
        for (Path f : CaseLoader.filesUnder(TESTS)) {
            assertTrue(Files.isRegularFile(CONFIG.resolve(f.getFileName())), f + " names no policy of config/");
        }
    }
}
