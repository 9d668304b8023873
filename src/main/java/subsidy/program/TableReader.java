package subsidy.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
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

    /** A band's bound under {@code key}, or null when absent; a count's bound is a whole number. */
    private static BigDecimal bound(Fields b, String key, boolean whole, ReadContext ctx) {
        if (!b.keys().contains(key)) {
            return null;
        }
        BigDecimal v = b.decimal(key, true);
        if (v != null && whole && v.stripTrailingZeros().scale() > 0) {
            ctx.problems().add("policy.table.not_whole", b.where(key), v.toPlainString());
            return null;
        }
        return v;
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        ColumnRef by = ctx.column(p, "by", Column.Kind.CODE, Column.Kind.REGION, Column.Kind.INDUSTRY,
                Column.Kind.ENTITY_TYPE, Column.Kind.LANDLORD, Column.Kind.COUNT, Column.Kind.MONEY, Column.Kind.RATE,
                Column.Kind.NUMBER);
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
            ctx.problems().add("policy.table.wrong_form", p.where(other), by.header(),
                    subsidy.policy.PolicyTexts.kind(by.kind()), need, other);
            return null;
        }
        int before = ctx.problems().size();
        Map<String, Figure> amounts = new LinkedHashMap<>();
        List<Table.Band> bands = new ArrayList<>();
        if (banded) {
            List<Node> items = p.list("bands", true);
            if (items != null) {
                List<Integer> lines = new ArrayList<>();
                boolean whole = by.kind() == Column.Kind.COUNT;
                for (int i = 0; i < items.size(); i++) {
                    Fields b = ctx.fields(items.get(i), p.child("bands") + "[" + i + "]");
                    if (b == null) {
                        continue;
                    }
                    BigDecimal from = bound(b, "from", whole, ctx);
                    BigDecimal to = bound(b, "to", whole, ctx);
                    BigDecimal under = bound(b, "under", whole, ctx);
                    Figure amount = ctx.fen(ctx.figure(b, "amount", true, false), b.where("amount"));
                    b.finish();
                    BigDecimal top = to != null ? to : under;
                    if (to != null && under != null) {
                        ctx.problems().add("policy.table.to_or_under", Fields.where(b.path(), b.line()));
                    } else if (from != null && top != null && (from.compareTo(top) > 0 || (under != null
                            && from.compareTo(under) >= 0))) {
                        ctx.problems().add(to != null ? "policy.table.band_empty_to" : "policy.table.band_empty_under",
                                Fields.where(b.path(), b.line()), from.toPlainString(), top.toPlainString());
                    }
                    if (amount != null) {
                        bands.add(new Table.Band(from, to, under, amount));
                        lines.add(b.line());
                    }
                }
                if (items.isEmpty()) {
                    ctx.problems().add("policy.table.no_bands", p.where("bands"));
                }
                ctx.lint().bands(p.child("bands"), bands, lines, whole ? BigDecimal.ONE
                        : by.kind() == Column.Kind.MONEY ? new BigDecimal("0.01") : null,
                        by.kind() == Column.Kind.RATE ? BigDecimal.ONE : null);
            }
        } else {
            Fields a = p.fields("amounts", true);
            if (a != null) {
                for (String key : a.keys()) {
                    ctx.codesCanMatch(by, List.of(key), a.where(key));
                    Figure amount = ctx.fen(ctx.figure(a, key, true, false), a.where(key));
                    if (amount != null) {
                        amounts.put(key, amount);
                    }
                }
                a.finish();
                if (a.keys().isEmpty()) {
                    // 「奖补标准由县(市)政府……确定」 with no county's figure known yet: pays nothing, and says so.
                    ctx.lint().emptyTable(p.where("amounts"), by.header());
                }
            }
        }
        if (ctx.problems().size() > before) {
            return null;
        }
        return new Table(h.id(), h.title(), h.clauses(), h.who(), by, amounts, bands, per, missing);
    }
}
