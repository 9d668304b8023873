package subsidy.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import subsidy.Reason;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.Entity;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.program.Lookups;
import subsidy.program.ReasonCode;
import subsidy.program.Trace;
import subsidy.program.Words;
import subsidy.program.Words.PerLang;
import subsidy.text.Texts;

/**
 * A program's "who" clause: every condition given must hold (an empty one does not constrain),
 * and when {@code anyOf} is given, at least one of its alternatives must hold too.
 */
public final class Criteria {
    public static final Criteria ANYONE = new Criteria(Set.of(), Set.of(), List.of(), null, List.of(), List.of(),
            Map.of(), Set.of(), List.of(), List.of());

    private final Set<EntityType> entityTypes;
    private final Set<SizeClass> sizeClasses;
    private final List<String> industryPrefixes;
    private final RegionList regionIn;
    private final List<ColumnRef> flagsTrue;
    private final List<ColumnRef> flagsFalse;
    private final Map<ColumnRef, Long> atLeast;
    private final Set<LandlordType> landlordTypes;
    private final List<Criteria> anyOf;
    private final List<Condition> conditions;
    private final ColumnRef[] atLeastColumns;
    private final long[] atLeastValues;
    private static final PerLang<Reason> NOT_SIZED = Words.reason(ReasonCode.NOT_SIZED, "reasons.not_sized");
    private static final PerLang<Reason> NO_LEASE = Words.reason(ReasonCode.NO_LEASE, "reasons.no_lease");
    // The reasons the policy's own words fix, written when it is read, in each language; those that name a
    // row's code come from Lookups.
    private final PerLang<Reason[]> notTrue; // "severely_affected is false", one for each of flagsTrue
    private final PerLang<Reason[]> notFalse; // "serious_dishonesty is true", one for each of flagsFalse
    private final PerLang<String> typeList;
    private final PerLang<String> sizeList;
    private final PerLang<String> industryList;
    private final PerLang<String> landlordList;

    public Criteria(Set<EntityType> entityTypes, Set<SizeClass> sizeClasses, List<String> industryPrefixes,
            RegionList regionIn, List<ColumnRef> flagsTrue, List<ColumnRef> flagsFalse, Map<ColumnRef, Long> atLeast,
            Set<LandlordType> landlordTypes, List<Criteria> anyOf) {
        this(entityTypes, sizeClasses, industryPrefixes, regionIn, flagsTrue, flagsFalse, atLeast, landlordTypes, anyOf,
                List.of());
    }

    /** @param conditions the conditions on the policy's money, rate, date and code columns */
    public Criteria(Set<EntityType> entityTypes, Set<SizeClass> sizeClasses, List<String> industryPrefixes,
            RegionList regionIn, List<ColumnRef> flagsTrue, List<ColumnRef> flagsFalse, Map<ColumnRef, Long> atLeast,
            Set<LandlordType> landlordTypes, List<Criteria> anyOf, List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
        this.entityTypes = Set.copyOf(entityTypes);
        this.sizeClasses = Set.copyOf(sizeClasses);
        this.industryPrefixes = List.copyOf(industryPrefixes);
        this.regionIn = regionIn;
        this.flagsTrue = List.copyOf(flagsTrue);
        this.flagsFalse = List.copyOf(flagsFalse);
        notTrue = PerLang.of(t -> this.flagsTrue.stream().map(f -> ReasonCode.CONDITION_FALSE.reason(
                t.get("reasons.flag_false", Words.column(f, t)))).toArray(Reason[]::new));
        // Serious dishonesty (严重失信) excludes an entity by law, not by a program's choice: it has a code of its own.
        notFalse = PerLang.of(t -> this.flagsFalse.stream().map(f -> (f == Column.SERIOUS_DISHONESTY
                ? ReasonCode.SERIOUS_DISHONESTY : ReasonCode.CONDITION_TRUE).reason(
                        t.get("reasons.flag_true", Words.column(f, t)))).toArray(Reason[]::new));
        this.atLeast = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(atLeast));
        this.landlordTypes = Set.copyOf(landlordTypes);
        this.anyOf = List.copyOf(anyOf);
        atLeastColumns = this.atLeast.keySet().toArray(new ColumnRef[0]);
        atLeastValues = this.atLeast.values().stream().mapToLong(Long::longValue).toArray();
        // Named in each language: sorted by code in English (as always), in their own order (大型、中型…) in Chinese
        typeList = PerLang.of(t -> names(this.entityTypes.stream().sorted(order(t, EntityType::code)), t));
        sizeList = PerLang.of(t -> names(this.sizeClasses.stream().sorted(order(t, SizeClass::code)), t));
        industryList = PerLang.of(t -> String.join(t.get("reasons.list.separator"), this.industryPrefixes));
        landlordList = PerLang.of(t -> names(this.landlordTypes.stream().sorted(order(t, LandlordType::code)), t));
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

