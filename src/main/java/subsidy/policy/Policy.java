package subsidy.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import subsidy.entity.InputSchema;
import subsidy.program.Program;
import subsidy.size.SizeTable;

/**
 * A policy table as in force on one date: its programs in report-column order, the listings they
 * consult, the groups of programs not combined, the firm-size standard, the input columns it
 * reads, the documents cited, and the SHA-256 of the file it was read from.
 *
 * @param asOf     the date its dated values were taken for, or null when it has none
 * @param leftOut  programs not in force on {@code asOf}, each with why
 * @param warnings what {@code policy check} reasons about the rules: gaps, overlaps, unreachable parts
 * @param citations every clause the file cites, where it is written: of programs and versions not in force,
 *                  of the firm-size table, of groups and region lists too (what {@link Citations} checks)
 * @param includes the files included by name (the size table), where each was found, with its SHA-256
 * @param limits   each program's limit across batches, by program id; a program not named has none
 * @param leftOutTexts {@code leftOut} as texts, to show in a language ({@link #leftOut(subsidy.text.Texts)})
 * @param warningTexts {@code warnings} as texts, to show in a language ({@link #warnings(subsidy.text.Texts)})
 */
public record Policy(String id, String title, Map<String, Source> sources, Map<String, RegionList> regionLists,
        List<Program> programs, List<ExclusiveGroup> groups, SizeTable sizeTable, InputSchema schema,
        LocalDate asOf, List<String> leftOut, List<String> warnings, List<Citation> citations, List<Include> includes,
        String origin, String sha256, Map<String, Limit> limits, List<subsidy.text.Text> leftOutTexts,
        List<subsidy.text.Text> warningTexts) {
    /** report.csv's columns before the programs' (SPEC §6); no program id may be one of them. */
    public static final List<String> LEADING_COLUMNS = List.of("entity_id", "name", "entity_type", "size_class",
            "size_source", "region_code");
    /** report.csv's columns before the programs' for a household policy. */
    public static final List<String> HOUSEHOLD_LEADING_COLUMNS = List.of("household_id", "head_id_number", "head_name",
            "region_code");
    /** report.csv's columns after the programs' amounts and months. */
    public static final List<String> TRAILING_COLUMNS = List.of("total", "notes");

    /** Whether the policy pays households ({@code subject: households}) rather than firms. */
    public boolean households() {
        return schema.households();
    }

    /** The ids of the programs {@link #leftOut} names: each of its lines starts with the id and a colon. */
    public List<String> leftOutIds() {
        return leftOut.stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    public Policy {
        sources = Map.copyOf(sources);
        regionLists = Map.copyOf(regionLists);
        programs = List.copyOf(programs);
        groups = List.copyOf(groups);
        includes = List.copyOf(includes);
        leftOut = List.copyOf(leftOut);
        warnings = List.copyOf(warnings);
        citations = List.copyOf(citations);
        limits = Map.copyOf(limits);
        leftOutTexts = List.copyOf(leftOutTexts);
        warningTexts = List.copyOf(warningTexts);
    }

    /**
     * The programs not in force on {@code asOf}, each with why, in a language, control characters escaped:
     * the lines after "left out, not in force:". In English exactly {@link #leftOut()}.
     */
    public List<String> leftOut(subsidy.text.Texts texts) {
        return leftOutTexts.stream().map(t -> subsidy.input.Escape.controls(t.in(texts))).toList();
    }

    /** The warnings of {@code policy check} in a language, control characters escaped; in English {@link #warnings()}. */
    public List<String> warnings(subsidy.text.Texts texts) {
        return warningTexts.stream().map(t -> subsidy.input.Escape.controls(t.in(texts))).toList();
    }

    /** How often {@code programId} may be paid to one entity across batches ({@link Limit#NONE} when not said). */
    public Limit limit(String programId) {
        return limits.getOrDefault(programId, Limit.NONE);
    }
}
