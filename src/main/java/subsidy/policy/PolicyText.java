package subsidy.policy;

import java.util.List;
import subsidy.program.Program;
import subsidy.size.SizeRow;
import subsidy.size.Threshold;

/** A policy in force, written out for a clerk: who gets what, on which clause. */
public final class PolicyText {
    private PolicyText() {
    }

    public static String render(Policy p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.id()).append(" — ").append(p.title()).append('\n');
        sb.append("file ").append(p.origin()).append(" (sha256 ").append(p.sha256()).append(")\n");
        p.includes().forEach(i -> sb.append("includes ").append(i.name()).append(" from ").append(i.where())
                .append(" (sha256 ").append(i.sha256()).append(")\n"));
        sb.append(p.asOf() == null ? "no dated values\n" : "values in force on " + p.asOf() + "\n");
        for (Program program : p.programs()) {
            sb.append('\n').append(program.id()).append(" — ").append(program.title()).append('\n');
            sb.append("  who: ").append(program.who().describe()).append('\n');
            program.describe().forEach(l -> sb.append("  ").append(l).append('\n'));
            program.clauses().forEach(c -> sb.append("  rests on ")
                    .append(Citation.quote(p.sources(), c, subsidy.text.Texts.EN)).append('\n'));
            Limit limit = p.limit(program.id());
            sb.append("  limit across batches: ").append(limit.describe()).append('\n');
            limit.clauses().forEach(c -> sb.append("    rests on ")
                    .append(Citation.quote(p.sources(), c, subsidy.text.Texts.EN)).append('\n'));
        }
        for (ExclusiveGroup g : p.groups()) {
            sb.append("\nnot combined, the higher paid (").append(g.id()).append("): ")
                    .append(String.join(", ", g.programs())).append('\n');
        }
        if (!p.leftOut().isEmpty()) {
            sb.append("\nleft out, not in force:\n");
            p.leftOut().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        for (RegionList l : p.regionLists().values().stream().sorted(
                java.util.Comparator.comparing(RegionList::key)).toList()) {
            sb.append("\nregion list ").append(l.key()).append(" — ").append(l.title()).append('\n');
            l.codes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> sb.append("  ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        }
        if (p.sizeTable().rows().isEmpty()) {
            sb.append("\nfirm size: no table (no program asks a size class); declared classes are kept\n");
            return sb.toString();
        }
        sb.append("\nfirm size (工信部联企业〔2011〕300号; employees in persons, revenue and assets in 万元)\n");
        for (SizeRow row : p.sizeTable().rows()) {
            sb.append("  ").append(row.label()).append(": large ").append(tier(row, subsidy.entity.SizeClass.LARGE))
                    .append("; medium ").append(tier(row, subsidy.entity.SizeClass.MEDIUM))
                    .append("; small ").append(tier(row, subsidy.entity.SizeClass.SMALL)).append('\n');
        }
        return sb.toString();
    }

    private static String tier(SizeRow row, subsidy.entity.SizeClass s) {
        List<Threshold> t = row.tiers().get(s);
        return String.join(" and ", t.stream().map(Threshold::toString).toList());
    }
}
