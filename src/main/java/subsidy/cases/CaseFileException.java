package subsidy.cases;

import java.util.List;
import subsidy.input.Escape;
import subsidy.text.Text;
import subsidy.text.Texts;

/** A case file, or its policy, that cannot be used: every problem, each naming the file, key path and line. */
public final class CaseFileException extends Exception {
    private final String file;
    private final List<Text> texts;
    private final List<String> problems;

    public CaseFileException(String file, List<String> problems) {
        this(file, problems.stream().<Text>map(p -> t -> p).toList(), true);
    }

    /** Problems that are rendered in the language the message is asked in ({@link #message(Texts)}). */
    CaseFileException(String file, List<Text> problems, boolean texts) {
        super(render(file, problems, Texts.EN), null, false, false);
        this.file = file;
        this.texts = List.copyOf(problems);
        this.problems = problems.stream().map(p -> Escape.controls(p.in(Texts.EN))).toList();
    }

    /** Every problem, in English, control characters escaped. */
    public List<String> problems() {
        return problems;
    }

    /** Every problem in {@code texts}' language, control characters escaped. */
    public List<String> problems(Texts in) {
        return texts.stream().map(p -> Escape.controls(p.in(in))).toList();
    }

    /** The message in a language: the file, how many problems, and each on a line of its own. */
    public String message(Texts in) {
        return render(file, texts, in);
    }

    private static String render(String file, List<Text> problems, Texts in) {
        return in.get("cases.file.problems", Escape.controls(file), problems.size()) + "\n  "
                + String.join("\n  ", problems.stream().map(p -> Escape.controls(p.in(in))).toList());
    }
}
