package subsidy.input;

/**
 * Makes text from an input file safe to put in a message: a control character in a cell must not
 * move the cursor, clear the screen, retitle the window or reverse the text on a clerk's terminal.
 */
public final class Escape {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Escape() {
    }

    /**
     * The text with every C0 control (U+0000–U+001F, tab, CR and LF too), DEL, C1 control
     * (U+0080–U+009F) written as {@code \xNN}, and every bidirectional embedding, override or
     * isolate (U+202A–U+202E, U+2066–U+2069) as {@code \\uNNNN}; all else, the backslash included,
     * stays as it is.
     */
    public static String controls(String text) {
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                b.append(c);
            } else if (c < 0x100) {
                b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
        return b.toString();
    }

    /**
     * A value for a message, which quotes it: cut to 60 characters so a megabyte cell does not become a
     * megabyte reason, and with its control characters escaped ({@link #controls}) so it cannot act on a
     * terminal.
     */
    public static String quoted(String v) {
        return controls(v.length() > 60 ? v.substring(0, 57) + "..." : v);
    }

    /** Whether {@link #controls} writes c escaped. */
    public static boolean escaped(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
