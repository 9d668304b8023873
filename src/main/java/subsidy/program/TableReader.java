package subsidy.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.ExtraColumn;
import subsidy.policy.Figure;
import subsidy.policy.ProgramReader;
import subsidy.policy.ReadContext;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;

/**
 * Reads kind {@code table}: {@code by} (a code, region, industry, count, money or rate column), then
 * {@code amounts} (value → amount) for a code or {@code bands} (each {@code from} / {@code to} /
 * {@code under} and an {@code amount}) for a number, and optionally {@code per} (a count column) and
 * {@code missing} (what the note says of a value with no amount: who has not set it). An empty
 * {@code amounts} (no county's figure known yet) pays nothing, with a warning.
 */
public final class TableReader {
    private TableReader() {
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        ColumnRef by = ctx.column(p, "by", Column.Kind.CODE, Column.Kind.REGION, Column.Kind.INDUSTRY,
                Column.Kind.COUNT, Column.Kind.MONEY, Column.Kind.RATE, Column.Kind.NUMBER);
        ColumnRef per = p.keys().contains("per") ? ctx.column(p, "per", Column.Kind.COUNT) : null;
        String missing = p.text("missing", false);
        if (by == null || (p.keys().contains("per") && per == null)) {
            p.node("amounts", false);
            p.node("bands", false);
            return null;
        }
        boolean banded = Table.banded(by.kind());
        String need = banded ? "bands" : "amounts";
        String other = banded ? "amounts" : "bands";
        if (p.keys().contains(other)) {
            p.node(other, false);
            p.node(need, false);
            ctx.problems().add(p.keyAt(other) + ": " + by.header() + " is a " + by.kind().word() + " column, chosen from by "
                    + need + ", not " + other);
            return null;
        }
        int before = ctx.problems().size();
        Map<String, Figure> amounts = new LinkedHashMap<>();
        List<Table.Band> bands = new ArrayList<>();
        if (banded) {
            List<Node> items = p.list("bands", true);
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    Fields b = ctx.fields(items.get(i), p.child("bands") + "[" + i + "]");
                    if (b == null) {
                        continue;
                    }
                    BigDecimal from = b.keys().contains("from") ? b.decimal("from", true) : null;
                    BigDecimal to = b.keys().contains("to") ? b.decimal("to", true) : null;
                    BigDecimal under = b.keys().contains("under") ? b.decimal("under", true) : null;
                    Figure amount = ctx.figure(b, "amount", true, false);
                    b.finish();
                    if (to != null && under != null) {
                        ctx.problems().add(b.path() + " (line " + b.line() + "): give 'to' or 'under', not both");
                    }
                    if (amount != null) {
                        bands.add(new Table.Band(from, to, under, amount));
                    }
                }
                if (items.isEmpty()) {
                    ctx.problems().add(p.keyAt("bands") + ": give at least one band");
                }
                ctx.lint().bands(p.child("bands"), bands, by.kind() == Column.Kind.COUNT);
            }
        } else {
            Fields a = p.fields("amounts", true);
            if (a != null) {
                List<String> allowed = by instanceof ExtraColumn x ? x.values() : List.of();
                for (String key : a.keys()) {
                    if (by == Column.REGION_CODE && !key.matches("\\d{6}")) {
                        ctx.problems().add(a.keyAt(key) + ": '" + key + "' is not a 6-digit region code");
                    }
                    if (!allowed.isEmpty() && !allowed.contains(key)) {
                        ctx.problems().add(a.keyAt(key) + ": '" + key + "' is not one of the values of " + by.header()
                                + " (" + String.join(", ", allowed) + ")");
                    }
                    Figure amount = ctx.figure(a, key, true, false);
                    if (amount != null) {
                        amounts.put(key, amount);
                    }
                }
                a.finish();
                if (a.keys().isEmpty()) {
                    // 「奖补标准由县(市)政府……确定」 with no county's figure known yet: pays nothing, and says so.
                    ctx.lint().emptyTable(p.keyAt("amounts"), by.header());
                }
            }
        }
        if (ctx.problems().size() > before) {
            return null;
        }
        return new Table(h.id(), h.title(), h.clauses(), h.who(), by, amounts, bands, per, missing);
    }
}
