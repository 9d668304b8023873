package subsidy.program;

import java.math.BigDecimal;
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
 */
public record ProgramResult(String programId, boolean eligible, BigDecimal base, BigDecimal rate,
        BigDecimal unitAmount, BigDecimal quantity, BigDecimal amount, BigDecimal months, String reason) {

    /** The same result paid nothing, because a program it may not be combined with pays more. */
    public ProgramResult notPaid(String why) {
        return new ProgramResult(programId, eligible, base, rate, unitAmount, quantity, Money.ZERO,
                months == null ? null : Money.ZERO, why);
    }

    public static ProgramResult ineligible(Program p, String reason) {
        return new ProgramResult(p.id(), false, null, null, null, null, Money.ZERO,
                p.reportsMonths() ? Money.ZERO : null, reason);
    }
}
