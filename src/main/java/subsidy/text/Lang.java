package subsidy.text;

import java.util.Locale;

/**
 * The languages output and messages are written in. Chosen by {@code --lang} (never by the locale, so
 * that cron and a clerk's shell write the same bytes); English is the default and stays byte-identical
 * to what the tool wrote before it spoke Chinese.
 */
public enum Lang {
    EN("en"),
    ZH("zh");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** The code {@code --lang} takes and the manifest records: {@code en}, {@code zh}. */
    public String code() {
        return code;
    }

    /** The language a code names ({@code en}, {@code zh}, any case, {@code zh-CN} too), or null. */
    public static Lang parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Lang l : values()) {
            if (t.equals(l.code) || t.startsWith(l.code + "-") || t.startsWith(l.code + "_")) {
                return l;
            }
        }
        return null;
    }
}
