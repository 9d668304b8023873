package subsidy.hire;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import subsidy.text.Texts;

/** The headers a hire list's columns may have, in either language (catalogue {@code hires.header.*}). */
final class Headers {
    private static final Map<String, Integer> NAMES = new HashMap<>();

    static {
        for (int c = 0; c < HireList.COLUMNS.length; c++) {
            for (Texts t : List.of(Texts.EN, Texts.ZH)) {
                for (String name : t.get("hires.header." + HireList.COLUMNS[c]).split("\\|")) {
                    NAMES.put(squeeze(name), c);
                }
            }
        }
    }

    private Headers() {
    }

    /** The column a header cell names (an index of {@link HireList#COLUMNS}), or -1. */
    static int column(String cell) {
        Integer c = NAMES.get(squeeze(cell));
        return c == null ? -1 : c;
    }

    /** Lower case, no spaces (full-width ones too), full-width brackets as ASCII. */
    private static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                continue;
            }
            b.append(c == '\uFF08' ? '(' : c == '\uFF09' ? ')' : Character.toLowerCase(c));
        }
        return b.toString();
    }
}
