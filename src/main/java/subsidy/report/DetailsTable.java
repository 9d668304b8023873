package subsidy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.money.Money;
import subsidy.program.ProgramResult;

/** details.csv: one row per entity and program, with the figures the amount came from. */
public final class DetailsTable {
    public static final List<String> HEADER = List.of("entity_id", "line", "program", "eligible", "base", "rate",
            "unit_amount", "quantity", "amount", "clause", "reason");

    private DetailsTable() {
    }

    public static List<List<String>> rows(EntityResult r) {
        List<List<String>> rows = new ArrayList<>(r.programs().size());
        for (ProgramResult p : r.programs()) {
            rows.add(List.of(r.entity().entityId(), Long.toString(r.line()), p.programId(),
                    Boolean.toString(p.eligible()), plain(p.base()), plain(p.rate()), plain(p.unitAmount()),
                    plain(p.quantity()), Money.format(p.amount()), p.clause(),
                    p.reason() == null ? "" : p.reason()));
        }
        return rows;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
