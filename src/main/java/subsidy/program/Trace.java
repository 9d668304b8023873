package subsidy.program;

import java.util.ArrayList;
import java.util.List;
import subsidy.text.Texts;

/**
 * Where a computation writes down its steps for an auditor. Batch runs use {@link #NONE}, which
 * costs nothing; {@code explain} uses a {@link Recording}.
 */
public interface Trace {
    Trace NONE = new Trace() {
        @Override
        public boolean on() {
            return false;
        }

        @Override
        public void step(String line) {
        }
    };

    /** False when steps are thrown away, so callers can skip building their text. */
    boolean on();

    void step(String line);

    /** Records a condition with its values and verdict, in English. */
    default void condition(String description, boolean met) {
        condition(Texts.EN, description, met);
    }

    /** Records a condition with its values and verdict ("…: met", 「…：符合」) in the language of {@code texts}. */
    default void condition(Texts texts, String description, boolean met) {
        if (on()) {
            step(texts.get(met ? "reasons.trace.met" : "reasons.trace.not_met", description));
        }
    }

    final class Recording implements Trace {
        private final List<String> lines = new ArrayList<>();

        @Override
        public boolean on() {
            return true;
        }

        @Override
        public void step(String line) {
            lines.add(line);
        }

        public List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
