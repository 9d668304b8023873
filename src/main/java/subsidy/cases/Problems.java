package subsidy.cases;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * A case file's problems in the order they are found, each a {@link Text}: the case loader's own from
 * the catalogue ({@link #at}, {@link #line}, {@link #say}), and, added as strings, those of the YAML
 * reader it shares with the policy loader (which read the same in every language until that reader
 * speaks it). As a list of strings it is the English text, which the YAML reader appends to.
 */
final class Problems extends AbstractList<String> {
    private final List<Text> items = new ArrayList<>();

    @Override
    public boolean add(String problem) {
        items.add(texts -> problem);
        return true;
    }

    @Override
    public String get(int i) {
        return items.get(i).in(Texts.EN);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** A problem without a place ({@code key}'s message alone). */
    void say(String key, Object... args) {
        items.add(Msg.of(key, args));
    }

    /** {@code where: message}: at a key path the YAML reader names, or a place as {@link #where} makes it. */
    void at(Object where, String key, Object... args) {
        items.add(Msg.of("cases.load.at", place(where), Msg.of(key, args)));
    }

    /** A place the YAML reader wrote as {@code path (line N)}, told in the problem's language. */
    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("(.*) \\(line (\\d+)\\)");

    private static Object place(Object where) {
        if (where instanceof String s) {
            java.util.regex.Matcher m = LINE.matcher(s);
            if (m.matches()) {
                return where(m.group(1), m.group(2));
            }
        }
        return where;
    }

    /** {@code path (line N): message}. */
    void line(String path, int line, String key, Object... args) {
        at(where(path, line), key, args);
    }

    /** {@code path (line N)}, as a place a problem names. */
    static Text where(String path, Object line) {
        return Msg.of("cases.load.where", path, line);
    }

    /** The problems as {@link Text}s, in order. */
    List<Text> texts() {
        return List.copyOf(items);
    }
}
