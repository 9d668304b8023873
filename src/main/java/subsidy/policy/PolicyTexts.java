package subsidy.policy;

import java.util.ArrayList;
import java.util.List;
import subsidy.entity.Column;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/** Small pieces the policy's messages are built of: lists joined in the language shown, a column's kind. */
public final class PolicyTexts {
    private PolicyTexts() {
    }

    /**
     * {@code items} joined by the catalogue's separator {@code sepKey} (such as {@code policy.sep.or}); an
     * item that is a {@link Text} is rendered in the language shown.
     */
    public static Text joined(List<?> items, String sepKey) {
        List<Object> copy = new ArrayList<>(items);
        return texts -> {
            List<String> parts = new ArrayList<>();
            for (Object o : copy) {
                parts.add(texts.arg(o));
            }
            return String.join(texts.get(sepKey), parts);
        };
    }

    /** The kind of a column, by the word {@code columns:} writes: "count", "money", "true/false". */
    public static Text kind(Column.Kind k) {
        return Msg.of("policy.column_kind." + k.word().replace('/', '_'));
    }

    /** English, for code that has no language at hand. */
    static String en(Text t) {
        return t.in(Texts.EN);
    }
}
