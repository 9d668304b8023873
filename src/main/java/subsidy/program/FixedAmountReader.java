package subsidy.program;

import subsidy.policy.ProgramReader;
import subsidy.policy.ReadContext;
import subsidy.policy.yaml.Fields;

/** Reads kind {@code fixed}: {@code amount}, a figure ({@link subsidy.policy.Figure}) which may be dated. */
public final class FixedAmountReader {
    private FixedAmountReader() {
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        subsidy.policy.Figure amount = ctx.fen(ctx.figure(p, "amount", true, false), p.where("amount"));
        return amount == null ? null
                : new FixedAmount(h.id(), h.title(), h.clauses(), h.who(), amount.pay(), amount.noteText());
    }
}
