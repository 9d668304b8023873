package subsidy.policy.yaml;

import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so every policy problem can name its line. */
public sealed interface Node permits Node.Mapping, Node.Sequence, Node.Scalar {
    int line();

    /** Key order is the document's; {@code keyLines} gives each key's line. */
    record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
    }

    record Sequence(List<Node> items, int line) implements Node {
    }

    /** {@code text} is the scalar as written, or null for a YAML null. */
    record Scalar(String text, int line) implements Node {
    }

    /** A short name for the kind of node, for messages, in English. */
    default String kind() {
        return kindText().in(subsidy.text.Texts.EN);
    }

    /** A short name for the kind of node, for messages: "a mapping", "a list", "a single value", "empty". */
    default subsidy.text.Text kindText() {
        if (this instanceof Mapping) {
            return subsidy.text.Msg.of("policy.kind.mapping");
        }
        if (this instanceof Sequence) {
            return subsidy.text.Msg.of("policy.kind.list");
        }
        String text = ((Scalar) this).text();
        return subsidy.text.Msg.of(text == null || text.isBlank() ? "policy.kind.empty" : "policy.kind.value");
    }
}
