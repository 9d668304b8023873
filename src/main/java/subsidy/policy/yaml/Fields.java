package subsidy.policy.yaml;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * Strict reading of one YAML mapping: each key is taken at most once, and {@link #finish()}
 * reports every key that nothing took as unknown or misplaced. Problems name the key path and line.
 */
public final class Fields {
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\d+");

    private final Node.Mapping mapping;
    private final String path;
    private final Problems problems;
    private final Set<String> taken = new HashSet<>();

    private Fields(Node.Mapping mapping, String path, Problems problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /** Fields of {@code node}, or null (with a problem) when it is not a mapping. */
    public static Fields of(Node node, String path, Problems problems) {
        if (node instanceof Node.Mapping m) {
            return new Fields(m, path, problems);
        }
        problems.add("policy.yaml.expected_mapping", where(path, node), node.kindText());
        return null;
    }

    /** As {@link #of(Node, String, Problems)}, each problem written in English into {@code problems}. */
    public static Fields of(Node node, String path, List<String> problems) {
        return of(node, path, Problems.english(problems));
    }

    public String path() {
        return path;
    }

    public String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Set<String> keys() {
        return mapping.entries().keySet();
    }

    public int line() {
        return mapping.line();
    }

    /** The node under {@code key}; null, with a problem when required, if absent. */
    public Node node(String key, boolean required) {
        taken.add(key);
        Node n = mapping.entries().get(key);
        if (n == null && required) {
            problems.add("policy.yaml.missing_key", where(path, mapping.line()), key);
        }
        return n;
    }

    public Fields fields(String key, boolean required) {
        Node n = node(key, required);
        return n == null ? null : of(n, child(key), problems);
    }

    public List<Node> list(String key, boolean required) {
        Node n = node(key, required);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Sequence s) {
            return s.items();
        }
        problems.add("policy.yaml.expected_list", where(child(key), n), n.kindText());
        return null;
    }

    public String text(String key, boolean required) {
        Node n = node(key, required);
        return n == null ? null : text(n, child(key), problems);
    }

    public BigDecimal decimal(String key, boolean required) {
        Node n = node(key, required);
        return n == null ? null : decimal(n, child(key), problems);
    }

    public Long integer(String key, boolean required) {
        Node n = node(key, required);
        return n == null ? null : integer(n, child(key), problems);
    }

    public Boolean bool(String key, boolean required) {
        String t = text(key, required);
        if (t == null) {
            return null;
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        problems.add("policy.yaml.expected_bool", where(child(key), mapping.entries().get(key)), t);
        return null;
    }

    /** {@code key} with the line it is written on, for a problem with the key itself. */
    public String keyAt(String key) {
        return where(key).in(Texts.EN);
    }

    /** {@code key} with the line it is written on, in the language shown: "rate (line 12)", "rate（第12行）". */
    public Text where(String key) {
        Integer line = mapping.keyLines().get(key);
        return where(child(key), line == null ? mapping.line() : line); // an absent key: its mapping's
    }

    /** Reports every key nothing asked for. */
    public void finish() {
        for (Map.Entry<String, Node> e : mapping.entries().entrySet()) {
            if (!taken.contains(e.getKey())) {
                problems.add("policy.yaml.unknown_key", where(e.getKey()), e.getKey());
            }
        }
    }

    public static String text(Node n, String path, Problems problems) {
        if (n instanceof Node.Scalar s && s.text() != null && !s.text().isBlank()) {
            return s.text().strip();
        }
        problems.add("policy.yaml.expected_value", where(path, n), n.kindText());
        return null;
    }

    /** A non-negative decimal, kept exactly as written (0.055 stays 0.055). */
    public static BigDecimal decimal(Node n, String path, Problems problems) {
        String t = text(n, path, problems);
        if (t == null) {
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            problems.add("policy.yaml.expected_number", where(path, n), t);
            return null;
        }
        return new BigDecimal(t);
    }

    public static Long integer(Node n, String path, Problems problems) {
        String t = text(n, path, problems);
        if (t == null) {
            return null;
        }
        if (!INTEGER.matcher(t).matches() || t.length() > 12) {
            problems.add("policy.yaml.expected_integer", where(path, n), t);
            return null;
        }
        return Long.parseLong(t);
    }

    /** As {@link #text(Node, String, Problems)}, a problem written in English into {@code problems}. */
    public static String text(Node n, String path, List<String> problems) {
        return text(n, path, Problems.english(problems));
    }

    /** As {@link #decimal(Node, String, Problems)}, a problem written in English into {@code problems}. */
    public static BigDecimal decimal(Node n, String path, List<String> problems) {
        return decimal(n, path, Problems.english(problems));
    }

    /** As {@link #integer(Node, String, Problems)}, a problem written in English into {@code problems}. */
    public static Long integer(Node n, String path, List<String> problems) {
        return integer(n, path, Problems.english(problems));
    }

    /** {@code path} with the line {@code n} starts on, in English. */
    public static String at(String path, Node n) {
        return where(path, n).in(Texts.EN);
    }

    /** {@code path} with the line {@code n} starts on, in the language shown. */
    public static Text where(String path, Node n) {
        return where(path, n.line());
    }

    /** A key path with a line: "programs.x.rate (line 12)"; the empty path is the top level. */
    public static Text where(String path, int line) {
        return Msg.of("policy.at", path.isEmpty() ? Msg.of("policy.top_level") : path, line);
    }
}
