package subsidy.entity;

import subsidy.text.Msg;

/**
 * The unified social credit code of GB 32100-2015: 18 characters from a 31-character alphabet,
 * the last a check character over the first 17 with weights 3^i mod 31.
 */
public final class CreditCode {
    public static final int LENGTH = 18;
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = new int[LENGTH - 1];
    private static final byte[] VALUE = new byte[128];

    static {
        int w = 1;
        for (int i = 0; i < WEIGHTS.length; i++) {
            WEIGHTS[i] = w;
            w = w * 3 % 31;
        }
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private CreditCode() {
    }

    /** Value 0..30 of a code character, or -1 when it is not in the alphabet. */
    public static int value(char c) {
        return c < 128 ? VALUE[c] : -1;
    }

    /**
     * Why {@code code} (already upper-cased) is not a valid code, in English, or null when it is.
     */
    public static String problem(String code) {
        Msg why = why(code);
        return why == null ? null : why.toString();
    }

    /**
     * Why {@code code} (already upper-cased) is not a valid code, in any language (catalogue
     * {@code input.credit_code.*}), or null when it is.
     */
    public static Msg why(String code) {
        if (code.length() != LENGTH) {
            return Msg.of("input.credit_code.length", LENGTH, code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (value(code.charAt(i)) < 0) {
                return Msg.of("input.credit_code.character", String.valueOf(code.charAt(i)), i + 1);
            }
        }
        char expected = checkCharacter(code);
        if (code.charAt(LENGTH - 1) != expected) {
            return Msg.of("input.credit_code.check", String.valueOf(code.charAt(LENGTH - 1)), String.valueOf(expected));
        }
        return null;
    }

    /**
     * Whether b[from, from + 18) is a valid code, read straight from a file's bytes: the row
     * parser's way, where {@link #problem} is for saying what is wrong. Apart from it so that the
     * JIT, which compiles both into the parser, does not learn from a million valid codes that no
     * character is ever wrong, and throw the parser's code away at the first file that has one.
     */
    public static boolean valid(byte[] b, int from) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            byte c = b[from + i];
            int v = c < 0 ? -1 : VALUE[c];
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        byte check = b[from + LENGTH - 1];
        return check >= 0 && check == ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The check character for the first 17 characters of {@code code}. */
    public static char checkCharacter(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += value(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
