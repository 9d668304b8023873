package subsidy.hire;

import subsidy.entity.CreditCode;
import subsidy.entity.ResidentId;

/**
 * Compact keys, so that a million hires are held in primitive arrays: a resident identity number is its
 * first 17 digits as a long (the 18th is their check character, worked out again when it is shown); a
 * credit code is two longs, its first and last 9 characters in base 31.
 */
public final class Keys {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Keys() {
    }

    /** A valid identity number's key: its first 17 digits. */
    public static long person(String idNumber) {
        long v = 0;
        for (int i = 0; i < ResidentId.LENGTH - 1; i++) {
            v = v * 10 + (idNumber.charAt(i) - '0');
        }
        return v;
    }

    /** The identity number of a key, with its check character. */
    public static String idNumber(long person) {
        StringBuilder b = new StringBuilder(ResidentId.LENGTH);
        String digits = Long.toString(person);
        for (int i = digits.length(); i < ResidentId.LENGTH - 1; i++) {
            b.append('0');
        }
        b.append(digits);
        b.append(ResidentId.checkCharacter(b));
        return b.toString();
    }

    /** The first 9 characters of a credit code (valid, upper case) in base 31. */
    public static long firmHigh(String code) {
        return base31(code, 0);
    }

    /** The last 9 characters of a credit code in base 31. */
    public static long firmLow(String code) {
        return base31(code, 9);
    }

    private static long base31(String code, int from) {
        long v = 0;
        for (int i = from; i < from + 9; i++) {
            int d = CreditCode.value(code.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v * 31 + d;
        }
        return v;
    }

    /** The credit code of its two halves. */
    public static String firm(long high, long low) {
        char[] c = new char[CreditCode.LENGTH];
        write(c, 0, high);
        write(c, 9, low);
        return new String(c);
    }

    private static void write(char[] c, int from, long v) {
        for (int i = from + 8; i >= from; i--) {
            c[i] = ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
    }

    /** Whether {@code code} has the form of a credit code (18 characters of the alphabet): a key can be made of it. */
    public static boolean firmShaped(String code) {
        return code.length() == CreditCode.LENGTH && base31(code, 0) >= 0 && base31(code, 9) >= 0;
    }
}
