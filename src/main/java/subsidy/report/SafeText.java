package subsidy.report;

/**
 * Neutralises text cells a spreadsheet would run as a formula (OWASP, CSV injection): a cell that
 * starts with = + - @ tab or carriage return gets a leading apostrophe. Amounts never pass here.
 */
public final class SafeText {
    private SafeText() {
    }

    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
