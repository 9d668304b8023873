package subsidy.cases;

import java.util.List;

/** A case run: passed when nothing it expected differs from what was computed. */
public record CaseResult(TestCase testCase, List<Mismatch> mismatches) {
    public CaseResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /**
     * One expected value beside the computed one. {@code entity} is the entity_id (empty for a
     * single-entity case), {@code program} the program id or empty for the row itself.
     */
    public record Mismatch(String entity, String program, String field, String expected, String computed) {
    }
}
