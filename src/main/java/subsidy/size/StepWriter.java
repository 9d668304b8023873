package subsidy.size;

import java.math.BigDecimal;

/**
 * Where {@link SizeTable#explain(subsidy.entity.Entity, SizeRow, StepWriter)} writes the tier tests
 * that settle a size: step after step, each in pieces, so that a report can copy them into its row
 * without a String being made for each firm.
 */
public interface StepWriter {
    /** Another step begins. */
    void step();

    void piece(String text);

    /** A firm's figure, written as {@link BigDecimal#toPlainString()} writes it. */
    void figure(BigDecimal value);
}
