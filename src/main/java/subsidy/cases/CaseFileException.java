package subsidy.cases;

import java.util.List;
import subsidy.input.Escape;

/** A case file, or its policy, that cannot be used: every problem, each naming the file, key path and line. */
public final class CaseFileException extends Exception {
    private final List<String> problems;

    public CaseFileException(String file, List<String> problems) {
        super(Escape.controls(file) + ": " + problems.size() + " problem(s):\n  "
                + String.join("\n  ", problems.stream().map(Escape::controls).toList()), null, false, false);
        this.problems = problems.stream().map(Escape::controls).toList();
    }

    public List<String> problems() {
        return problems;
    }

    /**
     * The message in a language. Until this exception's texts come from the catalogue it is the
     * English {@link #getMessage()}; the owner of this class replaces that.
     */
    public String message(subsidy.text.Texts texts) {
        return getMessage();
    }
}
