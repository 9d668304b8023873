package subsidy.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.function.Supplier;
import subsidy.entity.ColumnRef;
import subsidy.entity.Entity;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.program.Trace;

/**
 * A program's "who" clause: every condition given must hold (an empty one does not constrain),
 * and when {@code anyOf} is given, at least one of its alternatives must hold too.
 */
public final class Criteria {
    public static final Criteria ANYONE = new Criteria(Set.of(), Set.of(), List.of(), null, List.of(), List.of(),
            Map.of(), Set.of(), List.of());

    private final Set<EntityType> entityTypes;
    private final Set<SizeClass> sizeClasses;
    private final List<String> industryPrefixes;
    private final RegionList regionIn;
    private final List<ColumnRef> flagsTrue;
    private final List<ColumnRef> flagsFalse;
    private final Map<ColumnRef, Long> atLeast;
    private final Set<LandlordType> landlordTypes;
    private final List<Criteria> anyOf;
    // Written once: reasons are built for every entity that misses a condition.
    private final String typeList;
    private final String sizeList;
    private final String industryList;
    private final String landlordList;

    public Criteria(Set<EntityType> entityTypes, Set<SizeClass> sizeClasses, List<String> industryPrefixes,
            RegionList regionIn, List<ColumnRef> flagsTrue, List<ColumnRef> flagsFalse, Map<ColumnRef, Long> atLeast,
            Set<LandlordType> landlordTypes, List<Criteria> anyOf) {
        this.entityTypes = Set.copyOf(entityTypes);
        this.sizeClasses = Set.copyOf(sizeClasses);
        this.industryPrefixes = List.copyOf(industryPrefixes);
        this.regionIn = regionIn;
        this.flagsTrue = List.copyOf(flagsTrue);
        this.flagsFalse = List.copyOf(flagsFalse);
        this.atLeast = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(atLeast));
        this.landlordTypes = Set.copyOf(landlordTypes);
        this.anyOf = List.copyOf(anyOf);
        typeList = codes(this.entityTypes.stream().map(EntityType::code));
        sizeList = codes(this.sizeClasses.stream().map(SizeClass::code));
        industryList = String.join(", ", this.industryPrefixes);
        landlordList = codes(this.landlordTypes.stream().map(LandlordType::code));
    }

    public Set<EntityType> entityTypes() {
        return entityTypes;
    }

    public Set<SizeClass> sizeClasses() {
        return sizeClasses;
    }

    public List<String> industryPrefixes() {
        return industryPrefixes;
    }

    public RegionList regionIn() {
        return regionIn;
    }

    public List<ColumnRef> flagsTrue() {
        return flagsTrue;
    }

    public List<ColumnRef> flagsFalse() {
        return flagsFalse;
    }

    public Map<ColumnRef, Long> atLeast() {
        return atLeast;
    }

    public Set<LandlordType> landlordTypes() {
        return landlordTypes;
    }

    public List<Criteria> anyOf() {
        return anyOf;
    }

    /**
     * Null when the entity qualifies, else the first reason it does not, in a clerk's words.
     * With a recording trace every condition is written down with its values and verdict.
     */
    public String failure(Entity e, SizeClass size, Trace trace) {
        String first = null;
        if (!entityTypes.isEmpty()) {
            boolean ok = entityTypes.contains(e.type());
            first = record(first, ok, trace, () -> "entity type " + e.type().code() + (ok ? " is" : " is not")
                    + " one of " + typeList, () -> "not for " + e.type().code());
        }
        if (!sizeClasses.isEmpty()) {
            boolean ok = size != null && sizeClasses.contains(size);
            first = record(first, ok, trace, () -> (size == null ? "not a sized enterprise, needs size "
                    : "size " + size.code() + (ok ? " is" : " is not") + " one of ")
                    + sizeList, () -> size == null ? "not a sized enterprise" : "not for size " + size.code());
        }
        if (!industryPrefixes.isEmpty()) {
            boolean ok = matchesIndustry(e.industryCode());
            first = record(first, ok, trace, () -> "industry " + e.industryCode() + (ok ? " is" : " is not")
                    + " under one of " + industryList, () -> "not for industry " + e.industryCode());
        }
        if (regionIn != null) {
            boolean ok = regionIn.contains(e.regionCode());
            first = record(first, ok, trace, () -> "region " + e.regionCode() + (ok ? " is" : " is not")
                    + " in " + regionIn.key(), () -> "region " + e.regionCode() + " not in " + regionIn.key());
        }
        for (ColumnRef flag : flagsTrue) {
            boolean ok = flag.flag(e);
            first = record(first, ok, trace, () -> flag.header() + " is " + flag.flag(e),
                    () -> flag.header() + " is false");
        }
        for (ColumnRef flag : flagsFalse) {
            boolean ok = !flag.flag(e);
            first = record(first, ok, trace, () -> flag.header() + " is " + flag.flag(e),
                    () -> flag.header() + " is true");
        }
        for (Map.Entry<ColumnRef, Long> min : atLeast.entrySet()) {
            long v = min.getKey().count(e);
            boolean ok = v >= min.getValue();
            first = record(first, ok, trace, () -> min.getKey().header() + " " + v + (ok ? " ≥ " : " < ")
                    + min.getValue(), () -> min.getKey().header() + " " + v + " < " + min.getValue());
        }
        if (!landlordTypes.isEmpty()) {
            LandlordType l = e.landlordType();
            boolean ok = l != null && landlordTypes.contains(l);
            first = record(first, ok, trace, () -> (l == null ? "no lease (landlord_type blank)"
                    : "landlord_type " + l.code() + (ok ? " is" : " is not") + " one of "
                    + landlordList), () -> l == null ? "no lease" : "not for landlord " + l.code());
        }
        if (!anyOf.isEmpty()) {
            List<String> misses = new ArrayList<>();
            boolean ok = false;
            for (int i = 0; i < anyOf.size(); i++) {
                if (trace.on()) {
                    trace.step("alternative " + (i + 1) + " of " + anyOf.size() + ":");
                }
                String miss = anyOf.get(i).failure(e, size, trace);
                if (miss == null) {
                    ok = true;
                    if (!trace.on()) {
                        break;
                    }
                } else {
                    misses.add(miss);
                }
            }
            boolean met = ok;
            first = record(first, met, trace, () -> met ? "at least one alternative met"
                    : "no alternative met (" + String.join(" / ", misses) + ")", () -> String.join(" / ", misses));
        }
        return first;
    }

    public boolean matchesIndustry(String industry) {
        for (String p : industryPrefixes) {
            if (industry.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a condition down for an auditor in full, and returns the first miss in short: the
     * report's notes carry one for every zero amount on every row, so they are kept brief.
     */
    private static String record(String first, boolean ok, Trace trace, Supplier<String> text,
            Supplier<String> brief) {
        if (trace.on()) {
            trace.condition(text.get(), ok);
        }
        return first != null || ok ? first : brief.get();
    }

    /** Sorted, because a Set.copyOf iterates in a different order on every run. */
    private static String codes(java.util.stream.Stream<String> codes) {
        return codes.sorted().collect(Collectors.joining(", "));
    }

    /** The conditions in a clerk's words, for {@code policy show}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!entityTypes.isEmpty()) {
            parts.add("entity type " + typeList);
        }
        if (!sizeClasses.isEmpty()) {
            parts.add("size " + sizeList);
        }
        if (!industryPrefixes.isEmpty()) {
            parts.add("industry under " + String.join(", ", industryPrefixes));
        }
        if (regionIn != null) {
            parts.add("region in " + regionIn.key() + " " + regionIn.codes().keySet().stream().sorted().toList());
        }
        flagsTrue.forEach(f -> parts.add(f.header() + " true"));
        flagsFalse.forEach(f -> parts.add(f.header() + " false"));
        atLeast.forEach((c, n) -> parts.add(c.header() + " ≥ " + n));
        if (!landlordTypes.isEmpty()) {
            parts.add("landlord " + landlordList);
        }
        if (!anyOf.isEmpty()) {
            parts.add("any of (" + String.join(") or (", anyOf.stream().map(Criteria::describe).toList()) + ")");
        }
        return parts.isEmpty() ? "everyone" : String.join(" and ", parts);
    }
}
