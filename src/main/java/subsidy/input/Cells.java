package subsidy.input;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import subsidy.text.Msg;

/** Readers for the value kinds of SPEC §2. Each takes a non-blank cell and either reads it or says why not. */
final class Cells {
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern GROUPED_DECIMAL = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern GROUPED_DIGITS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    /** 2022.4.15 (one separator throughout) and 2022年4月15日, as clerks write dates. */
    private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4}) ?年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?日");
    private static final Pattern EXPONENT = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    /** Counts past this are not a real firm's and would overflow per-head sums. */
    static final long MAX_COUNT = 100_000_000L;

    // What is wrong with a cell, after its column and value; made once, as most recur row after row.
    static final Msg NEGATIVE_COUNT = Msg.of("input.cell.negative_count");
    static final Msg NOT_WHOLE = Msg.of("input.cell.not_whole");
    static final Msg COUNT_TOO_LARGE = Msg.of("input.cell.count_too_large", MAX_COUNT);
    static final Msg NEGATIVE_AMOUNT = Msg.of("input.cell.negative_amount");
    static final Msg EXPONENT_AMOUNT = Msg.of("input.cell.exponent_amount");
    static final Msg NOT_AMOUNT = Msg.of("input.cell.not_amount");
    static final Msg TOO_MANY_DECIMALS = Msg.of("input.cell.too_many_decimals");
    static final Msg RATE_NEGATIVE = Msg.of("input.cell.rate_negative");
    static final Msg NOT_RATE = Msg.of("input.cell.not_rate");
    static final Msg RATE_ABOVE_ONE = Msg.of("input.cell.rate_above_one");
    static final Msg NEGATIVE_NUMBER = Msg.of("input.cell.negative_number");
    static final Msg NOT_NUMBER = Msg.of("input.cell.not_number");
    static final Msg NOT_BOOLEAN = Msg.of("input.cell.not_boolean");
    static final Msg NOT_DATE = Msg.of("input.cell.not_date");
    static final Msg NOT_CALENDAR_DATE = Msg.of("input.cell.not_calendar_date");
    static final Msg BAD_REGION = Msg.of("input.cell.bad_region");
    static final Msg BAD_INDUSTRY = Msg.of("input.cell.bad_industry");
    static final Msg SPREADSHEET_CODE = Msg.of("input.cell.spreadsheet_code");
    static final Msg UNKNOWN_ENTITY_TYPE = Msg.of("input.cell.unknown_entity_type");
    static final Msg UNKNOWN_SIZE = Msg.of("input.cell.unknown_size");
    static final Msg UNKNOWN_LANDLORD = Msg.of("input.cell.unknown_landlord");

    private Cells() {
    }

    /**
     * Full-width digits, letters and signs (common in Chinese spreadsheets), and the small forms of
     * comma, point, plus and minus, become ASCII, and any space becomes one; spaces at the ends go.
     * Only those: NFKC would also read a superscript, circled or bold digit as a digit ("10²" → 102).
     */
    static String normalize(String cell) {
        String s = cell.strip();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                StringBuilder ascii = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    ascii.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0)
                            : c == '\uFE50' ? ',' : c == '\uFE52' ? '.' : c == '\uFE62' ? '+' : c == '\uFE63' ? '-'
                            : Character.isSpaceChar(c) || Character.isWhitespace(c) ? ' ' : c);
                }
                return ascii.toString().strip();
            }
        }
        return s;
    }

    static long count(String cell) throws CellException {
        String s = normalize(cell);
        if (!s.isEmpty() && s.length() <= 9 && plainDigits(s, 0, s.length())) {
            long v = Long.parseLong(s);   // the common case, without a regular expression
            if (v <= MAX_COUNT) {
                return v;
            }
        }
        if (s.startsWith("-")) {
            throw new CellException(RejectionCode.NEGATIVE_COUNT, NEGATIVE_COUNT);
        }
        if (GROUPED_DIGITS.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!DIGITS.matcher(s).matches()) {
            throw new CellException(RejectionCode.NOT_A_NUMBER, NOT_WHOLE);
        }
        String digits = s.replaceFirst("^0+(?=\\d)", ""); // 0000000005 is 5, however many zeros lead it
        if (digits.length() > 9 || Long.parseLong(digits) > MAX_COUNT) {
            throw new CellException(RejectionCode.COUNT_TOO_LARGE, COUNT_TOO_LARGE);
        }
        return Long.parseLong(digits);
    }

    static BigDecimal money(String cell) throws CellException {
        String s = normalize(cell);
        // ¥4,200.00, 4200元, 300万, 4.2万元: the sign and unit clerks write, 万 converted exactly.
        boolean wan = false;
        if (!s.isEmpty() && (s.charAt(0) == '\u00A5' || s.charAt(0) == '\uFFE5')) {
            s = s.substring(1).strip();
        }
        if (s.endsWith("元")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.endsWith("万")) {
            s = s.substring(0, s.length() - 1).strip();
            wan = true;
        }
        BigDecimal yuan = plainMoney(s);
        return wan ? yuan.multiply(subsidy.money.Money.WAN) : yuan;
    }

    /** An amount written as digits, with thousands separators or not. */
    private static BigDecimal plainMoney(String s) throws CellException {
        int dot = s.indexOf('.');
        if (dot != 0 && dot != s.length() - 1 && !s.isEmpty()
                && (dot < 0 ? plainDigits(s, 0, s.length())
                        : plainDigits(s, 0, dot) && plainDigits(s, dot + 1, s.length()))) {
            return plainDecimal(s, dot);   // the common case, without a regular expression
        }
        if (s.startsWith("-")) {
            throw new CellException(RejectionCode.NEGATIVE_AMOUNT, NEGATIVE_AMOUNT);
        }
        if (GROUPED_DECIMAL.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!PLAIN_DECIMAL.matcher(s).matches()) {
            throw EXPONENT.matcher(s).matches()
                    ? new CellException(RejectionCode.SPREADSHEET_MANGLED, EXPONENT_AMOUNT)
                    : new CellException(RejectionCode.NOT_A_NUMBER, NOT_AMOUNT);
        }
        return new BigDecimal(s);
    }

    /** Digits with at most one dot inside, read without the char[] copy of {@code new BigDecimal(String)}. */
    private static BigDecimal plainDecimal(String s, int dot) {
        int scale = dot < 0 ? 0 : s.length() - dot - 1;
        if (s.length() - (dot < 0 ? 0 : 1) > 18) {
            return new BigDecimal(s); // may not fit a long
        }
        long unscaled = 0;
        for (int i = 0; i < s.length(); i++) {
            if (i != dot) {
                unscaled = unscaled * 10 + (s.charAt(i) - '0');
            }
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    private static boolean plainDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A policy's money: yuan to the fen at most, as the payments it is the base of. */
    static BigDecimal fen(BigDecimal amount) throws CellException {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new CellException(RejectionCode.TOO_MANY_DECIMALS, TOO_MANY_DECIMALS);
        }
        return amount;
    }

    /** A rate: 0.15, or 15% (the percent sign full-width or not), from 0 to 1. */
    static BigDecimal rate(String cell) throws CellException {
        String s = normalize(cell);
        boolean percent = s.endsWith("%");
        String number = percent ? s.substring(0, s.length() - 1).strip() : s;
        if (number.startsWith("-")) {
            throw new CellException(RejectionCode.BAD_RATE, RATE_NEGATIVE);
        }
        if (!PLAIN_DECIMAL.matcher(number).matches()) {
            throw new CellException(RejectionCode.BAD_RATE, NOT_RATE);
        }
        BigDecimal r = new BigDecimal(number);
        if (percent) {
            r = r.movePointLeft(2);
        }
        if (r.compareTo(BigDecimal.ONE) > 0) {
            throw new CellException(RejectionCode.BAD_RATE, RATE_ABOVE_ONE);
        }
        return r.stripTrailingZeros().scale() < 0 ? r.setScale(0) : r.stripTrailingZeros();
    }

    /**
     * A code, spaces at the ends removed; when the policy lists the codes, one of them whatever its case
     * (as the built-in codes are read: {@code SMALL} is small), given in the policy's spelling.
     */
    /**
     * As {@link #code(String, java.util.List)}, for a column that also reads words for its codes (a
     * household list's residence: 城镇 is urban): a cell that is neither is told both.
     */
    static String code(String cell, java.util.List<String> allowed, java.util.Map<String, String> words)
            throws CellException {
        if (words.isEmpty()) {
            return code(cell, allowed);
        }
        try {
            return code(cell, allowed);
        } catch (CellException e) {
            java.util.List<String> both = new java.util.ArrayList<>(allowed);
            both.addAll(words.keySet());
            throw new CellException(RejectionCode.UNKNOWN_CODE,
                    Msg.of("input.cell.unknown_code", InputTexts.commas(InputTexts.literals(both))));
        }
    }

    static String code(String cell, java.util.List<String> allowed) throws CellException {
        String s = normalize(cell);
        if (allowed.isEmpty()) {
            return s;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(s)) {
                return a;
            }
        }
        throw new CellException(RejectionCode.UNKNOWN_CODE,
                Msg.of("input.cell.unknown_code", InputTexts.commas(InputTexts.literals(allowed))));
    }

    /** A policy's number column (an area, a quantity): a decimal ≥ 0, with a number's messages. */
    static BigDecimal number(String cell) throws CellException {
        try {
            return money(cell);
        } catch (CellException e) {
            if (e.code() == RejectionCode.NEGATIVE_AMOUNT) {
                throw new CellException(RejectionCode.NEGATIVE_AMOUNT, NEGATIVE_NUMBER);
            }
            if (e.code() == RejectionCode.NOT_A_NUMBER) {
                throw new CellException(RejectionCode.NOT_A_NUMBER, NOT_NUMBER);
            }
            throw e;
        }
    }

    static boolean bool(String cell) throws CellException {
        return switch (normalize(cell).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "是" -> true;
            case "false", "no", "0", "否" -> false;
            default -> throw new CellException(RejectionCode.NOT_A_BOOLEAN, NOT_BOOLEAN);
        };
    }

    static LocalDate date(String cell) throws CellException {
        String s = normalize(cell);
        var m = DATE.matcher(s);
        if (!m.matches()) {
            m = DOTTED_DATE.matcher(s);
        }
        if (!m.matches()) {
            m = CHINESE_DATE.matcher(s);
        }
        if (!m.matches()) {
            throw new CellException(RejectionCode.BAD_DATE, NOT_DATE);
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new CellException(RejectionCode.BAD_DATE, NOT_CALENDAR_DATE);
        }
    }

    static String region(String cell) throws CellException {
        String s = normalize(cell);
        if (s.length() != 6 || !plainDigits(s, 0, 6)) {
            throw new CellException(RejectionCode.BAD_REGION_CODE, BAD_REGION);
        }
        return s;
    }

    static String industry(String cell) throws CellException {
        String s = normalize(cell).toUpperCase(Locale.ROOT);
        // [A-T]\d{0,4}, checked by hand: this runs for every row
        if (s.isEmpty() || s.length() > 5 || s.charAt(0) < 'A' || s.charAt(0) > 'T' || !plainDigits(s, 1, s.length())) {
            throw new CellException(RejectionCode.BAD_INDUSTRY_CODE, BAD_INDUSTRY);
        }
        return s;
    }

    static String creditCode(String cell) throws CellException {
        String s = normalize(cell).toUpperCase(Locale.ROOT);
        Msg problem = subsidy.entity.CreditCode.why(s);
        // A valid code may look like a number in exponent form (1153040291108147E8), so only a
        // code that fails the check is taken for one a spreadsheet mangled.
        if (problem != null && EXPONENT.matcher(s).matches()) {
            throw new CellException(RejectionCode.SPREADSHEET_MANGLED, SPREADSHEET_CODE);
        }
        if (problem != null) {
            throw new CellException(RejectionCode.BAD_CREDIT_CODE,
                    Msg.of("input.cell.bad_credit_code", problem));
        }
        return s;
    }

    /** A household list's household id (户编号): 1 to 32 letters, digits, -, _ or /, kept upper case. */
    static String householdId(String cell) throws CellException {
        String s = normalize(cell).toUpperCase(Locale.ROOT);
        if (EXPONENT.matcher(s).matches()) { // 2101140010001 as Excel shows a long number: 2.10114E+12
            throw new CellException(RejectionCode.SPREADSHEET_MANGLED, SPREADSHEET_CODE);
        }
        if (!subsidy.entity.Households.validId(s)) {
            throw new CellException(RejectionCode.BAD_HOUSEHOLD_ID, Msg.of("household.cell.bad_household_id"));
        }
        return s;
    }

    /** A resident identity number (GB 11643-1999), a final x read as X; the message never quotes it. */
    static String residentId(String cell) throws CellException {
        String s = subsidy.entity.ResidentId.normalize(normalize(cell));
        Msg problem = subsidy.entity.ResidentId.why(s);
        if (problem != null && EXPONENT.matcher(s).matches()) {
            throw new CellException(RejectionCode.SPREADSHEET_MANGLED, Msg.of("household.cell.spreadsheet_id"));
        }
        if (problem != null) {
            throw new CellException(RejectionCode.BAD_ID_NUMBER, Msg.of("household.cell.bad_id_number", problem));
        }
        return s;
    }
}
