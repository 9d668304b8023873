package subsidy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import subsidy.text.Lang;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * One thing a configuration may set: its key in a file ({@code lang}), the environment variable that sets
 * it ({@code SUBSIDY_LANG}), how its text is read, and how the manifest writes the value. A new setting
 * (issue 21: the policy, the ledger, the output folder) is one constant here and its line in {@link #ALL}.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
    /** The language of the help, the messages and the outputs; {@code --lang} wins over it. */
    public static final Setting<Lang> LANG = new Setting<>("lang", "SUBSIDY_LANG",
            Msg.of("cli.config.lang.expected"), (text, base) -> Lang.parse(text), Lang::code);

    /** Every setting, in the order the manifest lists them. */
    public static final List<Setting<?>> ALL = List.of(LANG);

    private final String key;
    private final String env;
    private final Text expected;
    private final BiFunction<String, Path, T> reader;
    private final Function<T, String> shown;

    /**
     * @param reader the value a text names, or null when it names none; the path is the directory a relative
     *               path in it is taken from (the file's, or the working directory for the environment)
     * @param shown  the value as the manifest records it
     */
    private Setting(String key, String env, Text expected, BiFunction<String, Path, T> reader,
            Function<T, String> shown) {
        this.key = key;
        this.env = env;
        this.expected = expected;
        this.reader = reader;
        this.shown = shown;
    }

    /** The key in a configuration file, and in the manifest's {@code "config": {"set": …}}. */
    public String key() {
        return key;
    }

    /** The environment variable that sets it. */
    public String env() {
        return env;
    }

    /** What a value may be, for messages: "zh or en". */
    public Text expected() {
        return expected;
    }

    /** The value {@code text} names, or null when it names none. */
    T read(String text, Path base) {
        return text == null ? null : reader.apply(text, base);
    }

    /** The value as the manifest records it ({@code zh}). */
    String show(Object value) {
        @SuppressWarnings("unchecked")
        T t = (T) value;
        return shown.apply(t);
    }

    /** The setting a file's key names, or null. */
    static Setting<?> byKey(String key) {
        for (Setting<?> s : ALL) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key;
    }
}
