package subsidy.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
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
public record Criteria(
        Set<EntityType> entityTypes,
        Set<SizeClass> sizeClasses,
        List<String> industryPrefixes,
        RegionList regionIn,
        List<ColumnRef> flagsTrue,
        List<ColumnRef> flagsFalse,
        Map<ColumnRef, Long> atLeast,
        Set<LandlordType> landlordTypes,
        List<Criteria> anyOf) {

    public static final Criteria ANYONE = new Criteria(Set.of(), Set.of(), List.of(), null, List.of(), List.of(),
            Map.of(), Set.of(), List.of());

    public Criteria {
        entityTypes = Set.copyOf(entityTypes);
        sizeClasses = Set.copyOf(sizeClasses);
        industryPrefixes = List.copyOf(industryPrefixes);
        flagsTrue = List.copyOf(flagsTrue);
        flagsFalse = List.copyOf(flagsFalse);
        atLeast = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(atLeast));
        landlordTypes = Set.copyOf(landlordTypes);
        anyOf = List.copyOf(anyOf);
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
                    + " one of " + codes(entityTypes.stream().map(EntityType::code)));
        }
        if (!sizeClasses.isEmpty()) {
            boolean ok = size != null && sizeClasses.contains(size);
            first = record(first, ok, trace, () -> (size == null ? "not a sized enterprise, needs size "
                    : "size " + size.code() + (ok ? " is" : " is not") + " one of ")
                    + codes(sizeClasses.stream().map(SizeClass::code)));
        }
        if (!industryPrefixes.isEmpty()) {
            boolean ok = matchesIndustry(e.industryCode());
            first = record(first, ok, trace, () -> "industry " + e.industryCode() + (ok ? " is" : " is not")
                    + " under one of " + String.join(", ", industryPrefixes));
        }
        if (regionIn != null) {
            boolean ok = regionIn.contains(e.regionCode());
            first = record(first, ok, trace, () -> "region " + e.regionCode() + (ok ? " is" : " is not")
                    + " in " + regionIn.key());
        }
        for (ColumnRef flag : flagsTrue) {
            boolean ok = flag.flag(e);
            first = record(first, ok, trace, () -> flag.header() + " is " + flag.flag(e));
        }
        for (ColumnRef flag : flagsFalse) {
            boolean ok = !flag.flag(e);
            first = record(first, ok, trace, () -> flag.header() + " is " + flag.flag(e));
        }
        for (Map.Entry<ColumnRef, Long> min : atLeast.entrySet()) {
            long v = min.getKey().count(e);
            boolean ok = v >= min.getValue();
            first = record(first, ok, trace, () -> min.getKey().header() + " " + v + (ok ? " ≥ " : " < ")
                    + min.getValue());
        }
        if (!landlordTypes.isEmpty()) {
            LandlordType l = e.landlordType();
            boolean ok = l != null && landlordTypes.contains(l);
            first = record(first, ok, trace, () -> (l == null ? "no lease (landlord_type blank)"
                    : "landlord_type " + l.code() + (ok ? " is" : " is not") + " one of "
                    + codes(landlordTypes.stream().map(LandlordType::code))));
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
                    : "no alternative met (" + String.join(" / ", misses) + ")");
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

    private static String record(String first, boolean ok, Trace trace, java.util.function.Supplier<String> text) {
        if (trace.on()) {
            trace.condition(text.get(), ok);
        }
        return first != null || ok ? first : text.get();
    }

    /** Sorted, because a Set.copyOf iterates in a different order on every run. */
    private static String codes(java.util.stream.Stream<String> codes) {
        return codes.sorted().collect(Collectors.joining(", "));
    }

    /** The conditions in a clerk's words, for {@code policy show}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!entityTypes.isEmpty()) {
            parts.add("entity type " + codes(entityTypes.stream().map(EntityType::code)));
        }
        if (!sizeClasses.isEmpty()) {
            parts.add("size " + codes(sizeClasses.stream().map(SizeClass::code)));
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
            parts.add("landlord " + codes(landlordTypes.stream().map(LandlordType::code)));
        }
        if (!anyOf.isEmpty()) {
            parts.add("any of (" + String.join(") or (", anyOf.stream().map(Criteria::describe).toList()) + ")");
        }
        return parts.isEmpty() ? "everyone" : String.join(" and ", parts);
    }
}
