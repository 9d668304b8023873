package subsidy.policy;

import java.util.List;

/** A policy file that cannot be used, with every problem found (key path and line in each). */
public final class PolicyException extends Exception {
    private final List<String> problems;

    /** The origin and problems may quote the file (a key, a value), so their control characters are escaped. */
    public PolicyException(String origin, List<String> problems) {
        this(subsidy.input.Escape.controls(origin), problems.stream().map(subsidy.input.Escape::controls).toList(),
                true);
    }

    private PolicyException(String origin, List<String> problems, boolean escaped) {
        super(origin + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems), null, false,
                false);
        this.problems = problems;
    }

    public List<String> problems() {
        return problems;
    }
}
