package subsidy.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import subsidy.entity.SizeClass;
import subsidy.policy.ProgramReader;
import subsidy.policy.ReadContext;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;

/**
 * Reads kind {@code ui_refund}: a layoff test ({@code layoff_rate_max}, {@code small_unit_insured_max},
 * {@code small_unit_layoff_rate_max}) and {@code rates} by size class, or {@code rate_tiers} by
 * layoff rate (with or without a layoff test).
 */
public final class StableJobRefundReader {
    private StableJobRefundReader() {
    }

    public static Program read(ProgramReader.Head h, Fields p, ReadContext ctx) {
        boolean tiered = p.keys().contains("rate_tiers");
        boolean layoffTest = p.keys().contains("layoff_rate_max") || !tiered;
        BigDecimal rateMax = layoffTest ? ctx.rate(p, "layoff_rate_max", true) : null;
        Long smallMax = p.keys().contains("small_unit_insured_max") || (layoffTest && !tiered)
                ? ctx.datedInteger(p, "small_unit_insured_max", true) : Long.valueOf(0);
        BigDecimal smallRate = p.keys().contains("small_unit_layoff_rate_max") || (layoffTest && !tiered)
                ? ctx.rate(p, "small_unit_layoff_rate_max", true) : null;
        Map<SizeClass, BigDecimal> rates = new EnumMap<>(SizeClass.class);
        Map<String, subsidy.text.Text> notes = new java.util.HashMap<>();
        BigDecimal unsized = null;
        List<RateTier> tiers = new ArrayList<>();
        if (tiered) {
            tiers = tiers(p, ctx);
            if (p.keys().contains("rates")) {
                ctx.problems().add("policy.ui_refund.rates_or_tiers", Fields.where(p.child("rates"), p.line()));
            }
        } else {
            ctx.usesSizeClasses();
            Fields r = p.fields("rates", true);
            if (r != null) {
                for (SizeClass s : SizeClass.values()) {
                    rates.put(s, rate(ctx.figure(r, s.code(), true, true), s.code(), notes));
                }
                unsized = rate(ctx.figure(r, "unsized", true, true), "unsized", notes);
                r.finish();
            }
            if (rates.size() < SizeClass.values().length || rates.containsValue(null) || unsized == null) {
                return null;
            }
        }
        if ((layoffTest && rateMax == null) || smallMax == null || tiers == null) {
            return null;
        }
        return new StableJobRefund(h.id(), h.title(), h.clauses(), h.who(), rateMax, smallMax, smallRate, rates,
                unsized, tiers, notes);
    }

    /** The rate paid, its note kept under {@code key} when the text only bounds it. */
    private static BigDecimal rate(subsidy.policy.Figure f, String key, Map<String, subsidy.text.Text> notes) {
        if (f == null) {
            return null;
        }
        if (!f.exact()) {
            notes.put(key, subsidy.text.Msg.of("reasons.figure.rate", f.noteText()));
        }
        return f.pay();
    }

    /**
     * Refund rates by band of the layoff rate. Each band gives a lower bound ({@code above} or
     * {@code at_least}; none for the first) and an upper one ({@code at_most} or {@code below}).
     * Bands should follow on from each other; the linter warns of a gap or an overlap.
     */
    private static List<RateTier> tiers(Fields p, ReadContext ctx) {
        List<Node> items = p.list("rate_tiers", true);
        if (items == null) {
            return null;
        }
        List<RateTier> tiers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields t = ctx.fields(items.get(i), p.child("rate_tiers") + "[" + i + "]");
            if (t == null) {
                return null;
            }
            boolean above = t.keys().contains("above");
            BigDecimal lower = above ? ctx.rate(t, "above", true)
                    : t.keys().contains("at_least") ? ctx.rate(t, "at_least", true) : null;
            boolean atMost = t.keys().contains("at_most");
            BigDecimal upper = atMost ? ctx.rate(t, "at_most", true) : ctx.rate(t, "below", true);
            BigDecimal r = ctx.rate(t, "rate", true);
            t.text("note", false);
            t.finish();
            if (upper == null || r == null) {
                return null;
            }
            RateTier tier = new RateTier(lower, !above, upper, atMost, r);
            ctx.lint().rateTier(tiers, t.path(), t.line(), tier);
            tiers.add(tier);
        }
        return tiers;
    }
}
