package subsidy.policy.lint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import subsidy.entity.EntityType;
import subsidy.entity.ExtraColumn;
import subsidy.entity.SizeClass;
import subsidy.money.Money;
import subsidy.policy.Criteria;
import subsidy.policy.Period;
import subsidy.program.RateTier;
import subsidy.size.SizeTable;
import subsidy.size.Threshold;
import subsidy.policy.yaml.Fields;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * The warnings of {@code policy check}: what a policy says that is allowed but is likely a mistake —
 * rate tiers with gaps or overlaps, unreachable size tiers, overlapping or gapped periods, conditions
 * no entity can meet, a zero amount per head, declared columns nothing reads. The readers hand it
 * what they read, each part with its key path and line, as they read it, so the warnings come in the
 * order of the file; it never makes a policy unusable. Each warning is a {@link Text} (a catalogue key and
 * its arguments), shown in a language by {@link #render(Texts)}.
 */
public final class PolicyLinter {
    private final List<Text> warnings = new ArrayList<>();

    /** The warnings so far, in the order of the file, as texts; the list itself, so a reader may prefix them. */
    public List<Text> findings() {
        return warnings;
    }

    /** The warnings so far, in English. */
    public List<String> warnings() {
        return render(Texts.EN);
    }

    /** The warnings so far, in a language. */
    public List<String> render(Texts texts) {
        return warnings.stream().map(w -> w.in(texts)).toList();
    }

    private void warn(String key, Object... args) {
        warnings.add(Msg.of(key, args));
    }

    /**
     * A tier of {@code rate_tiers}, after the ones before it: one holding no layoff rate, the rates
     * below the first tier, and a gap or an overlap with the tier before.
     */
    public void rateTier(List<RateTier> before, String path, int line, RateTier tier) {
        BigDecimal lower = tier.lower();
        boolean above = lower != null && !tier.lowerInclusive();
        BigDecimal upper = tier.upper();
        boolean atMost = tier.upperInclusive();
        if (lower != null && (lower.compareTo(upper) > 0 || (lower.compareTo(upper) == 0 && !(atMost && !above)))) {
            warn("policy.lint.tier_empty", Fields.where(path, line), tier);
        }
        if (before.isEmpty() && lower != null && (above || lower.signum() > 0)) {
            warn("policy.lint.below_first", Fields.where(path, line), tier,
                    Msg.of(above ? "policy.lint.or_less" : "policy.lint.less_than", exactPercent(lower)));
        }
        if (!before.isEmpty()) {
            RateTier prev = before.get(before.size() - 1);
            BigDecimal from = lower == null ? BigDecimal.ZERO : lower;
            int c = from.compareTo(prev.upper());
            boolean bothIn = c == 0 && prev.upperInclusive() && tier.lowerInclusive();
            boolean neither = c == 0 && !prev.upperInclusive() && !tier.lowerInclusive();
            if (c < 0 || bothIn) {
                if (bothIn) {
                    warn("policy.lint.tier_overlap_at", Fields.where(path, line), tier, prev, Money.percent(from));
                } else {
                    warn("policy.lint.tier_overlap", Fields.where(path, line), tier, prev);
                }
            } else if (c > 0 || neither) {
                warn("policy.lint.tier_gap", Fields.where(path, line), prev, tier,
                        Msg.of(neither ? "policy.lint.exactly" : "policy.lint.just_above", Money.percent(prev.upper())));
            }
        }
    }

    /**
     * A table's bands, in the order written: one that overlaps the band before it (the first that holds
     * is used), a gap between two bands, and values above the last band: each of those values is paid
     * nothing. {@code step} is the least difference two values can have (1 for a count, 0.01 for money),
     * null for a rate or number; {@code max} the largest value there can be (1 for a rate), or null.
     *
     * @param lines the line each band is written on
     */
    public void bands(String path, List<subsidy.program.Table.Band> bands, List<Integer> lines, BigDecimal step,
            BigDecimal max) {
        for (int i = 1; i < bands.size(); i++) {
            subsidy.program.Table.Band b = bands.get(i);
            subsidy.program.Table.Band prev = bands.get(i - 1);
            Text at = Fields.where(path + "[" + i + "]", lines.get(i));
            BigDecimal prevTop = prev.to() != null ? prev.to() : prev.under();
            if (prevTop == null || b.from() == null) {
                warn("policy.lint.band_overlap", at);
                continue;
            }
            boolean prevIn = prev.to() != null;
            // The least value above the band before: its top's next step (to), or its top itself (under).
            BigDecimal next = prevIn && step != null ? prevTop.add(step) : prevTop;
            int c = b.from().compareTo(next);
            if (c < 0 || (step == null && c == 0 && prevIn)) {
                if (c == 0) {
                    warn("policy.lint.band_overlap_at", at, plain(next));
                } else {
                    warn("policy.lint.band_overlap", at);
                }
            } else if (c > 0) {
                Object gap = step == null
                        ? Msg.of(prevIn ? "policy.lint.gap.above_below" : "policy.lint.gap.from_below", plain(prevTop),
                                plain(b.from()))
                        : b.from().subtract(next).compareTo(step) == 0 ? plain(next)
                        : Msg.of("policy.lint.gap.range", plain(next), plain(b.from().subtract(step)));
                warn("policy.lint.band_gap", at, gap);
            }
        }
        if (!bands.isEmpty()) {
            int last = bands.size() - 1;
            subsidy.program.Table.Band b = bands.get(last);
            BigDecimal top = b.to() != null ? b.to() : b.under();
            boolean reachesMax = max != null && top != null && (b.to() != null ? top.compareTo(max) >= 0
                    : top.compareTo(max) > 0);
            if (top != null && !reachesMax) {
                warn("policy.lint.band_top", Fields.where(path + "[" + last + "]", lines.get(last)),
                        Msg.of(b.to() != null ? "policy.lint.above" : "policy.lint.from_up", plain(top)));
            }
        }
    }

    /** A figure that makes a program pay nothing to anyone: a rate of 0, a cap of 0. */
    public void paysNothing(Text at, Text what) {
        warn("policy.lint.pays_nothing", at, what);
    }

    /** A table with no amount yet: every entity it would pay gets nothing until one is written. */
    public void emptyTable(Text at, String column) {
        warn("policy.lint.empty_table", at, column);
    }

    private static String plain(BigDecimal v) {
        return Money.movedLeft(v, 0);
    }

    /** A rate as a percentage with every digit it has: 0.00001 is 0.001%, not a rounded 0.00%. */
    private static String exactPercent(BigDecimal rate) {
        return Money.movedLeft(rate, -2) + "%";
    }

    /** Periods in the order written must not overlap; a gap between them is allowed but worth a look. */
    public void periods(String path, List<Period> periods) {
        for (int i = 1; i < periods.size(); i++) {
            Period a = periods.get(i - 1);
            Period b = periods.get(i);
            if (b.from() == null) {
                continue;
            }
            if (a.to() == null || !a.to().isBefore(b.from())) {
                warn("policy.lint.period_overlap", Fields.where(path, b.line()), b.text(), a.text());
            } else if (a.to().plusDays(1).isBefore(b.from())) {
                warn("policy.lint.period_gap", Fields.where(path, b.line()), a.to(), b.from());
            }
        }
    }

    /** A unit of a per-head program that pays nothing. */
    public void perHeadUnit(String path, int line, String column, BigDecimal amount) {
        if (amount.signum() == 0) {
            warn("policy.lint.per_head_zero", Fields.where(path, line), column);
        }
    }

    /** Conditions no entity can meet: a size for entity types that are never sized. */
    /**
     * A program that says nothing of repeats across batches: with a ledger each batch pays it afresh,
     * which is right for per-head counts of new hires and wrong for a once-a-year refund.
     */
    public void noLimit(String path) {
        warn("policy.lint.no_limit", path);
    }

    public void who(String path, Criteria who) {
        if (!who.sizeClasses().isEmpty() && !who.entityTypes().isEmpty()
                && who.entityTypes().stream().noneMatch(EntityType::isSized)) {
            warn("policy.lint.never_sized", path + ".who");
        }
        for (int i = 0; i < who.anyOf().size(); i++) {
            who(path + ".who.any_of[" + i + "]", who.anyOf().get(i));
        }
    }

    /**
     * Tiers of a size-table row are tried from large down, so a tier whose every test is as strict as
     * a higher tier's, on every metric the higher one tests, decides no firm: a typo in the table, such
     * as small's employees above medium's.
     *
     * @param where each tier's key with its line, as a warning names it
     */
    public void sizeRow(Map<SizeClass, ? extends Text> where, Map<SizeClass, List<Threshold>> tiers) {
        List<SizeClass> order = SizeTable.TIERS;
        for (int lower = 1; lower < order.size(); lower++) {
            for (int higher = 0; higher < lower; higher++) {
                List<Threshold> low = tiers.get(order.get(lower));
                List<Threshold> high = tiers.get(order.get(higher));
                if (!low.isEmpty() && meetingFirstMeetsSecond(low, high)) {
                    warn("policy.lint.size_unreachable", where.get(order.get(lower)), order.get(lower).code(),
                            joined(low), order.get(higher).code(), joined(high));
                    break;
                }
            }
        }
    }

    private static boolean meetingFirstMeetsSecond(List<Threshold> first, List<Threshold> second) {
        for (Threshold t : second) {
            if (first.stream().noneMatch(f -> f.metric() == t.metric() && f.value().compareTo(t.value()) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static String joined(List<Threshold> tests) {
        return String.join(", ", tests.stream().map(Threshold::label).toList());
    }

    /** Columns a policy declares that no program in force reads (nor requires). */
    public void columns(List<ExtraColumn> declared, Set<String> read) {
        for (ExtraColumn x : declared) {
            if (!read.contains(x.header())) {
                warn("policy.lint.column_unread", "columns." + x.header());
            }
        }
    }
}
