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
    /** The first two digits: a province-level code of GB/T 2260 (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门). */
    private static final java.util.Set<Integer> PROVINCES = java.util.Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31,
            32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82);
    /** Birth years a living person's number may hold: the oldest person recorded was born in 1875. */
    static final int FIRST_BIRTH_YEAR = 1875;
    static final int LAST_BIRTH_YEAR = 2099;
    /** A run of 15 to 18 digits (the last may be X): what may be an identity number inside other text. */
    private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{14,17}[0-9Xx](?![0-9])");

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
        if (!PROVINCES.contains(Integer.parseInt(id.substring(0, 2)))) {
            return Msg.of("household.resident_id.province", id.substring(0, 2));
        }
        LocalDate born = birthDate(id);
        if (born == null || born.getYear() < FIRST_BIRTH_YEAR || born.getYear() > LAST_BIRTH_YEAR) {
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
     * {@code text} with every run of digits that may be an identity number (15 to 18 characters) masked
     * as {@link #mask} masks one: for quoting a cell of a household list that should hold no such number.
     */
    public static String maskRuns(String text) {
        java.util.regex.Matcher m = RUN.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        do {
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    /** Whether {@code text} holds a run of digits that may be an identity number ({@link #maskRuns}). */
    public static boolean holdsRun(String text) {
        return RUN.matcher(text).find();
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
