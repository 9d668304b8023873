package subsidy.input;

import java.util.Locale;
import subsidy.Reason;
import subsidy.text.Texts;

/**
 * Why a row is rejected, as a stable code beside each reason's text (rejected.csv's
 * {@code reason_codes}, {@link Rejection#codes()}). A code once published is never renamed: scripts
 * and policy test cases check codes, while the texts change and are translated. A new kind of
 * reason gets a new constant and its meaning in the catalogue ({@code input.code.<code>} in
 * {@code input_en.properties} and {@code input_zh.properties}); README.md's "Reason codes" lists them all.
 */
public enum RejectionCode {
    CELLS_COUNT_MISMATCH,
    TEXT_AFTER_QUOTE,
    MISSING_VALUE,
    CELL_TOO_LONG,
    NUL_CHARACTER,
    NOT_TEXT_IN_ENCODING,
    REPLACEMENT_CHARACTER,
    BAD_CREDIT_CODE,
    SPREADSHEET_MANGLED,
    UNKNOWN_ENTITY_TYPE,
    UNKNOWN_SIZE_CLASS,
    UNKNOWN_LANDLORD_TYPE,
    BAD_REGION_CODE,
    BAD_INDUSTRY_CODE,
    NOT_A_NUMBER,
    NEGATIVE_COUNT,
    NEGATIVE_AMOUNT,
    COUNT_TOO_LARGE,
    NOT_A_BOOLEAN,
    BAD_DATE,
    IMPLAUSIBLE_LEASE_DATE,
    END_BEFORE_START,
    DUPLICATE_ENTITY_ID,
    SIZE_NOT_DERIVABLE,
    TOO_MANY_DECIMALS,
    BAD_RATE,
    UNKNOWN_CODE,
    // household lists
    BAD_HOUSEHOLD_ID,
    BAD_ID_NUMBER,
    DUPLICATE_HEAD_ID,
    IDENTITY_NUMBER_MISPLACED,
    MORE_THAN_MEMBERS;

    private final String code;

    RejectionCode() {
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The published code, snake_case. */
    public String code() {
        return code;
    }

    /** What the code means, in English, for README.md's table. */
    public String meaning() {
        return meaning(Texts.EN);
    }

    /** What the code means, in a language (catalogue {@code input.code.*}). */
    public String meaning(Texts texts) {
        return texts.get("input.code." + code);
    }

    public Reason reason(String text) {
        return new Reason(code, text);
    }
}
