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
import subsidy.policy.yaml.Problems;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * What the readers of one policy share: the problems found so far (each with its key path and line),
 * the linter the warnings go to, the sources, region lists and columns declared, and the ways every
 * kind reads a clause list, a {@code who}, a column, a rate or a dated value. A reader of a program
 * kind gets it with the program's fields.
 */
public final class ReadContext {
    static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-T]\\d{0,4}");

    private final Resolution resolution;
    private final Problems problems = new Problems();
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
    /** Whether the policy pays households ({@code subject: households}): firm-only conditions are refused. */
    boolean households;
    /** The conditions that only a firm list can meet, refused in a household policy. */
    private static final List<String> FIRM_CONDITIONS = List.of("entity_types", "size_classes", "industry_prefixes",
            "industry_prefixes_not", "landlord_types");

    ReadContext(Resolution resolution) {
        this.resolution = resolution;
    }

    /** The problems so far; a reader adds to it, and hands it to {@link Fields#of}. */
    public Problems problems() {
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
            problems.add("policy.read.cite_one", f.where("source"));
        }
        for (int i = 0; i < items.size(); i++) {
            Fields c = Fields.of(items.get(i), f.child("source") + "[" + i + "]", problems);
            if (c == null) {
                continue;
            }
            String seed = c.text("seed", true);
            if (seed != null && !sources.containsKey(seed)) {
                problems.add("policy.read.not_a_source", Fields.where(c.child("seed"), c.line()), seed,
                        sources.keySet());
            }
            Long at = c.integer("at", false);
            if (at != null && (at < 0 || at > Integer.MAX_VALUE)) {
                problems.add("policy.read.not_an_offset", Fields.where(c.child("at"), c.line()), at);
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
        if (households) {
            for (String k : FIRM_CONDITIONS) {
                if (w.keys().contains(k)) {
                    problems.add("household.policy.firm_condition", w.where(k), k);
                }
            }
        }
        Set<EntityType> types = enums(w, "entity_types", EntityType.class, EntityType.FIRMS, EntityType::code);
        Set<SizeClass> sizes = enums(w, "size_classes", SizeClass.class, SizeClass::code);
        if (!sizes.isEmpty()) {
            usesSizeClasses();
        }
        List<String> industries = new ArrayList<>();
        for (String s : strings(w, "industry_prefixes")) {
            if (!INDUSTRY_PREFIX.matcher(s).matches()) {
                problems.add("policy.read.not_industry_prefix", w.where("industry_prefixes"), s, "H62");
            }
            industries.add(s);
        }
        List<String> excluded = new ArrayList<>();
        for (String s : strings(w, "industry_prefixes_not")) {
            if (!INDUSTRY_PREFIX.matcher(s).matches()) {
                problems.add("policy.read.not_industry_prefix", w.where("industry_prefixes_not"), s, "C25");
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
                ColumnRef c = resolve(min.where(key), key, Column.Kind.COUNT, Column.Kind.MONEY,
                        Column.Kind.RATE, Column.Kind.NUMBER);
                if (c != null && c.kind() != Column.Kind.COUNT) {
                    BigDecimal least = datedDecimal(min, key, true);
                    if (least != null && c.kind() == Column.Kind.MONEY) {
                        least = fen(least, min.where(key));
                    } else if (least != null && c.kind() == Column.Kind.RATE && least.compareTo(BigDecimal.ONE) > 0) {
                        problems.add("policy.read.rate_unreachable", min.where(key), least.toPlainString());
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
                ColumnRef c = resolve(dates.where(key), key, Column.Kind.DATE);
                Fields window = dates.fields(key, true);
                if (window == null) {
                    continue;
                }
                Period p = period(window, "from", "to");
                Long monthsBefore = window.keys().contains("months_before_as_of")
                        ? window.integer("months_before_as_of", true) : null;
                window.finish();
                subsidy.text.Text rule = null;
                if (monthsBefore != null) {
                    // 「正常经营1年以上」: on or before the as-of date less the months, worked out when read.
                    if (p.to() != null) {
                        problems.add("policy.read.to_or_months", window.where("months_before_as_of"));
                    } else if (resolution.asOf() == null && !resolution.check()) {
                        problems.add("policy.read.months_need_as_of", window.where("months_before_as_of"));
                    } else if (resolution.asOf() != null) {
                        LocalDate latest = resolution.asOf().minusMonths(monthsBefore);
                        p = new Period(p.from(), latest, p.line());
                        rule = Msg.of("policy.read.months_rule", monthsBefore, resolution.asOf(), latest);
                    }
                }
                if (p.from() == null && p.to() == null && monthsBefore == null && !window.keys().contains("from")
                        && !window.keys().contains("to") && !window.keys().contains("months_before_as_of")) {
                    problems.add("policy.read.give_dates", Fields.where(window.path(), window.line()));
                } else if (c != null && (p.from() != null || p.to() != null)) {
                    conditions.add(new Condition.DateWithin(c, p, rule));
                }
            }
            dates.finish();
        }
        Fields codes = w.fields("codes", false);
        if (codes != null) {
            for (String key : codes.keys()) {
                ColumnRef c = resolve(codes.where(key), key, CODE_KINDS);
                List<String> listed = strings(codes, key);
                if (listed.isEmpty()) {
                    problems.add("policy.read.list_codes", codes.where(key));
                } else if (c != null && codesCanMatch(c, listed, codes.where(key))) {
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
    public boolean codesCanMatch(ColumnRef c, java.util.Collection<String> codes, Text at) {
        int before = problems.size();
        for (String code : codes) {
            Text why = switch (c.kind()) {
                case REGION -> code.matches("\\d{6}") ? null : Msg.of("policy.read.code.not_region");
                case INDUSTRY -> INDUSTRY_PREFIX.matcher(code).matches() ? null : Msg.of("policy.read.code.not_industry");
                case ENTITY_TYPE -> EnumSet.allOf(EntityType.class).stream().anyMatch(t -> t.code().equals(code)) ? null
                        : Msg.of("policy.read.code.not_one_of",
                                EnumSet.allOf(EntityType.class).stream().map(EntityType::code).toList());
                case LANDLORD -> EnumSet.allOf(LandlordType.class).stream().anyMatch(t -> t.code().equals(code)) ? null
                        : Msg.of("policy.read.code.not_one_of",
                                EnumSet.allOf(LandlordType.class).stream().map(LandlordType::code).toList());
                default -> c instanceof ExtraColumn x && !x.values().isEmpty()
                        && x.values().stream().noneMatch(v -> v.equalsIgnoreCase(code))
                        ? Msg.of("policy.read.code.not_value_of", c.header(), String.join(", ", x.values())) : null;
            };
            if (why != null) {
                problems.add("policy.read.bad_code", at, code, why);
            }
        }
        return problems.size() == before;
    }

    /** {@code v} when it is yuan to the fen; else null with a problem at {@code at}. */
    public BigDecimal fen(BigDecimal v, Text at) {
        if (v != null && v.stripTrailingZeros().scale() > 2) {
            problems.add("policy.read.fen", at, v.toPlainString());
            return null;
        }
        return v;
    }

    /** A figure in yuan: its value paid and its bounds to the fen; else null with a problem at {@code at}. */
    public Figure fen(Figure f, Text at) {
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
            problems.add("policy.read.not_a_region_list", Fields.where(f.child(key), f.line()), name,
                    regionLists.keySet());
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
        return enums(f, key, type, List.copyOf(EnumSet.allOf(type)), code);
    }

    /** As {@link #enums(Fields, String, Class, Function)}, of the values {@code allowed} only. */
    private <E extends Enum<E>> Set<E> enums(Fields f, String key, Class<E> type, List<E> allowed,
            Function<E, String> code) {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : strings(f, key)) {
            Optional<E> e = allowed.stream().filter(v -> code.apply(v).equals(s)).findFirst();
            if (e.isPresent()) {
                out.add(e.get());
            } else {
                problems.add("policy.read.not_one_of", f.where(key), s, allowed.stream().map(code).toList());
            }
        }
        return out;
    }

    private List<ColumnRef> columns(Fields f, String key) {
        List<ColumnRef> out = new ArrayList<>();
        for (String s : strings(f, key)) {
            ColumnRef c = resolve(f.where(key), s, Column.Kind.BOOLEAN);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The input column {@code key} names, of one of the kinds asked for; null with a problem. */
    public ColumnRef column(Fields f, String key, Column.Kind... kinds) {
        String name = f.text(key, true);
        return name == null ? null : resolve(f.where(key), name, kinds);
    }

    /** A canonical column or one the policy declares, of one of the kinds asked for; noted as used. */
    private ColumnRef resolve(Text at, String name, Column.Kind... kinds) {
        Set<Column.Kind> wanted = EnumSet.noneOf(Column.Kind.class);
        wanted.addAll(List.of(kinds));
        Optional<ColumnRef> any = new InputSchema(extras, Set.of(),
                households ? subsidy.entity.Subject.HOUSEHOLDS : subsidy.entity.Subject.FIRMS).forName(name);
        Optional<ColumnRef> c = any.filter(col -> wanted.contains(col.kind()));
        if (any.isPresent() && any.get().kind() == null) {
            return null; // a column of an unknown kind: said once, where columns: declares it
        }
        if (c.isEmpty()) {
            Map<String, Text> words = new LinkedHashMap<>();
            for (Column.Kind k : kinds) {
                words.putIfAbsent(k.word(), PolicyTexts.kind(k));
            }
            Text words2 = PolicyTexts.joined(List.copyOf(words.values()), "policy.sep.or");
            if (any.isPresent() && any.get().kind() != null) {
                problems.add("policy.read.not_a_column_is", at, name, words2, PolicyTexts.kind(any.get().kind()));
            } else {
                problems.add("policy.read.not_a_column", at, name, words2);
            }
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
                problems.add("policy.read.figure_form", Fields.where(path, n));
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
                problems.add("policy.read.to_below_from", Fields.where(path, n), high.toPlainString(), low.toPlainString());
                return null;
            }
            if ((low != null && pay.compareTo(low) < 0) || (high != null && pay.compareTo(high) > 0)) {
                problems.add("policy.read.pay_outside", Fields.where(path + ".pay", n), pay.toPlainString(),
                        bounds(bound, low, high));
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
            problems.add("policy.read.rate_range", Fields.where(path, n), biggest.toPlainString());
            return null;
        }
        return fig;
    }

    /** What a figure's text allows: "up to 1", "at least 500", "6000 to 10000". */
    private static Text bounds(Figure.Bound bound, BigDecimal low, BigDecimal high) {
        return switch (bound) {
            case UP_TO -> Msg.of("policy.figure.up_to", plain(high));
            case AT_LEAST -> Msg.of("policy.figure.at_least", plain(low));
            default -> Msg.of("policy.figure.range", plain(low), plain(high));
        };
    }

    private static String plain(BigDecimal v) {
        return subsidy.money.Money.movedLeft(v, 0);
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
            problems.add("policy.read.rate_range", Fields.where(f.child(key), f.line()), r.toString());
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
            problems.add("policy.read.both_ends", f.where(key));
        }
        return p;
    }

    /** A period of force from two date keys; either may be absent. */
    public Period period(Fields f, String fromKey, String toKey) {
        LocalDate from = date(f, fromKey);
        LocalDate to = date(f, toKey);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("policy.read.to_before_from", Fields.where(f.child(toKey), f.line()), to, fromKey, from);
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
            problems.add("policy.read.expected_date", Fields.where(f.child(key), f.line()), t);
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
                problems.add("policy.read.dated_needs_from", Fields.where(e.path(), e.line()));
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
            problems.add("policy.read.dated_needs_as_of", Fields.where(f.child(key), n.line()));
        } else if (chosen == null && !resolution.check()) {
            problems.add("policy.read.dated_none", Fields.where(f.child(key), n.line()), resolution.asOf());
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
