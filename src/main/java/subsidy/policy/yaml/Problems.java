package subsidy.policy.yaml;

import java.util.ArrayList;
import java.util.List;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * The problems found in a file so far, each a {@link Text} (a catalogue key with its arguments) so that
 * it can be shown in either language. One made by {@link #english(List)} writes each problem, in
 * English, into a list of strings instead: for a reader that has not yet moved its texts to the catalogue.
 */
public final class Problems {
    private final List<Text> texts = new ArrayList<>();
    private final List<String> english;

    public Problems() {
        this.english = null;
    }

    private Problems(List<String> english) {
        this.english = english;
    }

    /** Problems written, in English, into {@code into}. */
    public static Problems english(List<String> into) {
        return new Problems(into);
    }

    public void add(Text problem) {
        if (english != null) {
            english.add(problem.in(Texts.EN));
        } else {
            texts.add(problem);
        }
    }

    /** Adds the catalogue's message {@code key} with its arguments. */
    public void add(String key, Object... args) {
        add(Msg.of(key, args));
    }

    public int size() {
        return english != null ? english.size() : texts.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The problems, in the order found; the list itself, so a reader may reorder or prefix them. */
    public List<Text> list() {
        return texts;
    }
}
