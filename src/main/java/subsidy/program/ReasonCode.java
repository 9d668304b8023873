package subsidy.program;

import java.util.Locale;
import subsidy.Reason;

/**
 * Why a program pays an entity nothing (or, for a ledger's limits, less than computed), as a stable code
 * beside the reason's text (details.csv's
 * {@code reason_code}, {@link ProgramResult#reasonCode()}). A code once published is never renamed:
 * scripts and policy test cases check codes, while the texts change and will be translated. A new
 * kind of reason gets a new constant; README.md's "Reason codes" lists them all.
 */
public enum ReasonCode {
    NOT_FOR_ENTITY_TYPE("the program is not for this entity type (enterprise, individual business, nonprofit)"),
    NOT_SIZED("the program is for enterprises of some sizes, and this entity type has no size class"),
    NOT_FOR_SIZE("the program is not for the entity's size class"),
    NOT_FOR_INDUSTRY("the entity's industry code is under none of the program's industry prefixes, or under one"
            + " it excludes"),
    REGION_NOT_LISTED("the entity's region code is not in the region list the program names"),
    CONDITION_FALSE("a true/false column the program needs true is false (such as severely_affected)"),
    CONDITION_TRUE("a true/false column the program needs false is true"),
    SERIOUS_DISHONESTY("serious_dishonesty is true: an entity listed for serious dishonesty is excluded"),
    BELOW_MINIMUM("a count or amount is below the least the program asks for (at_least)"),
    NO_LEASE("the program is for tenants, and landlord_type is blank"),
    NOT_FOR_LANDLORD_TYPE("the program is not for leases from this landlord type (such as a private landlord)"),
    NO_ALTERNATIVE_MET("none of the program's alternatives (any_of) holds; the text gives each one's reason"),
    NOT_INSURED("no unemployment insurance was paid last year (ui_paid_last_year is 0)"),
    LAYOFF_RATE_OVER_LIMIT("the layoff rate is above the program's limit (and above the small-unit limit, if any)"),
    LAYOFF_RATE_IN_NO_TIER("the layoff rate falls in none of the program's rate tiers"),
    NONE_COUNTED("eligible, but the columns paid per head add up to 0 (no hires, no certificates)"),
    NO_RENT("monthly_rent is 0"),
    LEASE_OUTSIDE_RENT_PERIOD("the lease ended before, or started after, the period whose rent is waived"),
    MONTHS_ALREADY_GRANTED("eligible, but rent_free_months_granted already covers the months due"),
    PAID_BY_HIGHER_PROGRAM("not combined with another program of its exclusive group, which pays more"),
    NO_VALUE("a cell the program needs (a policy's rate, date or code column) is blank"),
    OUTSIDE_DATE_WINDOW("a date the program checks (a claim's date, say) is outside its window or after its deadline"),
    NOT_FOR_CODE("a policy's code column holds a code the program is not for"),
    NOTHING_IN_BASE("eligible, but the money column the program pays a share of is 0"),
    NO_MONTHS_IN_WINDOW("eligible, but none of the months the program counts falls inside its window"),
    NOT_IN_TABLE("the program's table has no amount for the entity's value (a region the county has not set a"
            + " figure for, a level not listed)"),
    CAPPED("paid: the amount computed is above the program's cap for one entity (or per person) in one run; the"
            + " cap is paid"),
    RAISED_TO_MINIMUM("paid: the amount computed is below the program's least amount; the least amount is paid"),
    FIGURE_CHOSEN("paid: the text gives a ceiling, a floor or a range (最高…, 不低于…, …至…), and the policy"
            + " chose the figure paid; the note says which and who set it"),
    LEDGER_PAID_ALREADY("with a ledger: paid to this entity already (once, or once this year), in the period and"
            + " batch the text names"),
    LEDGER_MONTHS_USED("with a ledger: months waived in earlier periods count against the months due; the rest is"
            + " paid, or nothing when none is left"),
    LEDGER_CAP_REACHED("with a ledger: the program's cap over all periods (or in the year) is reached; the rest of the cap is paid,"
            + " or nothing when none is left"),
    // hire lists (calc --hires)
    COUNTED_FROM_HIRES("paid: the heads were counted from the hire list (--hires), each person once, not from the"
            + " firm's count columns; hires.csv lists each hire with its outcome");

    private final String code;
    private final String meaning;

    ReasonCode(String meaning) {
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

    /** This code with a reason's text. Make it once when the text recurs. */
    public Reason reason(String text) {
        return new Reason(code, text);
    }
}
