package subsidy.policy;

import java.util.List;

/** A policy file that cannot be used, with every problem found (key path and line in each). */
public final class PolicyException extends Exception {
    private final List<String> problems;
    private final PeriodsOfForce inForce;

    /** The origin and problems may quote the file (a key, a value), so their control characters are escaped. */
    public PolicyException(String origin, List<String> problems) {
        this(origin, problems, new PeriodsOfForce(List.of()));
    }

    /** @param inForce the periods of force of the programs read, to suggest a date with (none: empty) */
    public PolicyException(String origin, List<String> problems, PeriodsOfForce inForce) {
        this(subsidy.input.Escape.controls(origin), problems.stream().map(subsidy.input.Escape::controls).toList(),
                inForce, true);
    }

    private PolicyException(String origin, List<String> problems, PeriodsOfForce inForce, boolean escaped) {
        super(origin + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems), null, false,
                false);
        this.problems = problems;
        this.inForce = inForce;
    }

    public List<String> problems() {
        return problems;
    }

    /**
     * When the policy's programs are in force, as far as the file was read (its programs' windows and
     * versions): for a caller that asks for a date, such as a case file without {@code as_of}. Empty when
     * none was read or none is dated.
     */
    public PeriodsOfForce inForce() {
        return inForce;
    }

    /**
     * The message in a language. Until this exception's texts come from the catalogue it is the
     * English {@link #getMessage()}; the owner of this class replaces that.
     */
    public String message(subsidy.text.Texts texts) {
        return getMessage();
    }
}
