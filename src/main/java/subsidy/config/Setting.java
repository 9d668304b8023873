package subsidy.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
 * is one constant here and its line in {@link #ALL}.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
    /** The language of the help, the messages and the outputs; {@code --lang} wins over it. */
    public static final Setting<Lang> LANG = new Setting<>("lang", "SUBSIDY_LANG",
            Msg.of("cli.config.lang.expected"), (text, base) -> Lang.parse(text), Lang::code);

    /**
     * The policy file calc, explain and verify read when not given {@code --policy}: a file that exists (a
     * relative path is taken from the configuration file's folder, or for {@code SUBSIDY_POLICY} from the
     * working directory); recorded as the absolute path.
     */
    public static final Setting<Path> POLICY = new Setting<>("policy", "SUBSIDY_POLICY",
            Msg.of("cli.config.policy.expected"), Setting::policyFile, Path::toString);

    /**
     * The ledger calc records a batch in when given {@code --period} and not {@code --ledger}: a SQLite file
     * (relative paths as for {@link #POLICY}; made when missing, as --ledger makes it) or a
     * {@code jdbc:postgresql:} URL; the manifest records a URL without its password.
     */
    public static final Setting<String> LEDGER = new Setting<>("ledger", "SUBSIDY_LEDGER",
            Msg.of("cli.config.ledger.expected"), Setting::ledger, Setting::withoutPassword);

    /**
     * The folder under which calc writes a period's report when given {@code --period} and not {@code --out}:
     * {@code OUT/PERIOD} ({@code reports/2022-06}); relative paths as for {@link #POLICY}.
     */
    public static final Setting<Path> OUT = new Setting<>("out", "SUBSIDY_OUT",
            Msg.of("cli.config.out.expected"), Setting::folder, Path::toString);

    /** Every setting, in the order the manifest lists them. */
    public static final List<Setting<?>> ALL = List.of(LANG, POLICY, LEDGER, OUT);

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

    /** {@code text} as a path, relative ones taken from {@code base} (the working directory when null); null when none. */
    private static Path path(String text, Path base) {
        if (text.indexOf('\0') >= 0) {
            return null;
        }
        try {
            Path p = Path.of(text);
            return (base == null ? p.toAbsolutePath() : base.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path policyFile(String text, Path base) {
        Path p = path(text, base);
        return p != null && Files.isRegularFile(p) ? p : null;
    }

    private static Path folder(String text, Path base) {
        Path p = path(text, base);
        return p != null && (!Files.exists(p) || Files.isDirectory(p)) ? p : null;
    }

    private static String ledger(String text, Path base) {
        if (text.startsWith("jdbc:postgresql:")) {
            return text;
        }
        if (text.startsWith("jdbc:")) {
            return null;
        }
        Path p = path(text, base);
        return p != null && !Files.isDirectory(p) ? p.toString() : null;
    }

    /** A value as a message or the manifest shows it: a URL's password, if any, as {@code ***}. */
    static String withoutPassword(String text) {
        return text.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
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
