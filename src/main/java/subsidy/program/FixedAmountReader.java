package subsidy.program;

import java.math.BigDecimal;
import subsidy.policy.ProgramReader;
import subsidy.policy.ReadContext;
import subsidy.policy.yaml.Fields;

/** Reads kind {@code fixed}: {@code amount}, which may be dated. */
public final class FixedAmountReader {
    private FixedAmountReader() {
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        BigDecimal amount = ctx.datedDecimal(p, "amount", true);
        return amount == null ? null : new FixedAmount(h.id(), h.title(), h.clauses(), h.who(), amount);
    }
}
