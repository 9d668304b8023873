package subsidy.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import subsidy.input.Escape;
import subsidy.input.IoProblem;
import subsidy.policy.yaml.Node;
import subsidy.policy.yaml.Problems;
import subsidy.policy.yaml.YamlTree;
import subsidy.text.Lang;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * The defaults a county sets once instead of on every command line: read, in order of increasing
 * precedence, from the per-user file ({@code $XDG_CONFIG_HOME/subsidy/config.yaml}, else
 * {@code $HOME/.config/subsidy/config.yaml}), the per-directory file ({@code .subsidy.yaml} in the working
 * directory) and the environment ({@code SUBSIDY_LANG}, {@code SUBSIDY_POLICY}, {@code SUBSIDY_LEDGER},
 * {@code SUBSIDY_OUT}); a flag on the command line wins over all of them,
 * which is the command line's business, not this class's. Never the JVM's locale, {@code LANG} or
 * {@code LC_*}: cron and a clerk's shell compute the same report.
 *
 * <p>A file is a YAML mapping of the keys in {@link Setting#ALL} ({@code lang}, {@code policy}, {@code ledger}, {@code out}). An unknown
 * key, a value that is none of a key's values, a file that is not such a mapping, not UTF-8 or cannot be
 * read is a problem naming the file, line and key ({@link #problems()}); the command line refuses to run on
 * it rather than ignore it. A file that does not exist is simply not read; an empty one is read and sets
 * nothing.
 *
 * <p>No picocli, no {@code System.getenv()} here: where to look is handed in ({@link Locations}), so a test
 * does not depend on the machine it runs on. What was read and what it set goes into the manifest
 * ({@link #manifest()}), so that no configuration is a hidden input of a report.
 */
public final class Configuration {
    /** The per-user file, under {@code $XDG_CONFIG_HOME} or {@code $HOME/.config}. */
    public static final String USER_FILE = "subsidy/config.yaml";
    /** The per-directory file, in the working directory: hidden, and never to be taken for a policy. */
    public static final String DIRECTORY_FILE = ".subsidy.yaml";
    /** A configuration is a few lines; anything this large is a mistake. */
    static final int MAX_BYTES = 64 * 1024;

    /** Nothing read, nothing set: English, as without any configuration. */
    public static final Configuration NONE = new Configuration(List.of(), Map.of(), List.of());

    /**
     * Where a configuration is looked for.
     *
     * @param userFile      the per-user file, or null for none
     * @param directoryFile the per-directory file, or null for none
     * @param env           the environment variables ({@code SUBSIDY_LANG}, …)
     */
    public record Locations(Path userFile, Path directoryFile, Map<String, String> env) {
        /** Nowhere: {@link Configuration#read} gives {@link Configuration#NONE}. */
        public static final Locations NONE = new Locations(null, null, Map.of());

        public Locations {
            env = env == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(env));
        }

        /**
         * The usual places for an environment and a working directory: the user's file under
         * {@code XDG_CONFIG_HOME} (when it is an absolute path, as the XDG specification requires) or else
         * {@code HOME/.config}, and {@code .subsidy.yaml} in {@code workingDir}.
         */
        public static Locations of(Map<String, String> env, Path workingDir) {
            Path config = absolute(env.get("XDG_CONFIG_HOME"));
            if (config == null) {
                Path home = absolute(env.get("HOME"));
                config = home == null ? null : home.resolve(".config");
            }
            return new Locations(config == null ? null : config.resolve(USER_FILE),
                    workingDir == null ? null : workingDir.toAbsolutePath().resolve(DIRECTORY_FILE), env);
        }

        /** This process's: {@code System.getenv()} and the working directory ({@code user.home} when HOME is unset). */
        public static Locations system() {
            Map<String, String> env = new HashMap<>(System.getenv());
            String home = System.getProperty("user.home");
            if (absolute(env.get("HOME")) == null && home != null && !home.isEmpty()) {
                env.put("HOME", home);
            }
            return of(env, Path.of("").toAbsolutePath());
        }

        private static Path absolute(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                Path p = Path.of(value);
                return p.isAbsolute() ? p : null;
            } catch (InvalidPathException e) {
                return null;
            }
        }
    }

    private final List<String> read;
    private final Map<Setting<?>, Object> values;
    private final List<Text> problems;

    private Configuration(List<String> read, Map<Setting<?>, Object> values, List<Text> problems) {
        this.read = List.copyOf(read);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.problems = List.copyOf(problems);
    }

    /**
     * The configuration found in {@code where}: each source read in turn, a later one's value replacing an
     * earlier one's. A source with problems still lets the others set what they set (so its message can
     * be in the language they ask for), but {@link #problems()} is then not empty.
     */
    public static Configuration read(Locations where) {
        List<String> read = new ArrayList<>();
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        List<Text> problems = new ArrayList<>();
        for (Path file : new Path[] {where.userFile(), where.directoryFile()}) {
            if (file != null) {
                readFile(file, read, values, problems);
            }
        }
        for (Setting<?> s : Setting.ALL) {
            String text = where.env().get(s.env());
            if (text == null || text.isEmpty()) { // an empty variable is an unset one, as shells use it
                continue;
            }
            read.add("$" + s.env());
            // A relative path in a variable is taken from the working directory, where the per-directory file is.
            Object value = s.read(text, where.directoryFile() == null ? null : where.directoryFile().getParent());
            if (value == null) {
                problems.add(Msg.of("cli.config.env_bad", s.env(), Escape.controls(Setting.withoutPassword(text)),
                        s.expected()));
            } else {
                values.put(s, value);
            }
        }
        return new Configuration(read, values, problems);
    }

    private static void readFile(Path file, List<String> read, Map<Setting<?>, Object> values, List<Text> problems) {
        String shown = Escape.controls(file.toString());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException absent) {
            return;
        } catch (IOException e) {
            problems.add(Msg.of("cli.config.unreadable", shown, IoProblem.problem(e)));
            return;
        }
        read.add(file.toString());
        if (!attributes.isRegularFile()) { // a directory, or a pipe that would hang every command
            problems.add(Msg.of("cli.config.not_file", shown));
            return;
        }
        if (attributes.size() > MAX_BYTES) {
            problems.add(Msg.of("cli.config.too_large", shown, attributes.size(), MAX_BYTES));
            return;
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Msg.of("cli.config.not_utf8", shown));
            return;
        } catch (IOException e) {
            problems.add(Msg.of("cli.config.unreadable", shown, IoProblem.problem(e)));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Problems yaml = new Problems();
        Node root = YamlTree.parse(text, yaml);
        if (root == null) {
            for (Text p : yaml.list()) {
                if (!(p instanceof Msg m && m.key().equals("policy.yaml.empty"))) { // comments only: nothing set
                    problems.add(Msg.of("cli.config.yaml", shown, p));
                }
            }
            return;
        }
        if (root instanceof Node.Scalar s && s.text() == null) { // "---" alone: a document of nothing
            return;
        }
        if (!(root instanceof Node.Mapping mapping)) {
            problems.add(Msg.of("cli.config.not_mapping", at(shown, root.line()), root.kindText()));
            return;
        }
        Path base = file.toAbsolutePath().getParent();
        for (Map.Entry<String, Node> e : mapping.entries().entrySet()) {
            String key = e.getKey();
            Text where = at(shown, mapping.keyLines().getOrDefault(key, mapping.line()));
            Setting<?> setting = Setting.byKey(key);
            if (setting == null) {
                problems.add(Msg.of("cli.config.unknown_key", where, Escape.controls(key), known()));
                continue;
            }
            Node node = e.getValue();
            if (!(node instanceof Node.Scalar scalar) || scalar.text() == null || scalar.text().isBlank()) {
                problems.add(Msg.of("cli.config.not_value", where, key, setting.expected(), node.kindText()));
                continue;
            }
            Object value = setting.read(scalar.text(), base);
            if (value == null) {
                problems.add(Msg.of("cli.config.bad_value", where, key,
                        Escape.controls(Setting.withoutPassword(scalar.text())),
                        setting.expected()));
            } else {
                values.put(setting, value);
            }
        }
    }

    /** "/home/u/.config/subsidy/config.yaml, line 3". */
    private static Text at(String file, int line) {
        return Msg.of("cli.config.at", file, line);
    }

    private static String known() {
        return String.join(", ", Setting.ALL.stream().map(Setting::key).toList());
    }

    /** The value the configuration sets, or null when it sets none. */
    public <T> T get(Setting<T> setting) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(setting);
        return value;
    }

    /** The language the configuration sets, or null when it sets none (the command line then says English). */
    public Lang lang() {
        return get(Setting.LANG);
    }

    /** The policy file the configuration sets (absolute), or null: the bundled policy unless --policy. */
    public Path policy() {
        return get(Setting.POLICY);
    }

    /** The ledger the configuration sets (an absolute file path or a jdbc:postgresql: URL), or null. */
    public String ledger() {
        return get(Setting.LEDGER);
    }

    /** The folder under which a period's report goes ({@code OUT/PERIOD}), or null. */
    public Path out() {
        return get(Setting.OUT);
    }

    /** Why the configuration cannot be used, each naming its file (or variable), line and key; empty when it can. */
    public List<Text> problems() {
        return problems;
    }

    /** The files and variables read, in the order read (a later one wins): paths, and {@code $SUBSIDY_LANG}. */
    public List<String> sources() {
        return read;
    }

    /**
     * What the manifest records as {@code "config"}: {@code {"read": [files and $VARIABLES], "set": {"lang":
     * "zh"}}}; null when nothing was read, so that a run without configuration writes the manifest it
     * always wrote. {@code set} holds what the configuration set, before any flag: the manifest's
     * {@code "lang"} says what the run used.
     */
    public Map<String, Object> manifest() {
        if (read.isEmpty()) {
            return null;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        for (Setting<?> s : Setting.ALL) {
            Object value = values.get(s);
            if (value != null) {
                set.put(s.key(), s.show(value));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", read);
        m.put("set", set);
        return m;
    }
}
