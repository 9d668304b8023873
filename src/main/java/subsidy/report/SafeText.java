package subsidy.report;

/**
 * Neutralises text cells a spreadsheet would run as a formula (OWASP, CSV injection): a cell that
 * starts with = + - @ tab or carriage return gets a leading apostrophe. Amounts never pass here, and
 * a cell that is just a signed number (a rejected "-3") is left as it was: it computes nothing.
 */
public final class SafeText {
    private static final java.util.regex.Pattern SIGNED_NUMBER =
            java.util.regex.Pattern.compile("[+-]?[0-9][0-9,]*(\\.[0-9]+)?");

    private SafeText() {
    }

    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return switch (text.charAt(0)) {
            case '+', '-' -> SIGNED_NUMBER.matcher(text).matches() ? text : "'" + text;
            case '=', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
