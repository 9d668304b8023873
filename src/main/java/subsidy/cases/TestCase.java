package subsidy.cases;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import subsidy.policy.Policy;

/**
 * One case of a case file: the rows it feeds the policy, on which date, and what it expects. Every
 * value is as the file wrote it; {@link CaseLoader} has checked that each column and program it names
 * exists in its policy.
 *
 * @param rows   the rows' cells (column → cell as a CSV would hold it), or null when {@code input} is given
 * @param input  a CSV file to read as calc reads it, or null
 * @param single true for {@code entity:} (the expectation is the row's own), false for {@code entities:}
 *               or {@code input:} (expectations by entity_id)
 */
public record TestCase(Path file, int line, String name, String checks, LocalDate asOf, Policy policy,
        List<Map<String, String>> rows, Path input, boolean single, List<EntityExpect> expect, Totals totals,
        String period, List<Earlier> ledger) {
    public TestCase {
        rows = rows == null ? null : List.copyOf(rows);
        expect = List.copyOf(expect);
        ledger = ledger == null ? null : List.copyOf(ledger);
    }

    /**
     * One payment a ledger holds before the case's batch (a case's {@code ledger:}): the case is
     * computed as {@code calc --ledger --period} would compute it against those payments.
     *
     * @param imported paid before the ledger was kept ({@code subsidy ledger import})
     * @param policyId the policy it was paid under (this case's policy unless the case says)
     */
    public record Earlier(String entityId, String program, String period, BigDecimal amount, BigDecimal months,
            boolean imported, String policyId) {
    }

    /** A number as written in the file ({@code 72000.00}), compared by value. */
    public record Amount(BigDecimal value, String written) {
        @Override
        public String toString() {
            return written;
        }
    }

    /**
     * What one row must give. {@code entityId} is null for a single-entity case; {@code occurrence} counts
     * the rows of one entity_id from 1 (a duplicate's second row is occurrence 2) and is 0 when the id has
     * one row.
     */
    public record EntityExpect(String entityId, int occurrence, int line, List<ProgramExpect> programs,
            String sizeClass, String sizeSource, Amount total, Rejected rejected) {
        public EntityExpect {
            programs = List.copyOf(programs);
        }
    }

    /** One program's expected outcome; a null field is not checked. */
    public record ProgramExpect(String program, int line, Amount amount, Amount months, String reason,
            String reasonCode, Boolean inForce) {
    }

    /** The row is expected to be rejected; reason and code are checked when given. */
    public record Rejected(String reason, String reasonCode) {
    }

    /** Control totals over all rows of a case; a null field is not checked. */
    public record Totals(int line, Long computed, Long rejected, Map<String, Amount> amounts) {
        public Totals {
            amounts = Map.copyOf(amounts);
        }
    }
}
