package subsidy.hire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import subsidy.entity.Column;
import subsidy.text.Texts;

/**
 * Who a hire is, as a hire list says it (column {@code category}), and the firm's count column the
 * person counts in when the list is given: a graduate in grad_hires, a registered unemployed youth in
 * youth_hires, a person hard to employ in hard_to_employ_hires.
 */
public enum Category {
    GRADUATE(Column.GRAD_HIRES),
    YOUTH(Column.YOUTH_HIRES),
    HARD_TO_EMPLOY(Column.HARD_TO_EMPLOY_HIRES);

    private final Column column;
    private final String code;

    Category(Column column) {
        this.column = column;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The firm's count column this category's persons are counted in. */
    public Column column() {
        return column;
    }

    /** graduate, youth, hard_to_employ. */
    public String code() {
        return code;
    }

    /** How a report in {@code texts}' language writes it: the code in English, the first Chinese word in Chinese. */
    public String word(Texts texts) {
        String[] w = texts.lang() == subsidy.text.Lang.ZH ? ZH_WORDS : EN_WORDS;
        if (w[ordinal()] == null) {
            w[ordinal()] = words(texts).get(0);
        }
        return w[ordinal()];
    }

    private static final String[] EN_WORDS = new String[3];
    private static final String[] ZH_WORDS = new String[3];

    List<String> words(Texts texts) {
        return List.of(texts.get("hires.category." + code).split("\\|"));
    }

    /** Every word of both languages, squeezed, to its category: made once. */
    private static final class Lookup {
        static final Map<String, Category> WORDS = new HashMap<>();

        static {
            for (Category c : values()) {
                for (Texts t : List.of(Texts.EN, Texts.ZH)) {
                    for (String w : c.words(t)) {
                        WORDS.put(squeeze(w), c);
                    }
                }
            }
        }
    }

    /** The category a cell names, in either language, whatever its case and spaces; null when none. */
    public static Category of(String cell) {
        return Lookup.WORDS.get(squeeze(cell));
    }

    /** The category a cell names by its code exactly (graduate, youth, hard_to_employ): the quick look most cells need. */
    static Category ofCode(String cell) {
        for (Category c : values()) {
            if (c.code.equals(cell)) {
                return c;
            }
        }
        return null;
    }

    /** The category whose column is {@code column}, or null. */
    public static Category ofColumn(Column column) {
        for (Category c : values()) {
            if (c.column == column) {
                return c;
            }
        }
        return null;
    }

    /** Lower case, without spaces or underscores or hyphens: "Hard to employ", "hard-to-employ" are one. */
    static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '\u3000') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
