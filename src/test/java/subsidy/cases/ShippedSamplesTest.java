package subsidy.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shipped policy comes with a sample named after it — samples/NAME.csv for config/NAME.yaml,
 * samples/firms.csv for the default policy — and its case file computes that sample with control
 * totals worked out by hand, so a clerk can try each policy on rows it was written for.
 */
class ShippedSamplesTest {
    private static final Path CONFIG = Path.of("config");

    @Test
    void everyShippedPolicyHasASampleItsCasesComputeWithTotals() throws Exception {
        List<Path> policies;
        try (Stream<Path> s = Files.list(CONFIG)) {
            policies = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(policies.isEmpty());
        for (Path policy : policies) {
            String name = policy.getFileName().toString().replaceFirst("\\.yaml$", "");
            Path sample = Path.of("samples", name.equals("policy") ? "firms.csv" : name + ".csv");
            assertTrue(Files.isRegularFile(sample), policy + " has no sample " + sample);
            CaseFile cases = CaseLoader.load(CONFIG.resolve("tests").resolve(policy.getFileName()));
            boolean computed = cases.cases().stream().anyMatch(c -> c.input() != null && c.totals() != null
                    && c.input().toAbsolutePath().normalize().equals(sample.toAbsolutePath().normalize()));
            assertTrue(computed, "config/tests/" + policy.getFileName() + " has no case computing " + sample
                    + " with its totals");
        }
    }
}
