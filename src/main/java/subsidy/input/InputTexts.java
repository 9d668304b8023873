package subsidy.input;

import java.util.List;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * Small pieces the input side's messages are made of, beside the catalogue's {@code input.*} texts:
 * a value that reads the same in every language (a path, a cell as written), and a list of texts
 * joined the way each language joins them.
 */
public final class InputTexts {
    private InputTexts() {
    }

    /** A text that is the same in every language: a path, a quoted cell, an operating system's own words. */
    public static Text literal(String s) {
        return new Literal(s);
    }

    /** The texts joined by {@code input.list.semicolon} ("; ", "；"). */
    public static Text semicolons(List<? extends Text> parts) {
        return join(parts, "input.list.semicolon");
    }

    /** The texts joined by {@code input.list.comma} (", ", "、"). */
    public static Text commas(List<? extends Text> parts) {
        return join(parts, "input.list.comma");
    }

    private static Text join(List<? extends Text> parts, String separator) {
        List<Text> all = List.copyOf(parts);
        return texts -> {
            String sep = texts.get(separator);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                if (i > 0) {
                    b.append(sep);
                }
                b.append(all.get(i).in(texts));
            }
            return b.toString();
        };
    }

    /** Plain strings (codes, names) as texts that are the same in every language. */
    static List<Text> literals(List<String> strings) {
        return strings.stream().map(InputTexts::literal).toList();
    }

    private record Literal(String s) implements Text {
        @Override
        public String in(Texts texts) {
            return s;
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
