package subsidy.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.EntityType;
import subsidy.entity.ExtraColumn;
import subsidy.entity.InputSchema;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.policy.lint.PolicyLinter;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;

/**
 * What the readers of one policy share: the problems found so far (each with its key path and line),
 * the linter the warnings go to, the sources, region lists and columns declared, and the ways every
 * kind reads a clause list, a {@code who}, a column, a rate or a dated value. A reader of a program
 * kind gets it with the program's fields.
 */
public final class ReadContext {
    static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-T]\\d{0,4}");

    private final Resolution resolution;
    private final List<String> problems = new ArrayList<>();
    private final PolicyLinter lint = new PolicyLinter();
    final Map<String, Source> sources = new LinkedHashMap<>();
    final Map<String, RegionList> regionLists = new LinkedHashMap<>();
    /** Every clause cited, where, for {@link Citations} (policy check --sources). */
    final List<Citation> citations = new ArrayList<>();
    final List<ExtraColumn> extras = new ArrayList<>();
    /** Policy columns read by the program (or version) being read. */
    Set<String> used = new HashSet<>();
    /** The period of force of the program (or version) being read. */
    Period window;
    /** Whether a program read (in force or not) tells entities apart by size class. */
    boolean sizesUsed;

    ReadContext(Resolution resolution) {
        this.resolution = resolution;
    }

    /** The problems so far; a reader adds to it, and hands it to {@link Fields#of}. */
    public List<String> problems() {
        return problems;
    }

    public PolicyLinter lint() {
        return lint;
    }

    public Resolution resolution() {
        return resolution;
    }

    /** The period of force of the program or version being read (its dates may be null). */
    public Period window() {
        return window;
    }

    /** Says that the program being read pays or selects by size class, so the policy needs a firm_size table. */
    public void usesSizeClasses() {
        sizesUsed = true;
    }

    /** The mapping {@code node} as fields under {@code path}, or null with a problem. */
    public Fields fields(Node node, String path) {
        return Fields.of(node, path, problems);
    }

    /** The {@code source} list of clauses under {@code f}: at least one, each naming a declared source. */
    public List<Clause> clauses(Fields f) {
        List<Node> items = f.list("source", true);
        List<Clause> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        if (items.isEmpty()) {
            problems.add(f.keyAt("source") + ": cite at least one clause");
        }
        for (int i = 0; i < items.size(); i++) {
            Fields c = Fields.of(items.get(i), f.child("source") + "[" + i + "]", problems);
            if (c == null) {
                continue;
            }
            String seed = c.text("seed", true);
            if (seed != null && !sources.containsKey(seed)) {
                problems.add(c.child("seed") + " (line " + c.line() + "): '" + seed + "' is not one of sources "
                        + sources.keySet());
            }
            Long at = c.integer("at", false);
            if (at != null && (at < 0 || at > Integer.MAX_VALUE)) {
                problems.add(c.child("at") + " (line " + c.line() + "): " + at + " is not an offset into a source file");
                at = null;
            }
            Clause clause = new Clause(seed, at == null ? null : at.intValue(), c.text("words", true),
                    c.text("article", false));
            out.add(clause);
            citations.add(new Citation(c.path(), c.line(), clause));
            c.finish();
        }
        return out;
    }

    /** A {@code who}: the conditions an entity must meet. */
    public Criteria criteria(Fields w) {
        Set<EntityType> types = enums(w, "entity_types", EntityType.class, EntityType::code);
        Set<SizeClass> sizes = enums(w, "size_classes", SizeClass.class, SizeClass::code);
        if (!sizes.isEmpty()) {
            usesSizeClasses();
        }
        List<String> industries = new ArrayList<>();
        for (String s : strings(w, "industry_prefixes")) {
            if (!INDUSTRY_PREFIX.matcher(s).matches()) {
                problems.add(w.keyAt("industry_prefixes") + ": '" + s + "' is not a GB/T 4754 code prefix like H62");
            }
            industries.add(s);
        }
        List<String> excluded = new ArrayList<>();
        for (String s : strings(w, "industry_prefixes_not")) {
            if (!INDUSTRY_PREFIX.matcher(s).matches()) {
                problems.add(w.keyAt("industry_prefixes_not") + ": '" + s + "' is not a GB/T 4754 code prefix like C25");
            }
            excluded.add(s);
        }
        RegionList region = w.keys().contains("region_in") ? regionRef(w, "region_in") : null;
        List<ColumnRef> flagsTrue = columns(w, "flags_true");
        List<ColumnRef> flagsFalse = columns(w, "flags_false");
        Map<ColumnRef, Long> atLeast = new LinkedHashMap<>();
        List<Condition> conditions = new ArrayList<>();
        if (!excluded.isEmpty()) {
            conditions.add(new Condition.IndustryNot(excluded));
        }
        Fields min = w.fields("at_least", false);
        if (min != null) {
            for (String key : min.keys()) {
                ColumnRef c = resolve(min.keyAt(key), key, Column.Kind.COUNT, Column.Kind.MONEY,
                        Column.Kind.RATE, Column.Kind.NUMBER);
                if (c != null && c.kind() != Column.Kind.COUNT) {
                    BigDecimal least = datedDecimal(min, key, true);
                    if (least != null && c.kind() == Column.Kind.MONEY) {
                        least = fen(least, min.keyAt(key));
                    } else if (least != null && c.kind() == Column.Kind.RATE && least.compareTo(BigDecimal.ONE) > 0) {
                        problems.add(min.keyAt(key) + ": a rate is between 0 and 1, found " + least.toPlainString()
                                + "; no rate can reach it");
                        least = null;
                    }
                    if (least != null) {
                        conditions.add(new Condition.AtLeast(c, least));
                    }
                    continue;
                }
                Long n = datedInteger(min, key, true);
                if (c != null && n != null) {
                    atLeast.put(c, n);
                }
            }
            min.finish();
        }
        Fields dates = w.fields("dates", false);
        if (dates != null) {
            for (String key : dates.keys()) {
                ColumnRef c = resolve(dates.keyAt(key), key, Column.Kind.DATE);
                Fields window = dates.fields(key, true);
                if (window == null) {
                    continue;
                }
                Period p = period(window, "from", "to");
                Long monthsBefore = window.keys().contains("months_before_as_of")
                        ? window.integer("months_before_as_of", true) : null;
                window.finish();
                String rule = null;
                if (monthsBefore != null) {
                    // 「正常经营1年以上」: on or before the as-of date less the months, worked out when read.
                    if (p.to() != null) {
                        problems.add(window.keyAt("months_before_as_of") + ": give 'to' or 'months_before_as_of', not both");
                    } else if (resolution.asOf() == null && !resolution.check()) {
                        problems.add(window.keyAt("months_before_as_of") + ": a date counted back from the as-of date;"
                                + " give --as-of");
                    } else if (resolution.asOf() != null) {
                        LocalDate latest = resolution.asOf().minusMonths(monthsBefore);
                        p = new Period(p.from(), latest, p.line());
                        rule = "at least " + monthsBefore + " months before " + resolution.asOf() + " (on or before "
                                + latest + ")";
                    }
                }
                if (p.from() == null && p.to() == null && monthsBefore == null && !window.keys().contains("from")
                        && !window.keys().contains("to") && !window.keys().contains("months_before_as_of")) {
                    problems.add(window.path() + " (line " + window.line() + "): give from, to, months_before_as_of,"
                            + " or both ends");
                } else if (c != null && (p.from() != null || p.to() != null)) {
                    conditions.add(new Condition.DateWithin(c, p, rule));
                }
            }
            dates.finish();
        }
        Fields codes = w.fields("codes", false);
        if (codes != null) {
            for (String key : codes.keys()) {
                ColumnRef c = resolve(codes.keyAt(key), key, CODE_KINDS);
                List<String> listed = strings(codes, key);
                if (listed.isEmpty()) {
                    problems.add(codes.keyAt(key) + ": list the codes the program is for");
                } else if (c != null && codesCanMatch(c, listed, codes.keyAt(key))) {
                    conditions.add(new Condition.CodeIn(c, listed));
                }
            }
            codes.finish();
        }
        Set<LandlordType> landlords = enums(w, "landlord_types", LandlordType.class, LandlordType::code);
        List<Criteria> anyOf = new ArrayList<>();
        List<Node> alternatives = w.list("any_of", false);
        if (alternatives != null) {
            for (int i = 0; i < alternatives.size(); i++) {
                Fields a = Fields.of(alternatives.get(i), w.child("any_of") + "[" + i + "]", problems);
                if (a != null) {
                    anyOf.add(criteria(a));
                }
            }
        }
        w.finish();
        return new Criteria(types, sizes, industries, region, flagsTrue, flagsFalse, atLeast, landlords, anyOf,
                conditions);
    }

    /** The kinds of column whose value is a code a condition or a table can name. */
    public static final Column.Kind[] CODE_KINDS = {Column.Kind.CODE, Column.Kind.REGION, Column.Kind.INDUSTRY,
            Column.Kind.ENTITY_TYPE, Column.Kind.LANDLORD};

    /**
     * Whether every code of {@code codes} can be a value of {@code c}: one of a policy column's listed values,
     * a 6-digit region code, an industry code as the input holds it (upper case), an entity or landlord type.
     * Each code that cannot is a problem at {@code at}.
     */
    public boolean codesCanMatch(ColumnRef c, java.util.Collection<String> codes, String at) {
        int before = problems.size();
        for (String code : codes) {
            String why = switch (c.kind()) {
                case REGION -> code.matches("\\d{6}") ? null : "is not a 6-digit region code";
                case INDUSTRY -> INDUSTRY_PREFIX.matcher(code).matches() ? null
                        : "is not a GB/T 4754 code as the input holds it (a capital A-T and up to 4 digits, like H6210)";
                case ENTITY_TYPE -> EnumSet.allOf(EntityType.class).stream().anyMatch(t -> t.code().equals(code)) ? null
                        : "is not one of " + EnumSet.allOf(EntityType.class).stream().map(EntityType::code).toList();
                case LANDLORD -> EnumSet.allOf(LandlordType.class).stream().anyMatch(t -> t.code().equals(code)) ? null
                        : "is not one of " + EnumSet.allOf(LandlordType.class).stream().map(LandlordType::code).toList();
                default -> c instanceof ExtraColumn x && !x.values().isEmpty()
                        && x.values().stream().noneMatch(v -> v.equalsIgnoreCase(code))
                        ? "is not one of the values of " + c.header() + " (" + String.join(", ", x.values()) + ")" : null;
            };
            if (why != null) {
                problems.add(at + ": '" + code + "' " + why);
            }
        }
        return problems.size() == before;
    }

    /** {@code v} when it is yuan to the fen; else null with a problem at {@code at}. */
    public BigDecimal fen(BigDecimal v, String at) {
        if (v != null && v.stripTrailingZeros().scale() > 2) {
            problems.add(at + ": " + v.toPlainString() + " is in yuan to the fen: at most two decimals");
            return null;
        }
        return v;
    }

    /** A figure in yuan: its value paid and its bounds to the fen; else null with a problem at {@code at}. */
    public Figure fen(Figure f, String at) {
        if (f == null) {
            return null;
        }
        for (BigDecimal v : new BigDecimal[] {f.pay(), f.low(), f.high()}) {
            if (v != null && fen(v, at) == null) {
                return null;
            }
        }
        return f;
    }

    /** The region list {@code key} names, or null with a problem. */
    public RegionList regionRef(Fields f, String key) {
        String name = f.text(key, true);
        if (name == null) {
            return null;
        }
        RegionList list = regionLists.get(name);
        if (list == null) {
            problems.add(f.child(key) + " (line " + f.line() + "): '" + name + "' is not one of region_lists "
                    + regionLists.keySet());
        }
        return list;
    }

    /** A list of values; empty when absent. */
    public List<String> strings(Fields f, String key) {
        List<Node> items = f.list(key, false);
        List<String> out = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String t = Fields.text(items.get(i), f.child(key) + "[" + i + "]", problems);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private <E extends Enum<E>> Set<E> enums(Fields f, String key, Class<E> type, Function<E, String> code) {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : strings(f, key)) {
            Optional<E> e = EnumSet.allOf(type).stream().filter(v -> code.apply(v).equals(s)).findFirst();
            if (e.isPresent()) {
                out.add(e.get());
            } else {
                problems.add(f.keyAt(key) + ": '" + s + "' is not one of "
                        + EnumSet.allOf(type).stream().map(code).toList());
            }
        }
        return out;
    }

    private List<ColumnRef> columns(Fields f, String key) {
        List<ColumnRef> out = new ArrayList<>();
        for (String s : strings(f, key)) {
            ColumnRef c = resolve(f.keyAt(key), s, Column.Kind.BOOLEAN);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The input column {@code key} names, of one of the kinds asked for; null with a problem. */
    public ColumnRef column(Fields f, String key, Column.Kind... kinds) {
        String name = f.text(key, true);
        return name == null ? null : resolve(f.keyAt(key), name, kinds);
    }

    /** A canonical column or one the policy declares, of one of the kinds asked for; noted as used. */
    private ColumnRef resolve(String at, String name, Column.Kind... kinds) {
        Set<Column.Kind> wanted = EnumSet.noneOf(Column.Kind.class);
        wanted.addAll(List.of(kinds));
        Optional<ColumnRef> any = new InputSchema(extras, Set.of()).forName(name);
        Optional<ColumnRef> c = any.filter(col -> wanted.contains(col.kind()));
        if (any.isPresent() && any.get().kind() == null) {
            return null; // a column of an unknown kind: said once, where columns: declares it
        }
        if (c.isEmpty()) {
            Set<String> words = new java.util.LinkedHashSet<>();
            for (Column.Kind k : kinds) {
                words.add(k.word());
            }
            problems.add(at + ": '" + name + "' is not a " + String.join(" or ", words)
                    + " input column (SPEC §2 or columns:)"
                    + (any.isPresent() && any.get().kind() != null ? "; it is a " + any.get().kind().word() + " column"
                            : ""));
            return null;
        }
        if (c.get() instanceof ExtraColumn) {
            used.add(name);
        }
        return c.get();
    }

    /**
     * A {@link Figure} under {@code key}, which may be dated: a number, or a mapping of {@code up_to},
     * {@code at_least} or {@code from}/{@code to}, with the {@code pay} chosen and who {@code set_by} it.
     * A rate is at most 1.
     */
    public Figure figure(Fields f, String key, boolean required, boolean rate) {
        Node n = dated(f, key, required);
        if (n == null) {
            return null;
        }
        Figure fig;
        String path = f.child(key);
        if (n instanceof Node.Mapping) {
            Fields m = Fields.of(n, path, problems);
            BigDecimal upTo = m.keys().contains("up_to") ? m.decimal("up_to", true) : null;
            BigDecimal atLeast = m.keys().contains("at_least") ? m.decimal("at_least", true) : null;
            BigDecimal from = m.keys().contains("from") ? m.decimal("from", true) : null;
            BigDecimal to = m.keys().contains("to") ? m.decimal("to", true) : null;
            BigDecimal pay = m.decimal("pay", true);
            String setBy = m.text("set_by", false);
            m.finish();
            int forms = (upTo != null ? 1 : 0) + (atLeast != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
            if (forms != 1 || (from == null) != (to == null)) {
                problems.add(Fields.at(path, n) + ": give one of up_to, at_least, or from and to, with pay");
                return null;
            }
            if (pay == null) {
                return null;
            }
            Figure.Bound bound = upTo != null ? Figure.Bound.UP_TO : atLeast != null ? Figure.Bound.AT_LEAST
                    : Figure.Bound.RANGE;
            BigDecimal low = atLeast != null ? atLeast : from;
            BigDecimal high = upTo != null ? upTo : to;
            if (low != null && high != null && high.compareTo(low) < 0) {
                problems.add(Fields.at(path, n) + ": to " + high.toPlainString() + " is below from " + low.toPlainString());
                return null;
            }
            if ((low != null && pay.compareTo(low) < 0) || (high != null && pay.compareTo(high) > 0)) {
                problems.add(Fields.at(path + ".pay", n) + ": " + pay.toPlainString() + " is outside what the text allows ("
                        + new Figure(pay, bound, low, high, null).note().replaceFirst(":.*", "") + ")");
                return null;
            }
            fig = new Figure(pay, bound, low, high, setBy);
        } else {
            BigDecimal v = Fields.decimal(n, path, problems);
            if (v == null) {
                return null;
            }
            fig = Figure.exact(v);
        }
        BigDecimal biggest = fig.high() != null ? fig.high() : fig.pay();
        if (rate && biggest.compareTo(BigDecimal.ONE) > 0) {
            problems.add(Fields.at(path, n) + ": a rate is between 0 and 1, found " + biggest.toPlainString());
            return null;
        }
        return fig;
    }

    /** A date written like 2022-06-30 under {@code key}; null (with a problem when required) if absent. */
    public LocalDate date(Fields f, String key, boolean required) {
        if (required && !f.keys().contains(key)) {
            f.node(key, true);
            return null;
        }
        return date(f, key);
    }

    /** A rate between 0 and 1, which may be dated. */
    public BigDecimal rate(Fields f, String key, boolean required) {
        BigDecimal r = datedDecimal(f, key, required);
        if (r != null && r.compareTo(BigDecimal.ONE) > 0) {
            problems.add(f.child(key) + " (line " + f.line() + "): a rate is between 0 and 1, found " + r);
            return null;
        }
        return r;
    }

    /**
     * The period written under {@code key} as {@code {from, to}}, both ends needed (a rent period, a window
     * of months): null when absent (a problem when required), with a problem when an end is missing.
     */
    public Period boundedPeriod(Fields f, String key, boolean required) {
        Fields w = f.fields(key, required);
        if (w == null) {
            return null;
        }
        Period p = period(w, "from", "to");
        w.finish();
        if (!p.bounded()) {
            problems.add(f.keyAt(key) + ": give both 'from' and 'to'");
        }
        return p;
    }

    /** A period of force from two date keys; either may be absent. */
    public Period period(Fields f, String fromKey, String toKey) {
        LocalDate from = date(f, fromKey);
        LocalDate to = date(f, toKey);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(f.child(toKey) + " (line " + f.line() + "): " + to + " is before " + fromKey + " " + from);
        }
        return new Period(from, to, f.line());
    }

    private LocalDate date(Fields f, String key) {
        String t = f.text(key, false);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(f.child(key) + " (line " + f.line() + "): expected a date like 2023-01-01, found '" + t + "'");
            return null;
        }
    }

    /**
     * A value that may be dated: a plain value, or a list of {@code {from, to, value}} entries of
     * which the one in force on the as-of date is taken (the latest, for {@code policy check}).
     */
    public Node dated(Fields f, String key, boolean required) {
        Node n = f.node(key, required);
        if (!(n instanceof Node.Sequence seq)) {
            return n;
        }
        List<Period> periods = new ArrayList<>();
        Node chosen = null;
        for (int i = 0; i < seq.items().size(); i++) {
            Fields e = Fields.of(seq.items().get(i), f.child(key) + "[" + i + "]", problems);
            if (e == null) {
                continue;
            }
            Period period = period(e, "from", "to");
            if (period.from() == null) {
                problems.add(e.path() + " (line " + e.line() + "): a dated value needs 'from'");
            }
            Node value = e.node("value", true);
            e.finish();
            periods.add(period);
            if (resolution.check() ? i == seq.items().size() - 1 : chosen == null && period.contains(resolution.asOf())) {
                chosen = value;
            }
        }
        lint.periods(f.child(key), periods);
        if (resolution.asOf() == null && !resolution.check()) {
            problems.add(f.child(key) + " (line " + n.line() + "): a dated value; give --as-of");
        } else if (chosen == null && !resolution.check()) {
            problems.add(f.child(key) + " (line " + n.line() + "): no value in force on " + resolution.asOf());
        }
        return chosen;
    }

    /** A number ≥ 0 that may be dated. */
    public BigDecimal datedDecimal(Fields f, String key, boolean required) {
        Node n = dated(f, key, required);
        return n == null ? null : Fields.decimal(n, f.child(key), problems);
    }

    /** A whole number ≥ 0 that may be dated. */
    public Long datedInteger(Fields f, String key, boolean required) {
        Node n = dated(f, key, required);
        return n == null ? null : Fields.integer(n, f.child(key), problems);
    }
}
