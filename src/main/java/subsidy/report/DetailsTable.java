package subsidy.report;

import java.math.BigDecimal;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.policy.Policy;
import subsidy.program.ProgramResult;
import subsidy.text.Texts;

/**
 * details.csv: one row per entity and program, with the figures the amount came from, the reason and its code.
 * In Chinese the header names the columns, a program is named by its title and eligible is 是 or 否;
 * the reason codes stay codes.
 */
public final class DetailsTable {
    /** The English header: the column ids. */
    public static final List<String> HEADER = List.of("entity_id", "line", "program", "eligible", "base", "rate",
            "unit_amount", "quantity", "amount", "clause", "reason", "reason_code");

    private final List<String> clauses;
    private final List<String> header;
    private final String[] programs;
    private final String yes;
    private final String no;

    public DetailsTable(Policy policy) {
        this(policy, Texts.EN);
    }

    public DetailsTable(Policy policy, Texts texts) {
        Labels labels = Labels.of(texts);
        clauses = policy.programs().stream()
                .map(p -> subsidy.policy.Citation.cite(policy.sources(), p.clauses(), texts)).toList();
        List<String> h = new java.util.ArrayList<>(labels.all("report.details.", HEADER));
        if (policy.households()) {
            h.set(0, labels.get("report.details.household_id"));
        }
        header = List.copyOf(h);
        programs = policy.programs().stream().map(labels::program).toArray(String[]::new);
        yes = labels.get("report.details.yes");
        no = labels.get("report.details.no");
    }

    /** The header in the table's language ({@link #HEADER} in English). */
    public List<String> header() {
        return header;
    }

    /** One row per program, line feeds included, as details.csv holds them. */
    public byte[] render(EntityResult r, CsvLine line) {
        line.clear();
        for (int i = 0; i < r.programs().size(); i++) {
            ProgramResult p = r.programs().get(i);
            line.text(r.entity().entityId()).text(Long.toString(r.line())).code(programs[i])
                    .code(p.eligible() ? yes : no).text(plain(p.base())).text(plain(p.rate()))
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
