package subsidy.policy;

import java.util.List;

/** A policy file that cannot be used, with every problem found (key path and line in each). */
public final class PolicyException extends Exception {
    private final List<String> problems;

    public PolicyException(String origin, List<String> problems) {
        super(origin + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems), null, false,
                false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
