package subsidy.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import subsidy.cases.CaseFile;
import subsidy.cases.CaseLoader;
import subsidy.cases.CaseReport;
import subsidy.cases.CaseResult;
import subsidy.cases.CaseRunner;

/** The YAML case format works for a household policy: rows by household_id, a ledger, a rejection. */
class HouseholdCasesTest {
    @Test
    void theHouseholdCasesPass() throws Exception {
        CaseFile file = CaseLoader.load(Path.of("src/test/resources/households/tests.yaml"));
        List<CaseResult> results = CaseRunner.run(file);
        assertEquals(4, results.size());
        for (CaseResult r : results) {
            assertTrue(r.passed(), String.join("\n", CaseReport.lines(r)));
        }
    }
}