    public List<Condition> conditions() {
        return conditions;
    }

    /** As {@link #failure(Entity, SizeClass, Lookups, Trace)}, every reason made afresh. */
    public Reason failure(Entity e, SizeClass size, Trace trace) {
        return failure(e, size, Lookups.PLAIN, trace);
    }

    /** As {@link #failure(Entity, SizeClass, Lookups, Trace)}, every reason made afresh in the language of {@code texts}. */
    public Reason failure(Entity e, SizeClass size, Texts texts, Trace trace) {
        return failure(e, size, Lookups.plain(texts), trace);
    }

    /**
     * Null when the entity qualifies, else the first reason it does not, in a clerk's words, with its code.
     * With a recording trace every condition is written down with its values and verdict. The reason
     * is brief: the report's notes carry one for every zero amount on every row. The reasons that name
     * a code come from {@code lookups}.
     */
    public Reason failure(Entity e, SizeClass size, Lookups lookups, Trace trace) {
        // Runs for every program on every row: the texts are built only when a trace or a miss needs them.
        boolean tracing = trace.on();
        Texts t = lookups.texts();
        Reason first = null;
        if (!entityTypes.isEmpty()) {
            boolean ok = entityTypes.contains(e.type());
            if (tracing) {
                trace.condition(t, t.get(ok ? "reasons.trace.type_in" : "reasons.trace.type_not_in",
                        Words.name(e.type()), typeList.in(t)), ok);
            }
            if (!ok && first == null) {
                first = lookups.notForType(e.type());
            }
        }
        if (!sizeClasses.isEmpty()) {
            boolean ok = size != null && sizeClasses.contains(size);
            if (tracing) {
                trace.condition(t, size == null ? t.get("reasons.trace.unsized", sizeList.in(t))
                        : t.get(ok ? "reasons.trace.size_in" : "reasons.trace.size_not_in", Words.name(size),
                                sizeList.in(t)), ok);
            }
            if (!ok && first == null) {
                first = size == null ? NOT_SIZED.in(t) : lookups.notForSize(size);
            }
        }
        if (!industryPrefixes.isEmpty()) {
            boolean ok = matchesIndustry(e.industryCode());
            if (tracing) {
                trace.condition(t, t.get(ok ? "reasons.trace.industry_in" : "reasons.trace.industry_not_in",
                        e.industryCode(), industryList.in(t)), ok);
            }
            if (!ok && first == null) {
                first = lookups.notForIndustry(e.industryCode());
            }
        }
        if (regionIn != null) {
            boolean ok = regionIn.contains(e.regionCode());
            if (tracing) {
                trace.condition(t, t.get(ok ? "reasons.trace.region_in" : "reasons.trace.region_not_in",
                        e.regionCode(), regionIn.key()), ok);
            }
            if (!ok && first == null) {
                first = lookups.regionNotListed(e.regionCode(), regionIn);
            }
        }
        for (int i = 0; i < flagsTrue.size(); i++) { // indexed loops: no iterator per row
            ColumnRef flag = flagsTrue.get(i);
            boolean ok = flag.flag(e);
            if (tracing) {
                trace.condition(t, t.get(ok ? "reasons.flag_true" : "reasons.flag_false", Words.column(flag, t)), ok);
            }
            if (!ok && first == null) {
                first = notTrue.in(t)[i];
            }
        }
        for (int i = 0; i < flagsFalse.size(); i++) {
            ColumnRef flag = flagsFalse.get(i);
            boolean ok = !flag.flag(e);
            if (tracing) {
                trace.condition(t, t.get(ok ? "reasons.flag_false" : "reasons.flag_true", Words.column(flag, t)), ok);
            }
            if (!ok && first == null) {
                first = notFalse.in(t)[i];
            }
        }
        for (int i = 0; i < atLeastColumns.length; i++) {
            ColumnRef column = atLeastColumns[i];
            long v = column.count(e);
            boolean ok = v >= atLeastValues[i];
            if (tracing) {
                trace.condition(t, t.get(ok ? "reasons.trace.at_least" : "reasons.below_minimum",
                        Words.column(column, t), v, atLeastValues[i]), ok);
            }
            if (!ok && first == null) {
                first = ReasonCode.BELOW_MINIMUM.reason(t.get("reasons.below_minimum", Words.column(column, t), v,
                        atLeastValues[i]));
            }
        }
        for (int i = 0; i < conditions.size(); i++) {
            Reason miss = conditions.get(i).failure(e, t, trace);
            if (miss != null && first == null) {
                first = miss;
            }
        }
        if (!landlordTypes.isEmpty()) {
            LandlordType l = e.landlordType();
            boolean ok = l != null && landlordTypes.contains(l);
            if (tracing) {
                trace.condition(t, l == null ? t.get("reasons.trace.no_lease")
                        : t.get(ok ? "reasons.trace.landlord_in" : "reasons.trace.landlord_not_in", Words.name(l),
                                landlordList.in(t)), ok);
            }
            if (!ok && first == null) {
                first = l == null ? NO_LEASE.in(t) : lookups.notForLandlord(l);
            }
        }
        if (!anyOf.isEmpty()) {
            List<String> misses = new ArrayList<>(anyOf.size()); // may be kept as a key by lookups: never changed once asked
            boolean ok = false;
            for (int i = 0; i < anyOf.size(); i++) {
                if (tracing) {
                    trace.step(t.get("reasons.trace.alternative", i + 1, anyOf.size()));
                }
                Reason miss = anyOf.get(i).failure(e, size, lookups, trace);
                if (miss == null) {
                    ok = true;
                    if (!tracing) {
                        break;
                    }
                } else {
                    misses.add(miss.text());
                }
            }
            if (tracing) {
                trace.condition(t, ok ? t.get("reasons.trace.some_alternative")
                        : t.get("reasons.trace.no_alternative", String.join(t.get("reasons.no_alternative.separator"),
                                misses)), ok);
            }
            if (!ok && first == null) {
                first = lookups.noAlternative(misses);
            }
        }
        return first;
    }

