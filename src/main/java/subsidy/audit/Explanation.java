package subsidy.audit;

import java.util.List;
import java.util.Map;

/**
 * How one entity's amounts were derived, with every figure an auditor needs to redo the sums.
 *
 * @param inputs   the values used, by column (for a rejected row: its cells by header)
 * @param rejected every reason the row was not computed, or empty when it was
 * @param rejectedCodes the code of each of {@code rejected}, in the same order
 * @param size     the size decision, one line a step (empty for unsized entity types)
 * @param total    the amounts added up, as "a + b + … = t"; null for a row that was not computed
 * @param others   other rows of the inputs with the same id (duplicates), as "file line N"
 */
public record Explanation(String entityId, String name, String file, long line, String policyId, String policySha256,
        Map<String, String> inputs, List<String> rejected, List<String> rejectedCodes, List<String> size, List<ProgramSteps> programs,
        String total, List<String> others, boolean household) {

    /**
     * One program's derivation: the clauses it rests on, each step with its verdict, the amount, and
     * for a zero amount its reason and the reason's code.
     */
    public record ProgramSteps(String id, String title, List<String> clauses, List<String> steps, String amount,
            String months, String reason, String reasonCode) {
    }

    public boolean computed() {
        return rejected.isEmpty();
    }
}
