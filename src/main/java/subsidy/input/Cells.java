package subsidy.input;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

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
            throw new CellException(RejectionCode.NEGATIVE_COUNT, "must be a whole number ≥ 0");
        }
        if (GROUPED_DIGITS.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!DIGITS.matcher(s).matches()) {
            throw new CellException(RejectionCode.NOT_A_NUMBER, "is not a whole number");
        }
        String digits = s.replaceFirst("^0+(?=\\d)", ""); // 0000000005 is 5, however many zeros lead it
        if (digits.length() > 9 || Long.parseLong(digits) > MAX_COUNT) {
            throw new CellException(RejectionCode.COUNT_TOO_LARGE, "is larger than " + MAX_COUNT);
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
            throw new CellException(RejectionCode.NEGATIVE_AMOUNT, "must be an amount ≥ 0");
        }
        if (GROUPED_DECIMAL.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!PLAIN_DECIMAL.matcher(s).matches()) {
            throw EXPONENT.matcher(s).matches()
                    ? new CellException(RejectionCode.SPREADSHEET_MANGLED,
                            "is in exponent notation (a spreadsheet may have rounded it); write the plain amount")
                    : new CellException(RejectionCode.NOT_A_NUMBER, "is not an amount in yuan");
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
            throw new CellException(RejectionCode.TOO_MANY_DECIMALS,
                    "has more than two decimals; money is in yuan to the fen (0.01)");
        }
        return amount;
    }

    /** A rate: 0.15, or 15% (the percent sign full-width or not), from 0 to 1. */
    static BigDecimal rate(String cell) throws CellException {
        String s = normalize(cell);
        boolean percent = s.endsWith("%");
        String number = percent ? s.substring(0, s.length() - 1).strip() : s;
        if (number.startsWith("-")) {
            throw new CellException(RejectionCode.BAD_RATE, "is below 0; a rate is from 0 to 1 (or 0% to 100%)");
        }
        if (!PLAIN_DECIMAL.matcher(number).matches()) {
            throw new CellException(RejectionCode.BAD_RATE, "is not a rate like 0.15 or 15%");
        }
        BigDecimal r = new BigDecimal(number);
        if (percent) {
            r = r.movePointLeft(2);
        }
        if (r.compareTo(BigDecimal.ONE) > 0) {
            throw new CellException(RejectionCode.BAD_RATE, "is above 1; a rate is from 0 to 1 (or 0% to 100%)");
        }
        return r.stripTrailingZeros().scale() < 0 ? r.setScale(0) : r.stripTrailingZeros();
    }

    /**
     * A code, spaces at the ends removed; when the policy lists the codes, one of them whatever its case
     * (as the built-in codes are read: {@code SMALL} is small), given in the policy's spelling.
     */
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
        throw new CellException(RejectionCode.UNKNOWN_CODE, "is not one of " + String.join(", ", allowed));
    }

    /** A policy's number column (an area, a quantity): a decimal ≥ 0, with a number's messages. */
    static BigDecimal number(String cell) throws CellException {
        try {
            return money(cell);
        } catch (CellException e) {
            if (e.code() == RejectionCode.NEGATIVE_AMOUNT) {
                throw new CellException(RejectionCode.NEGATIVE_AMOUNT, "must be a number ≥ 0");
            }
            if (e.code() == RejectionCode.NOT_A_NUMBER) {
                throw new CellException(RejectionCode.NOT_A_NUMBER, "is not a number");
            }
            throw e;
        }
    }

    static boolean bool(String cell) throws CellException {
        return switch (normalize(cell).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "是" -> true;
            case "false", "no", "0", "否" -> false;
            default -> throw new CellException(RejectionCode.NOT_A_BOOLEAN, "is not true/false, yes/no, 1/0 or 是/否");
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
            throw new CellException(RejectionCode.BAD_DATE,
                    "is not a date like 2022-03-01, 2022/3/1, 2022.3.1 or 2022年3月1日");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new CellException(RejectionCode.BAD_DATE, "is not a calendar date");
        }
    }

    static String region(String cell) throws CellException {
        String s = normalize(cell);
        if (s.length() != 6 || !plainDigits(s, 0, 6)) {
            throw new CellException(RejectionCode.BAD_REGION_CODE, "must be a 6-digit county-level code");
        }
        return s;
    }

    static String industry(String cell) throws CellException {
        String s = normalize(cell).toUpperCase(Locale.ROOT);
        // [A-T]\d{0,4}, checked by hand: this runs for every row
        if (s.isEmpty() || s.length() > 5 || s.charAt(0) < 'A' || s.charAt(0) > 'T' || !plainDigits(s, 1, s.length())) {
            throw new CellException(RejectionCode.BAD_INDUSTRY_CODE,
                    "must be a GB/T 4754-2017 code: section letter A-T and up to 4 digits");
        }
        return s;
    }

    static String creditCode(String cell) throws CellException {
        String s = normalize(cell).toUpperCase(Locale.ROOT);
        String problem = subsidy.entity.CreditCode.problem(s);
        // A valid code may look like a number in exponent form (1153040291108147E8), so only a
        // code that fails the check is taken for one a spreadsheet mangled.
        if (problem != null && EXPONENT.matcher(s).matches()) {
            throw new CellException(RejectionCode.SPREADSHEET_MANGLED,
                    "was turned into a number by a spreadsheet; export the column as text");
        }
        if (problem != null) {
            throw new CellException(RejectionCode.BAD_CREDIT_CODE, "is not a unified social credit code: " + problem);
        }
        return s;
    }
}
