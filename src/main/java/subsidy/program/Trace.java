package subsidy.program;

import java.util.ArrayList;
import java.util.List;

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

    /** Records a condition with its values and verdict. */
    default void condition(String description, boolean met) {
        if (on()) {
            step(description + ": " + (met ? "met" : "not met"));
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
