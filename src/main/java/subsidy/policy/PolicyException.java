package subsidy.policy;

import java.util.List;
import subsidy.input.Escape;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * A policy file that cannot be used, with every problem found (key path and line in each). The problems
 * are {@link Text}s, shown in a language by {@link #message(Texts)} and {@link #problems(Texts)};
 * {@link #getMessage()} and {@link #problems()} are the English.
 */
public final class PolicyException extends Exception {
    private final Text origin;
    private final List<Text> texts;
    private final List<String> problems;
    private final PeriodsOfForce inForce;

    /**
     * Problems already written out, in English (for a caller whose texts are not yet in the catalogue):
     * shown as they are in either language. The origin and problems may quote the file (a key, a
     * value), so their control characters are escaped.
     */
    public PolicyException(String origin, List<String> problems) {
        this(origin, problems, new PeriodsOfForce(List.of()));
    }

    /** @param inForce the periods of force of the programs read, to suggest a date with (none: empty) */
    public PolicyException(String origin, List<String> problems, PeriodsOfForce inForce) {
        this(t -> origin, problems.stream().<Text>map(p -> t -> p).toList(), inForce, true);
    }

    private PolicyException(Text origin, List<Text> texts, PeriodsOfForce inForce, boolean fromTexts) {
        super(render(origin, texts, Texts.EN), null, false, false);
        this.origin = origin;
        this.texts = List.copyOf(texts);
        this.problems = rendered(this.texts, Texts.EN);
        this.inForce = inForce;
    }

    /** The problems as catalogue texts ({@link Msg}s), each with its key path and line. */
    public static PolicyException of(String origin, List<? extends Text> problems, PeriodsOfForce inForce) {
        return of(t -> origin, problems, inForce);
    }

    /** The origin too said in a language ("bundled policy"). */
    public static PolicyException of(Text origin, List<? extends Text> problems, PeriodsOfForce inForce) {
        return new PolicyException(origin, List.copyOf(problems), inForce, true);
    }

    /** One problem, a catalogue text. */
    public static PolicyException of(String origin, Text problem) {
        return of(origin, List.of(problem), new PeriodsOfForce(List.of()));
    }

    private static List<String> rendered(List<Text> texts, Texts lang) {
        return texts.stream().map(t -> Escape.controls(t.in(lang))).toList();
    }

    private static String render(Text origin, List<Text> texts, Texts lang) {
        return lang.get("policy.problems", Escape.controls(origin.in(lang)), texts.size()) + "\n  "
                + String.join("\n  ", rendered(texts, lang));
    }

    /** The problems in English, control characters escaped. */
    public List<String> problems() {
        return problems;
    }

    /** The problems in a language, control characters escaped. */
    public List<String> problems(Texts lang) {
        return rendered(texts, lang);
    }

    /** The problems as texts, not yet rendered (control characters not yet escaped). */
    public List<Text> problemTexts() {
        return texts;
    }

    /** The file (or what stands for it) the problems are in, control characters escaped. */
    public String origin() {
        return Escape.controls(origin.in(Texts.EN));
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
     * The message in a language: "ORIGIN: N problem(s):" and each problem on a line of its own, indented;
     * in English exactly {@link #getMessage()}.
     */
    public String message(Texts texts) {
        return render(origin, this.texts, texts);
    }
}
