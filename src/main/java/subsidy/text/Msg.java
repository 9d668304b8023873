package subsidy.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message before it is rendered: its catalogue key and arguments. Exceptions and results carry one,
 * and whoever shows it renders it in the run's language ({@link #in(Texts)}); {@link #toString()} is the
 * English text, for logs and for code that has no language at hand.
 *
 * <p>An argument that is itself a {@link Text} is rendered in the same language.
 */
public final class Msg implements Text {
    private final String key;
    private final Object[] args;

    private Msg(String key, Object[] args) {
        this.key = Objects.requireNonNull(key, "key");
        this.args = args;
    }

    public static Msg of(String key, Object... args) {
        return new Msg(key, args == null ? new Object[0] : args.clone());
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String in(Texts texts) {
        return texts.get(key, args);
    }

    @Override
    public String toString() {
        return in(Texts.EN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Msg m && m.key.equals(key) && Arrays.equals(m.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }
}
