package subsidy.program;

import java.math.BigDecimal;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.Entity;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Clause;
import subsidy.policy.Criteria;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * Kind {@code fixed} — one amount to every entity that qualifies, such as a county's reward for a
 * poverty workshop employing 50 or more poor labourers (seed 002 @16300 「对带动贫困劳动力和易致贫
 * 边缘人口就业50人以上的扶贫车间加大奖补力度,奖补标准由县(市)政府结合本地实际确定」).
 */
public record FixedAmount(String id, String title, List<Clause> clauses, Criteria who, BigDecimal amount,
        Text note) implements Program {
    public FixedAmount {
        clauses = List.copyOf(clauses);
    }

    @Override
    public ProgramResult evaluate(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        Reason miss = who.failure(e, size, lookups, trace);
        if (miss != null) {
            return ProgramResult.ineligible(this, miss);
        }
        BigDecimal rounded = Money.round(amount);
        Texts t = lookups.texts();
        if (trace.on()) {
            trace.step(t.get("reasons.trace.fixed_amount", Money.format(rounded)));
        }
        return note == null ? ProgramResult.paid(id, null, null, amount, BigDecimal.ONE, rounded, null)
                : new ProgramResult(id, true, null, null, amount, BigDecimal.ONE, rounded, null, note.in(t),
                        ReasonCode.FIGURE_CHOSEN.code());
    }

    @Override
    public List<String> describe(Texts t) {
        String line = t.get("reasons.describe.fixed_amount", amount.toPlainString());
        return List.of(note == null ? line : t.get("reasons.describe.with_note", line, note.in(t)));
    }
}
