package subsidy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.ProgramResult;

/** details.csv: one row per entity and program, with the figures the amount came from. */
public final class DetailsTable {
    public static final List<String> HEADER = List.of("entity_id", "line", "program", "eligible", "base", "rate",
            "unit_amount", "quantity", "amount", "clause", "reason");

    private final List<String> clauses;

    public DetailsTable(Policy policy) {
        clauses = policy.programs().stream().map(p -> p.clauseLabel()).toList();
    }

    public List<List<String>> rows(EntityResult r) {
        List<List<String>> rows = new ArrayList<>(r.programs().size());
        for (int i = 0; i < r.programs().size(); i++) {
            ProgramResult p = r.programs().get(i);
            rows.add(List.of(r.entity().entityId(), Long.toString(r.line()), p.programId(),
                    Boolean.toString(p.eligible()), plain(p.base()), plain(p.rate()), plain(p.unitAmount()),
                    plain(p.quantity()), Money.format(p.amount()), clauses.get(i),
                    p.reason() == null ? "" : p.reason()));
        }
        return rows;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
