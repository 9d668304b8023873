package subsidy.policy.yaml;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict reading of one YAML mapping: each key is taken at most once, and {@link #finish()}
 * reports every key that nothing took as unknown or misplaced. Problems name the key path and line.
 */
public final class Fields {
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("\\d+");

    private final Node.Mapping mapping;
    private final String path;
    private final List<String> problems;
    private final Set<String> taken = new HashSet<>();

    private Fields(Node.Mapping mapping, String path, List<String> problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /** Fields of {@code node}, or null (with a problem) when it is not a mapping. */
    public static Fields of(Node node, String path, List<String> problems) {
        if (node instanceof Node.Mapping m) {
            return new Fields(m, path, problems);
        }
        problems.add(at(path, node) + ": expected a mapping of keys, found " + node.kind());
        return null;
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
            problems.add(path(path) + " (line " + mapping.line() + "): missing required key '" + key + "'");
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
        problems.add(at(child(key), n) + ": expected a list, found " + n.kind());
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
        problems.add(at(child(key), mapping.entries().get(key)) + ": expected true or false, found '" + t + "'");
        return null;
    }

    /** {@code key} with the line it is written on, for a problem with the key itself. */
    public String keyAt(String key) {
        Integer line = mapping.keyLines().get(key);
        return child(key) + " (line " + (line == null ? mapping.line() : line) + ")"; // an absent key: its mapping's
    }

    /** Reports every key nothing asked for. */
    public void finish() {
        for (Map.Entry<String, Node> e : mapping.entries().entrySet()) {
            if (!taken.contains(e.getKey())) {
                problems.add(keyAt(e.getKey()) + ": unknown or misplaced key '" + e.getKey() + "'");
            }
        }
    }

    public static String text(Node n, String path, List<String> problems) {
        if (n instanceof Node.Scalar s && s.text() != null && !s.text().isBlank()) {
            return s.text().strip();
        }
        problems.add(at(path, n) + ": expected a value, found " + n.kind());
        return null;
    }

    /** A non-negative decimal, kept exactly as written (0.055 stays 0.055). */
    public static BigDecimal decimal(Node n, String path, List<String> problems) {
        String t = text(n, path, problems);
        if (t == null) {
            return null;
        }
        if (!DECIMAL.matcher(t).matches()) {
            problems.add(at(path, n) + ": expected a number ≥ 0 like 0.9 or 1500, found '" + t + "'");
            return null;
        }
        return new BigDecimal(t);
    }

    public static Long integer(Node n, String path, List<String> problems) {
        String t = text(n, path, problems);
        if (t == null) {
            return null;
        }
        if (!INTEGER.matcher(t).matches() || t.length() > 12) {
            problems.add(at(path, n) + ": expected a whole number ≥ 0, found '" + t + "'");
            return null;
        }
        return Long.parseLong(t);
    }

    public static String at(String path, Node n) {
        return path(path) + " (line " + n.line() + ")";
    }

    private static String path(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }
}
