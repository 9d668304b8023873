package subsidy.policy;

import java.util.List;
import subsidy.policy.yaml.Fields;
import subsidy.program.Program;

/**
 * Reads the YAML of one program kind. The keys every program has ({@code kind}, {@code title},
 * {@code source}, {@code who}, and the dates of force) are read before, into a {@link Head}; the
 * reader takes its own keys from {@code fields} and returns the program, or null when a problem
 * (added to {@code ctx}) leaves nothing to compute with. Unknown keys are reported after it.
 */
@FunctionalInterface
public interface ProgramReader {
    Program read(Head head, Fields fields, ReadContext ctx);

    /** What every program has: its id (the report column), title, clauses and who. */
    record Head(String id, String title, List<Clause> clauses, Criteria who) {
    }
}
