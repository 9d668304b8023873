package subsidy.entity;

import java.time.DateTimeException;
import java.time.LocalDate;
import subsidy.text.Msg;

/**
 * The citizen identity number of GB 11643-1999 (公民身份号码): 18 characters, an address code of six
 * digits, the birth date as YYYYMMDD, a sequence of three digits and a check character over the first
 * 17, ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11, the remainder read through "10X98765432").
 *
 * <p>The number is a person's data: {@link #mask} is how it is shown wherever it could leak (messages,
 * rejection reasons, the notice list), with the birth date hidden.
 */
public final class ResidentId {
    public static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String HIDDEN = "********";

    private ResidentId() {
    }

    /** The number as it is kept: trimmed, a final {@code x} written {@code X}. */
    public static String normalize(String v) {
        String s = v.strip();
        return s.endsWith("x") ? s.substring(0, s.length() - 1) + "X" : s;
    }

    /** Why {@code id} (normalized) is not a valid number, in any language (catalogue {@code household.resident_id.*}), or null. */
    public static Msg why(String id) {
        if (id.length() != LENGTH) {
            return Msg.of("household.resident_id.length", LENGTH, id.length());
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return Msg.of("household.resident_id.character", i + 1);
            }
        }
        char last = id.charAt(LENGTH - 1);
        if ((last < '0' || last > '9') && last != 'X') {
            return Msg.of("household.resident_id.character", LENGTH);
        }
        if (birthDate(id) == null) {
            return Msg.of("household.resident_id.birth_date");
        }
        char expected = checkCharacter(id);
        if (last != expected) {
            return Msg.of("household.resident_id.check", String.valueOf(last), String.valueOf(expected));
        }
        return null;
    }

    /** Whether {@code id} (normalized) is a valid number. */
    public static boolean valid(String id) {
        return why(id) == null;
    }

    /** The check character over the first 17 digits of {@code id}. */
    public static char checkCharacter(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The birth date the number holds (characters 7 to 14), or null when they are not a date. */
    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (NumberFormatException | DateTimeException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * The number as shown where a person's data could leak: the first six and the last four
     * characters, the birth date and the sequence hidden ({@code 110101********0012}). Whatever is
     * given is masked, valid or not: a value of another length shows at most its first six characters
     * (an address code), and one of ten characters or fewer shows nothing.
     */
    public static String mask(String v) {
        String s = v.strip();
        if (s.length() == LENGTH) {
            return s.substring(0, 6) + HIDDEN + s.substring(LENGTH - 4);
        }
        if (s.length() <= 10) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "*".repeat(s.length() - 6);
    }
}
