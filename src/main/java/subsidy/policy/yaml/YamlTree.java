package subsidy.policy.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * Reads a YAML document into {@link Node}s that keep their line numbers. Anchors and aliases are
 * refused: a policy table has no need of them, and they are the usual way to make a small file
 * expand into a huge one. Duplicate keys are refused too: the second would silently win.
 */
public final class YamlTree {
    /** A policy is a page of tables; anything this large is a mistake or an attack. */
    public static final int MAX_CHARS = 1 << 20;
    private static final int MAX_DEPTH = 64;

    private final YAMLParser parser;
    private final Problems problems;

    private YamlTree(YAMLParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /** The document's root, or null with the reasons added to {@code problems}. */
    public static Node parse(String text, List<String> problems) {
        return parse(text, Problems.english(problems));
    }

    /**
     * The document's root, or null with the reasons added to {@code problems}. A bundled file's text is
     * not parsed again: its tree, made by this parser when the jar was built, is read ({@link PreParsed}).
     */
    public static Node parse(String text, Problems problems) {
        Node bundled = text.length() > MAX_CHARS ? null : PreParsed.of(text);
        return bundled != null ? bundled : parseText(text, problems);
    }

    /** {@link #parse} by the general parser, always: the reference the pre-parsed trees are held to. */
    static Node parseText(String text, Problems problems) {
        if (text.length() > MAX_CHARS) {
            problems.add("policy.yaml.too_long", text.length(), MAX_CHARS);
            return null;
        }
        YAMLFactory factory = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add("policy.yaml.empty", line(1));
                return null;
            }
            Node root = new YamlTree(parser, problems).value(0);
            if (root != null && parser.nextToken() != null) {
                problems.add("policy.yaml.one_document", line(line(parser)));
            }
            return root;
        } catch (IOException | RuntimeException e) {
            problems.add(syntaxProblem(e));
            return null;
        }
    }

    /**
     * SnakeYAML's own words for a syntax error: where (1-based, like an editor), what it found, and
     * in what it was; Jackson's message keeps only the last of these on its first line.
     */
    private static Text syntaxProblem(Exception e) {
        Text syntaxError = Msg.of("policy.yaml.syntax_error");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark at = m.getProblemMark();
                Text where = Msg.of("policy.line_column", at.getLine() + 1, at.getColumn() + 1);
                Object problem = m.getProblem() == null ? syntaxError : m.getProblem();
                return m.getContext() == null ? Msg.of("policy.yaml.syntax_at", where, problem)
                        : Msg.of("policy.yaml.syntax_at_in", where, problem, m.getContext());
            }
        }
        Object message = e.getMessage() == null ? syntaxError : e.getMessage().lines().findFirst().orElse(e.getMessage());
        return Msg.of("policy.yaml.syntax", message);
    }

    /** "line 12", "第12行". */
    private static Text line(int n) {
        return Msg.of("policy.line", n);
    }

    private Node value(int depth) throws IOException {
        int line = line(parser);
        if (parser.isCurrentAlias() || parser.getObjectId() != null) {
            problems.add("policy.yaml.alias", line(line));
            parser.skipChildren();
            return null;
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                boolean ok = true;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    parser.nextToken();
                    Node child = value(depth + 1);
                    if (entries.containsKey(key)) {
                        problems.add("policy.yaml.duplicate", line(keyLine), key, keyLines.get(key));
                        ok = false;
                    } else if (child == null) {
                        ok = false;
                    } else {
                        entries.put(key, child);
                        keyLines.put(key, keyLine);
                    }
                }
                return ok ? new Node.Mapping(entries, keyLines, line) : null;
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                boolean ok = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    Node child = value(depth + 1);
                    ok &= child != null;
                    items.add(child);
                }
                return ok ? new Node.Sequence(items, line) : null;
            }
            case VALUE_NULL -> {
                return new Node.Scalar(null, line);
            }
            default -> {
                return new Node.Scalar(parser.getText(), line);
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
