package subsidy.input;

import java.util.Locale;
import subsidy.Reason;

/**
 * Why a row is rejected, as a stable code beside each reason's text (rejected.csv's
 * {@code reason_codes}, {@link Rejection#codes()}). A code once published is never renamed: scripts
 * and policy test cases check codes, while the texts change and will be translated. A new kind of
 * reason gets a new constant; README.md's "Reason codes" lists them all.
 */
public enum RejectionCode {
    CELLS_COUNT_MISMATCH("the row has more or fewer cells than the header"),
    TEXT_AFTER_QUOTE("a quoted cell has text after its closing quote"),
    MISSING_VALUE("a required cell is blank"),
    CELL_TOO_LONG("a cell is longer than 1000 characters"),
    NUL_CHARACTER("a cell holds a NUL character (byte 0)"),
    NOT_TEXT_IN_ENCODING("a cell holds bytes that are not text in the file's encoding"),
    REPLACEMENT_CHARACTER("a cell holds U+FFFD, left where an earlier conversion lost a character"),
    BAD_CREDIT_CODE("entity_id is not a valid unified social credit code (length, characters, check character)"),
    SPREADSHEET_MANGLED("a spreadsheet turned the cell into a number in exponent form (9.15301E+17)"),
    UNKNOWN_ENTITY_TYPE("entity_type is not enterprise, individual_business or nonprofit"),
    UNKNOWN_SIZE_CLASS("size_class is not large, medium, small or micro"),
    UNKNOWN_LANDLORD_TYPE("landlord_type is not state_enterprise, government, public_institution or private"),
    BAD_REGION_CODE("region_code is not a 6-digit county-level code"),
    BAD_INDUSTRY_CODE("industry_code is not a GB/T 4754-2017 code (a letter A-T and up to 4 digits)"),
    NOT_A_NUMBER("a count or amount is not a number (约300万, 3.5 people)"),
    NEGATIVE_COUNT("a count is below 0"),
    NEGATIVE_AMOUNT("an amount is below 0"),
    COUNT_TOO_LARGE("a count is larger than 100000000"),
    NOT_A_BOOLEAN("a true/false cell is not true/false, yes/no, 1/0 or 是/否"),
    BAD_DATE("a date is not a calendar date written like 2022-03-01, 2022/3/1, 2022.3.1 or 2022年3月1日"),
    IMPLAUSIBLE_LEASE_DATE("a lease date's year is before 1949 or after 2100"),
    END_BEFORE_START("lease_end is before lease_start"),
    DUPLICATE_ENTITY_ID("an earlier row (of any input) has the same entity_id; only the first is computed"),
    SIZE_NOT_DERIVABLE("an enterprise with a blank size_class and too few figures to derive one"),
    TOO_MANY_DECIMALS("an amount in a policy's money column has more than two decimals (yuan to the fen)"),
    BAD_RATE("a cell of a policy's rate column is not a rate from 0 to 1 (0.15) or from 0% to 100% (15%)"),
    UNKNOWN_CODE("a cell of a policy's code column is not one of the codes the policy lists for it");

    private final String code;
    private final String meaning;

    RejectionCode(String meaning) {
        this.code = name().toLowerCase(Locale.ROOT);
        this.meaning = meaning;
    }

    /** The published code, snake_case. */
    public String code() {
        return code;
    }

    /** What the code means, for README.md's table. */
    public String meaning() {
        return meaning;
    }

    public Reason reason(String text) {
        return new Reason(code, text);
    }
}
