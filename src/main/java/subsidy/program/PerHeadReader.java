package subsidy.program;

import java.util.ArrayList;
import java.util.List;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.policy.ProgramReader;
import subsidy.policy.ReadContext;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;

/** Reads kind {@code per_head}: {@code units}, each a counted column and an amount per head. */
public final class PerHeadReader {
    private PerHeadReader() {
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        List<Node> items = p.list("units", true);
        if (items == null) {
            return null;
        }
        List<PerHead.Unit> units = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields u = ctx.fields(items.get(i), p.child("units") + "[" + i + "]");
            if (u == null) {
                continue;
            }
            ColumnRef column = ctx.column(u, "column", Column.Kind.COUNT);
            subsidy.policy.Figure amount = ctx.fen(ctx.figure(u, "amount", true, false), u.where("amount"));
            u.finish();
            if (column != null && amount != null) {
                ctx.lint().perHeadUnit(u.path(), u.line(), column.header(), amount.pay());
                units.add(new PerHead.Unit(column, amount.pay(), amount.noteText()));
            }
        }
        if (items.isEmpty()) {
            ctx.problems().add("policy.per_head.no_units", p.where("units"));
        }
        return units.size() == items.size() ? new PerHead(h.id(), h.title(), h.clauses(), h.who(), units) : null;
    }
}