    public boolean matchesIndustry(String industry) {
        for (int i = 0; i < industryPrefixes.size(); i++) {
            if (industry.startsWith(industryPrefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sorted before (see {@link #order}), because a Set.copyOf iterates in a different order on every run, and
     * named in the language of {@code texts}.
     */
    private static String names(java.util.stream.Stream<? extends Enum<?>> codes, Texts texts) {
        return codes.map(c -> c instanceof EntityType x ? Words.name(x).in(texts)
                : c instanceof SizeClass x ? Words.name(x).in(texts) : Words.name((LandlordType) c).in(texts))
                .collect(Collectors.joining(texts.get("reasons.list.separator")));
    }

    /** English lists codes by their spelling, as it always has; Chinese by the codes' own order (大型、中型、小型、微型). */
    private static <E extends Enum<E>> java.util.Comparator<E> order(Texts texts, java.util.function.Function<E, String> code) {
        return texts.lang() == subsidy.text.Lang.EN ? java.util.Comparator.comparing(code)
                : java.util.Comparator.naturalOrder();
    }

    /** The conditions in a clerk's words, for {@code policy show}. */
    public String describe() {
        return describe(Texts.EN);
    }

    /** The conditions in a clerk's words, for {@code policy show}, in the language of {@code t}. */
    public String describe(Texts t) {
        List<String> parts = new ArrayList<>();
        String sep = t.get("policy.sep.list");
        if (!entityTypes.isEmpty()) {
            parts.add(t.get("policy.describe.entity_type", typeList.in(t)));
        }
        if (!sizeClasses.isEmpty()) {
            parts.add(t.get("policy.describe.size", sizeList.in(t)));
        }
        if (!industryPrefixes.isEmpty()) {
            parts.add(t.get("policy.describe.industry", String.join(sep, industryPrefixes)));
        }
        if (regionIn != null) {
            parts.add(t.get("policy.describe.region", regionIn.key(),
                    String.join(sep, regionIn.codes().keySet().stream().sorted().toList())));
        }
        flagsTrue.forEach(f -> parts.add(t.get("policy.describe.flag_true", Words.column(f, t))));
        flagsFalse.forEach(f -> parts.add(t.get("policy.describe.flag_false", Words.column(f, t))));
        atLeast.forEach((c, n) -> parts.add(t.get("policy.describe.at_least", Words.column(c, t), n)));
        conditions.forEach(c -> parts.add(c.describe(t)));
        if (!landlordTypes.isEmpty()) {
            parts.add(t.get("policy.describe.landlord", landlordList.in(t)));
        }
        if (!anyOf.isEmpty()) {
            parts.add(t.get("policy.describe.any_of", String.join(t.get("policy.describe.or"),
                    anyOf.stream().map(c -> c.describe(t)).toList())));
        }
        return parts.isEmpty() ? t.get("policy.describe.everyone") : String.join(t.get("policy.describe.and"), parts);
    }
}
