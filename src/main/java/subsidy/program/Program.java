package subsidy.program;

import java.util.List;
import java.util.stream.Collectors;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;
import subsidy.text.Texts;

/**
 * One relief program of a policy. Each kind of program is a class that names the clause its
 * formula implements; the figures (rates, amounts, thresholds) come from the policy file.
 */
public interface Program {
    /** The report column, e.g. {@code stable_job_refund}. */
    String id();

    String title();

    List<Clause> clauses();

    Criteria who();

    /**
     * The program's amount for one entity, rounded once, half-up, to 0.01 yuan.
     *
     * @param size the size class in force (derived when the declared one disagrees), null when unsized
     * @param lookups where the reasons that name a code come from ({@link Lookups#PLAIN}: made afresh)
     */
    ProgramResult evaluate(Entity entity, SizeClass size, Lookups lookups, Trace trace);

    /** As {@link #evaluate(Entity, SizeClass, Lookups, Trace)}, every reason made afresh. */
    default ProgramResult evaluate(Entity entity, SizeClass size, Trace trace) {
        return evaluate(entity, size, Lookups.PLAIN, trace);
    }

    /** True when the report carries a {@link #monthsColumn()} for this program. */
    default boolean reportsMonths() {
        return false;
    }

    default String monthsColumn() {
        return id() + "_months";
    }

    /** The program's parameters as a clerk reads them, for {@code policy show}. */
    default List<String> describe() {
        return describe(Texts.EN);
    }

    /** The program's parameters as a clerk reads them, for {@code policy show}, in the language of {@code texts}. */
    List<String> describe(Texts texts);

    default String clauseLabel() {
        return clauses().stream().map(Clause::label).collect(Collectors.joining("; "));
    }
}
