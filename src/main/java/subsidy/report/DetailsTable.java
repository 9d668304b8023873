package subsidy.report;

import java.math.BigDecimal;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.policy.Policy;
import subsidy.program.ProgramResult;

/** details.csv: one row per entity and program, with the figures the amount came from, the reason and its code. */
public final class DetailsTable {
    public static final List<String> HEADER = List.of("entity_id", "line", "program", "eligible", "base", "rate",
            "unit_amount", "quantity", "amount", "clause", "reason", "reason_code");

    private final List<String> clauses;

    public DetailsTable(Policy policy) {
        clauses = policy.programs().stream()
                .map(p -> subsidy.policy.Citation.cite(policy.sources(), p.clauses(), subsidy.text.Texts.EN)).toList();
    }

    /** One row per program, line feeds included, as details.csv holds them. */
    public byte[] render(EntityResult r, CsvLine line) {
        line.clear();
        for (int i = 0; i < r.programs().size(); i++) {
            ProgramResult p = r.programs().get(i);
            line.text(r.entity().entityId()).text(Long.toString(r.line())).text(p.programId())
                    .text(Boolean.toString(p.eligible())).text(plain(p.base())).text(plain(p.rate()))
                    .text(plain(p.unitAmount())).text(plain(p.quantity())).amount(p.amount()).text(clauses.get(i))
                    .text(p.reason() == null ? "" : p.reason()).text(p.reasonCode() == null ? "" : p.reasonCode());
            line.end();
        }
        return line.bytes();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
