package subsidy.program;

import java.math.BigDecimal;
import subsidy.Reason;
import subsidy.money.Money;

/**
 * One program's outcome for one entity, as details.csv shows it: whether it qualified, the figures
 * the amount was computed from, the rounded amount, and the reason when the amount is zero. The
 * clause it rests on is the program's, not repeated here for every entity.
 *
 * @param base       the figure a rate applies to (premiums, rent), or null
 * @param rate       the rate applied to {@code base}, or null
 * @param unitAmount the amount per head or per month, or null
 * @param quantity   heads or months, or null
 * @param months     the months of rent waived, for programs that report them, else null
 * @param reason     why the amount is zero, in a clerk's words; null when paid
 * @param reasonCode the reason's stable code ({@link ReasonCode}); null exactly when {@code reason} is
 */
public record ProgramResult(String programId, boolean eligible, BigDecimal base, BigDecimal rate,
        BigDecimal unitAmount, BigDecimal quantity, BigDecimal amount, BigDecimal months, String reason,
        String reasonCode) {

    public ProgramResult {
        if ((reason == null) != (reasonCode == null)) {
            throw new IllegalArgumentException("a reason and its code come together: " + reason + ", " + reasonCode);
        }
    }

    /** A result paid as computed, with no reason. */
    public static ProgramResult paid(String programId, BigDecimal base, BigDecimal rate, BigDecimal unitAmount,
            BigDecimal quantity, BigDecimal amount, BigDecimal months) {
        return new ProgramResult(programId, true, base, rate, unitAmount, quantity, amount, months, null, null);
    }

    /** The same result paid nothing, because a program it may not be combined with pays more. */
    public ProgramResult notPaid(Reason why) {
        return new ProgramResult(programId, eligible, base, rate, unitAmount, quantity, Money.ZERO,
                months == null ? null : Money.ZERO, why.text(), why.code());
    }

    public static ProgramResult ineligible(Program p, Reason reason) {
        return ineligible(p, reason.code(), reason.text());
    }

    /** For a reason whose text names the entity's own figures, made for the row: no {@link Reason} made. */
    public static ProgramResult ineligible(Program p, ReasonCode code, String text) {
        return ineligible(p, code.code(), text);
    }

    private static ProgramResult ineligible(Program p, String code, String text) {
        return new ProgramResult(p.id(), false, null, null, null, null, Money.ZERO,
                p.reportsMonths() ? Money.ZERO : null, text, code);
    }
}
