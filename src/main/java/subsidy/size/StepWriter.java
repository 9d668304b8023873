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

    /**
     * A firm's figure moved {@code pointLeft} places left (yuan written in 万: 4), exactly, with its
     * trailing zeros dropped: 25000000 → 2500, 31095792.50 → 3109.57925. With 0, as
     * {@link BigDecimal#toPlainString()} writes it.
     */
    void figure(BigDecimal value, int pointLeft);
}
