package subsidy.policy;

import java.util.List;
import subsidy.program.Program;
import subsidy.size.SizeRow;
import subsidy.size.Threshold;
import subsidy.text.Texts;

/** A policy in force, written out for a clerk: who gets what, on which clause. */
public final class PolicyText {
    private PolicyText() {
    }

    public static String render(Policy p) {
        return render(p, Texts.EN);
    }

    /**
     * The policy in a language (policy show): the catalogue gives the words around the values, and what a
     * program, its {@code who} and the size thresholds say of themselves, in the same language. What the
     * policy file itself writes (titles, notes, size-row labels, clause quotes) stays as written.
     */
    public static String render(Policy p, Texts t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.get("policy.show.head", p.id(), p.title())).append('\n');
        sb.append(t.get("policy.show.file", origin(p, t), p.sha256())).append('\n');
        p.includes().forEach(i -> sb.append(t.get("policy.show.includes", i.name(), where(i, t), i.sha256())).append('\n'));
        sb.append(p.asOf() == null ? t.get("policy.show.no_dated") : t.get("policy.show.in_force_on", p.asOf()))
                .append('\n');
        for (Program program : p.programs()) {
            sb.append('\n').append(t.get("policy.show.head", program.id(), program.title())).append('\n');
            sb.append("  ").append(t.get("policy.show.who", program.who().describe(t))).append('\n');
            program.describe(t).forEach(l -> sb.append("  ").append(l).append('\n'));
            program.clauses().forEach(c -> sb.append("  ")
                    .append(t.get("policy.show.rests_on", Citation.quote(p.sources(), c, t))).append('\n'));
            Limit limit = p.limit(program.id());
            sb.append("  ").append(t.get("policy.show.limit", limit.describe(t))).append('\n');
            limit.clauses().forEach(c -> sb.append("    ")
                    .append(t.get("policy.show.rests_on", Citation.quote(p.sources(), c, t))).append('\n'));
        }
        for (ExclusiveGroup g : p.groups()) {
            sb.append('\n').append(t.get("policy.show.group", g.id(), String.join(", ", g.programs()))).append('\n');
        }
        if (!p.leftOut().isEmpty()) {
            sb.append('\n').append(t.get("policy.show.left_out")).append('\n');
            p.leftOut(t).forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        for (RegionList l : p.regionLists().values().stream().sorted(
                java.util.Comparator.comparing(RegionList::key)).toList()) {
            sb.append('\n').append(t.get("policy.show.head", t.get("policy.show.region_list", l.key()), l.title()))
                    .append('\n');
            l.codes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> sb.append("  ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        }
        if (p.sizeTable().rows().isEmpty()) {
            sb.append('\n').append(t.get("policy.show.no_size")).append('\n');
            return sb.toString();
        }
        sb.append('\n').append(t.get("policy.show.size")).append('\n');
        for (SizeRow row : p.sizeTable().rows()) {
            sb.append("  ").append(t.get("policy.show.size_row", row.label(),
                    tier(row, subsidy.entity.SizeClass.LARGE, t), tier(row, subsidy.entity.SizeClass.MEDIUM, t),
                    tier(row, subsidy.entity.SizeClass.SMALL, t))).append('\n');
        }
        return sb.toString();
    }

    /** The policy's origin; the bundled one as the loader says it ("bundled policy (config/policy.yaml)"). */
    private static String origin(Policy p, Texts t) {
        String bundled = Texts.EN.get("policy.origin.bundled_file");
        return p.origin().equals(bundled) ? t.get("policy.origin.bundled_file") : p.origin();
    }

    /** Where an included table was found; a bundled one as "bundled tables/NAME.yaml" in the language of t. */
    private static String where(Include i, Texts t) {
        String word = Texts.EN.get("policy.size.bundled", "");
        return i.where().startsWith(word) ? t.get("policy.size.bundled", i.where().substring(word.length()))
                : i.where();
    }

    private static String tier(SizeRow row, subsidy.entity.SizeClass s, Texts t) {
        List<Threshold> th = row.tiers().get(s);
        return String.join(t.get("policy.sep.and"), th.stream().map(x -> x.label(t)).toList());
    }
}
