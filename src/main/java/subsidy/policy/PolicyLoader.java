package subsidy.policy;

import subsidy.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.ExtraColumn;
import subsidy.entity.InputSchema;
import subsidy.money.Money;
import subsidy.program.FixedAmount;
import subsidy.program.RateTier;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.input.IoProblem;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;
import subsidy.policy.yaml.YamlTree;
import subsidy.program.PerHead;
import subsidy.program.Program;
import subsidy.program.RentWaiver;
import subsidy.program.StableJobRefund;
import subsidy.size.Metric;
import subsidy.size.SizeRow;
import subsidy.size.SizeTable;
import subsidy.size.Threshold;

/**
 * Reads a policy table strictly: an unknown or misplaced key, a missing value or a wrong type is a
 * problem naming its key path and line, and all problems are reported together.
 */
public final class PolicyLoader {
    /** Where the default policy (config/policy.yaml) sits inside the jar. */
    public static final String BUNDLED = "/subsidy/policy/policy.yaml";
    /** The most bytes a policy file may have (1 MiB); real ones have some ten thousand. */
    public static final int MAX_BYTES = 1 << 20;
    private static final Pattern PROGRAM_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-T]\\d{0,4}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final String ANY_INDUSTRY = "*";
    private static final List<String> KINDS = List.of("ui_refund", "per_head", "rent_waiver", "fixed");

    private final Resolution resolution;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, RegionList> regionLists = new LinkedHashMap<>();
    private final List<Citation> citations = new ArrayList<>();
    private final List<ExtraColumn> extras = new ArrayList<>();
    private Set<String> used = new HashSet<>();
    private final Set<String> required = new HashSet<>();
    /** The period of force of the program (or version) being read, for a rent waiver without its own rent_period. */
    private Period window;

    private PolicyLoader(Resolution resolution) {
        this.resolution = resolution;
    }

    public static Policy bundled() throws PolicyException {
        return bundled(Resolution.UNDATED);
    }

    public static Policy bundled(Resolution resolution) throws PolicyException {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new PolicyException("bundled policy", List.of("missing from the jar: " + BUNDLED));
            }
            return read(in, "bundled policy (config/policy.yaml)", resolution);
        } catch (IOException e) {
            throw new PolicyException("bundled policy", List.of("cannot be read: " + IoProblem.describe(e)));
        }
    }

    public static Policy load(Path file) throws PolicyException {
        return load(file, Resolution.UNDATED);
    }

    public static Policy load(Path file, Resolution resolution) throws PolicyException {
        String origin = file.toString();
        if (Files.isDirectory(file)) {
            throw new PolicyException(origin, List.of("is a directory, not a policy file"));
        }
        // Whatever the file is (a device, a pipe, a file still growing), no more than the limit and one
        // byte is read: its size as the file system tells it may be 0 or missing.
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, origin, resolution);
        } catch (IOException e) {
            throw new PolicyException(origin, List.of("cannot be read: " + IoProblem.describe(e)));
        }
    }

    /** Reads a policy from a stream, at most {@link #MAX_BYTES} and one byte of it. */
    static Policy read(InputStream in, String origin, Resolution resolution) throws PolicyException, IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(origin);
        }
        return parse(bytes, origin, resolution);
    }

    /** Notes for a person that may quote the file (a key, a program id): control characters escaped. */
    private static List<String> escaped(List<String> notes) {
        return notes.stream().map(subsidy.input.Escape::controls).toList();
    }

    private static PolicyException tooLarge(String origin) {
        return new PolicyException(origin, List.of("the file is over 1 MiB (more than " + MAX_BYTES
                + " bytes); a policy may have at most 1 MiB"));
    }

    public static Policy parse(byte[] bytes, String origin) throws PolicyException {
        return parse(bytes, origin, Resolution.UNDATED);
    }

    public static Policy parse(byte[] bytes, String origin, Resolution resolution) throws PolicyException {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(origin);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(origin, List.of("is not UTF-8 text"));
        }
        PolicyLoader loader = new PolicyLoader(resolution);
        Node root = YamlTree.parse(text, loader.problems);
        Policy policy = root == null ? null : loader.policy(root, origin, Sha256.of(bytes));
        if (!loader.problems.isEmpty()) {
            throw new PolicyException(origin, loader.problems);
        }
        return policy;
    }

    private Policy policy(Node root, String origin, String sha) {
        Fields top = Fields.of(root, "", problems);
        if (top == null) {
            return null;
        }
        String id = top.text("id", true);
        String title = top.text("title", true);
        top.text("description", false);
        Fields src = top.fields("sources", true);
        if (src != null) {
            for (String key : src.keys()) {
                Fields s = src.fields(key, true);
                if (s != null) {
                    sources.put(key, new Source(key, s.text("file", true), s.text("title", true)));
                    s.finish();
                }
            }
            src.finish();
        }
        Fields lists = top.fields("region_lists", false);
        if (lists != null) {
            for (String key : lists.keys()) {
                Fields l = lists.fields(key, true);
                if (l != null) {
                    regionLists.put(key, regionList(key, l));
                }
            }
            lists.finish();
        }
        Fields cols = top.fields("columns", false);
        if (cols != null) {
            for (String key : cols.keys()) {
                Fields c = cols.fields(key, true);
                if (c == null) {
                    continue;
                }
                if (Column.forName(key).isPresent() || !PROGRAM_ID.matcher(key).matches()) {
                    problems.add(cols.child(key) + " (line " + c.line() + "): a policy column needs a new name of "
                            + "lower case letters, digits and _");
                }
                String kind = c.text("kind", true);
                Column.Kind k = "count".equals(kind) ? Column.Kind.COUNT
                        : "boolean".equals(kind) ? Column.Kind.BOOLEAN : null;
                if (kind != null && k == null) {
                    problems.add(c.child("kind") + " (line " + c.line() + "): 'count' or 'boolean', found '" + kind
                            + "'");
                }
                extras.add(new ExtraColumn(key, c.text("chinese", false), k, extras.size()));
                c.finish();
            }
            cols.finish();
        }
        SizeTable sizeTable = sizeTable(top.fields("firm_size", true));
        List<Program> programs = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        Fields ps = top.fields("programs", true);
        if (ps != null) {
            for (String key : ps.keys()) {
                declared.add(key);
                if (!PROGRAM_ID.matcher(key).matches()) {
                    problems.add(ps.keyAt(key) + ": a program id is lower case letters, digits and _");
                }
                Program program = program(key, ps.fields(key, true));
                if (program != null) {
                    programs.add(program);
                }
            }
            if (ps.keys().isEmpty()) {
                problems.add("programs (line " + ps.line() + "): no programs");
            }
            columnClashes(ps, programs);
            ps.finish();
        }
        List<ExclusiveGroup> groups = groups(top.fields("exclusive_groups", false), declared);
        top.finish();
        for (ExtraColumn x : extras) {
            if (!used.contains(x.header()) && !required.contains(x.header())) {
                warnings.add("columns." + x.header() + ": declared, but no program in force reads it");
            }
        }
        if (resolution.asOf() != null && programs.isEmpty() && !leftOut.isEmpty()) {
            // A report with no program columns would look like a run that paid nobody.
            problems.add("no program is in force on " + resolution.asOf() + ": " + String.join("; ", leftOut));
        }
        return new Policy(id, title, sources, regionLists, programs, groups, sizeTable,
                new InputSchema(extras, required), resolution.asOf(), escaped(leftOut), escaped(warnings), citations,
                origin, sha);
    }

    private List<ExclusiveGroup> groups(Fields gs, Set<String> declared) {
        List<ExclusiveGroup> out = new ArrayList<>();
        if (gs == null) {
            return out;
        }
        for (String key : gs.keys()) {
            Fields g = gs.fields(key, true);
            if (g == null) {
                continue;
            }
            List<String> members = strings(g, "programs");
            for (String m : members) {
                if (!declared.contains(m)) {
                    problems.add(g.child("programs") + " (line " + g.line() + "): '" + m + "' is not a program");
                }
            }
            Set<String> seen = new HashSet<>();
            List<String> wrong = new ArrayList<>();
            members.stream().filter(m -> !seen.add(m)).distinct().forEach(m -> wrong.add("'" + m + "' is named twice"));
            if (seen.size() < 2) {
                wrong.add("a group needs two programs or more");
            }
            if (!wrong.isEmpty()) {
                problems.add(g.child("programs") + " (line " + g.line() + "): " + String.join("; ", wrong));
            }
            String pay = g.text("pay", true);
            if (pay != null && !pay.equals("higher")) {
                problems.add(g.child("pay") + " (line " + g.line() + "): only 'higher' (就高不就低) is known");
            }
            out.add(new ExclusiveGroup(key, members, clauses(g)));
            g.finish();
        }
        gs.finish();
        return out;
    }

    private RegionList regionList(String key, Fields l) {
        String title = l.text("title", true);
        List<Clause> clauses = clauses(l);
        Map<String, String> codes = new LinkedHashMap<>();
        Fields c = l.fields("codes", true);
        if (c != null) {
            for (String code : c.keys()) {
                if (!REGION.matcher(code).matches()) {
                    problems.add(c.keyAt(code) + ": a region code has 6 digits");
                }
                codes.put(code, c.text(code, true));
            }
            c.finish();
        }
        l.finish();
        return new RegionList(key, title, clauses, codes);
    }

    private List<Clause> clauses(Fields f) {
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
            Clause clause = new Clause(seed, at == null ? null : at.intValue(), c.text("words", true));
            out.add(clause);
            citations.add(new Citation(c.path(), c.line(), clause));
            c.finish();
        }
        return out;
    }

    /** SPEC §4: program ids are the report's column names, so none may be one of its other columns. */
    private void columnClashes(Fields ps, List<Program> programs) {
        Set<String> others = new LinkedHashSet<>(Policy.LEADING_COLUMNS);
        others.addAll(Policy.TRAILING_COLUMNS);
        for (Program p : programs) {
            if (p.reportsMonths()) {
                others.add(p.monthsColumn());
            }
        }
        for (String id : ps.keys()) {
            if (others.contains(id)) {
                problems.add(ps.keyAt(id) + ": '" + id
                        + "' is a column of report.csv already; a program id names a column of its own");
            }
        }
    }

    /**
     * A program: its body directly, or {@code versions}, each with its own period ({@code from},
     * {@code to}). A body may also carry {@code valid_from} / {@code valid_to}. Only the version in
     * force on the as-of date is kept; every version is still read, so every problem is reported.
     */
    private Program program(String id, Fields p) {
        if (p == null) {
            return null;
        }
        List<Node> versions = p.keys().contains("versions") ? p.list("versions", true) : null;
        if (versions == null) {
            Period window = period(p, "valid_from", "valid_to");
            this.window = window;
            return selected(id, window, p.path(), () -> body(id, p));
        }
        p.finish();
        List<Period> periods = new ArrayList<>();
        Program chosen = null;
        boolean any = false;
        for (int i = 0; i < versions.size(); i++) {
            Fields v = Fields.of(versions.get(i), p.child("versions") + "[" + i + "]", problems);
            if (v == null) {
                continue;
            }
            Period period = period(v, "from", "to");
            if (period.from() == null) {
                problems.add(v.path() + " (line " + v.line() + "): a version needs 'from'");
            }
            periods.add(period);
            Set<String> outer = used;
            used = new HashSet<>();
            window = period;
            Program body = body(id, v);
            // Of overlapping versions the first that holds is used, as policy check's warning says.
            boolean inForce = resolution.check() ? i == versions.size() - 1
                    : !any && period.contains(resolution.asOf());
            if (resolution.asOf() == null && !resolution.check()) {
                problems.add(v.path() + " (line " + v.line() + "): this program has dated versions; give --as-of");
            }
            if (inForce) {
                chosen = body;
                any = true;
                required.addAll(used);
            }
            used.addAll(outer);
        }
        periodWarnings(p.child("versions"), periods);
        if (!any && resolution.asOf() != null) {
            leftOut.add(id + ": no version in force on " + resolution.asOf());
        }
        return chosen;
    }

    /** The program when its window holds the as-of date; otherwise left out with a note. */
    private Program selected(String id, Period window, String path, java.util.function.Supplier<Program> body) {
        Set<String> outer = used;
        used = new HashSet<>();
        Program program = body.get();
        boolean dated = window.from() != null || window.to() != null;
        boolean inForce = !dated || resolution.check() || window.contains(resolution.asOf());
        if (dated && resolution.asOf() == null && !resolution.check()) {
            problems.add(path + ": this program has a validity window; give --as-of");
        }
        if (inForce) {
            required.addAll(used);
        } else {
            leftOut.add(id + ": in force " + window + ", not on " + resolution.asOf());
        }
        used.addAll(outer);
        return inForce ? program : null;
    }

    /** A period of force; either end may be open. */
    record Period(LocalDate from, LocalDate to, int line) {
        boolean contains(LocalDate d) {
            return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }

        @Override
        public String toString() {
            return (from == null ? "" : "from " + from) + (to == null ? "" : (from == null ? "" : " ") + "to " + to);
        }
    }

    private Period period(Fields f, String fromKey, String toKey) {
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

    /** Periods in the order written must not overlap; a gap between them is allowed but worth a look. */
    private void periodWarnings(String path, List<Period> periods) {
        for (int i = 1; i < periods.size(); i++) {
            Period a = periods.get(i - 1);
            Period b = periods.get(i);
            if (b.from() == null) {
                continue;
            }
            if (a.to() == null || !a.to().isBefore(b.from())) {
                warnings.add(path + " (line " + b.line() + "): period " + b + " overlaps the one before (" + a
                        + "); the first that holds is used");
            } else if (a.to().plusDays(1).isBefore(b.from())) {
                warnings.add(path + " (line " + b.line() + "): nothing is in force between " + a.to() + " and "
                        + b.from());
            }
        }
    }

    /**
     * A value that may be dated: a plain value, or a list of {@code {from, to, value}} entries of
     * which the one in force on the as-of date is taken (the latest, for {@code policy check}).
     */
    private Node dated(Fields f, String key, boolean required) {
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
        periodWarnings(f.child(key), periods);
        if (resolution.asOf() == null && !resolution.check()) {
            problems.add(f.child(key) + " (line " + n.line() + "): a dated value; give --as-of");
        } else if (chosen == null && !resolution.check()) {
            problems.add(f.child(key) + " (line " + n.line() + "): no value in force on " + resolution.asOf());
        }
        return chosen;
    }

    private BigDecimal datedDecimal(Fields f, String key, boolean required) {
        Node n = dated(f, key, required);
        return n == null ? null : Fields.decimal(n, f.child(key), problems);
    }

    private Long datedInteger(Fields f, String key, boolean required) {
        Node n = dated(f, key, required);
        return n == null ? null : Fields.integer(n, f.child(key), problems);
    }

    private Program body(String id, Fields p) {
        String kind = p.text("kind", true);
        String title = p.text("title", true);
        List<Clause> clauses = clauses(p);
        Fields whoFields = p.fields("who", false);
        Criteria who = whoFields == null ? Criteria.ANYONE : criteria(whoFields);
        Program program = null;
        if (kind != null) {
            switch (kind) {
                case "ui_refund" -> program = uiRefund(id, title, clauses, who, p);
                case "per_head" -> program = perHead(id, title, clauses, who, p);
                case "rent_waiver" -> program = rentWaiver(id, title, clauses, who, p);
                case "fixed" -> program = fixed(id, title, clauses, who, p);
                default -> problems.add(p.child("kind") + " (line " + p.line() + "): '" + kind
                        + "' is not a program kind (" + String.join(", ", KINDS) + ")");
            }
        }
        if (program != null || (kind != null && KINDS.contains(kind))) {
            p.finish(); // with an unknown kind, which keys belong is unknown too
        }
        if (program != null) {
            reachability(p.path(), who);
        }
        return program;
    }

    private Program fixed(String id, String title, List<Clause> clauses, Criteria who, Fields p) {
        BigDecimal amount = datedDecimal(p, "amount", true);
        return amount == null ? null : new FixedAmount(id, title, clauses, who, amount);
    }

    /** Warns of conditions no entity can meet: a size for entity types that are never sized. */
    private void reachability(String path, Criteria who) {
        if (!who.sizeClasses().isEmpty() && !who.entityTypes().isEmpty()
                && who.entityTypes().stream().noneMatch(EntityType::isSized)) {
            warnings.add(path + ".who: size classes are asked of entity types that are never sized; no entity "
                    + "can qualify");
        }
        for (int i = 0; i < who.anyOf().size(); i++) {
            reachability(path + ".who.any_of[" + i + "]", who.anyOf().get(i));
        }
    }

    private Program uiRefund(String id, String title, List<Clause> clauses, Criteria who, Fields p) {
        boolean tiered = p.keys().contains("rate_tiers");
        boolean layoffTest = p.keys().contains("layoff_rate_max") || !tiered;
        BigDecimal rateMax = layoffTest ? rate(p, "layoff_rate_max", true) : null;
        Long smallMax = p.keys().contains("small_unit_insured_max") || (layoffTest && !tiered)
                ? datedInteger(p, "small_unit_insured_max", true) : Long.valueOf(0);
        BigDecimal smallRate = p.keys().contains("small_unit_layoff_rate_max") || (layoffTest && !tiered)
                ? rate(p, "small_unit_layoff_rate_max", true) : null;
        Map<SizeClass, BigDecimal> rates = new EnumMap<>(SizeClass.class);
        BigDecimal unsized = null;
        List<RateTier> tiers = new ArrayList<>();
        if (tiered) {
            tiers = tiers(p);
            if (p.keys().contains("rates")) {
                problems.add(p.child("rates") + " (line " + p.line() + "): give rates or rate_tiers, not both");
            }
        } else {
            Fields r = p.fields("rates", true);
            if (r != null) {
                for (SizeClass s : SizeClass.values()) {
                    rates.put(s, rate(r, s.code(), true));
                }
                unsized = rate(r, "unsized", true);
                r.finish();
            }
            if (rates.size() < SizeClass.values().length || rates.containsValue(null) || unsized == null) {
                return null;
            }
        }
        if ((layoffTest && rateMax == null) || smallMax == null || tiers == null) {
            return null;
        }
        return new StableJobRefund(id, title, clauses, who, rateMax, smallMax, smallRate, rates, unsized, tiers);
    }

    /**
     * Refund rates by band of the layoff rate. Each band gives a lower bound ({@code above} or
     * {@code at_least}; none for the first) and an upper one ({@code at_most} or {@code below}).
     * Bands must follow on from each other; a gap or an overlap is a warning, naming the boundary.
     */
    private List<RateTier> tiers(Fields p) {
        List<Node> items = p.list("rate_tiers", true);
        if (items == null) {
            return null;
        }
        List<RateTier> tiers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields t = Fields.of(items.get(i), p.child("rate_tiers") + "[" + i + "]", problems);
            if (t == null) {
                return null;
            }
            boolean above = t.keys().contains("above");
            BigDecimal lower = above ? rate(t, "above", true)
                    : t.keys().contains("at_least") ? rate(t, "at_least", true) : null;
            boolean atMost = t.keys().contains("at_most");
            BigDecimal upper = atMost ? rate(t, "at_most", true) : rate(t, "below", true);
            BigDecimal r = rate(t, "rate", true);
            t.text("note", false);
            t.finish();
            if (upper == null || r == null) {
                return null;
            }
            RateTier tier = new RateTier(lower, !above, upper, atMost, r);
            if (lower != null && (lower.compareTo(upper) > 0 || (lower.compareTo(upper) == 0 && !(atMost && !above)))) {
                warnings.add(t.path() + " (line " + t.line() + "): tier " + tier + " holds no layoff rate; "
                        + "unreachable");
            }
            if (tiers.isEmpty() && lower != null && (above || lower.signum() > 0)) {
                warnings.add(t.path() + " (line " + t.line() + "): below the first tier (" + tier + "), a layoff rate of "
                        + (above ? exactPercent(lower) + " or less" : "less than " + exactPercent(lower))
                        + " falls in no tier and is paid nothing");
            }
            if (!tiers.isEmpty()) {
                RateTier prev = tiers.get(tiers.size() - 1);
                BigDecimal from = lower == null ? BigDecimal.ZERO : lower;
                int c = from.compareTo(prev.upper());
                boolean bothIn = c == 0 && prev.upperInclusive() && tier.lowerInclusive();
                boolean neither = c == 0 && !prev.upperInclusive() && !tier.lowerInclusive();
                if (c < 0 || bothIn) {
                    warnings.add(t.path() + " (line " + t.line() + "): tier " + tier + " overlaps " + prev
                            + (bothIn ? " at exactly " + Money.percent(from) : "") + "; the first that holds is used");
                } else if (c > 0 || neither) {
                    warnings.add(t.path() + " (line " + t.line() + "): between " + prev + " and " + tier
                            + " a layoff rate of " + (neither ? "exactly " : "just above ") + Money.percent(prev.upper())
                            + " falls in no tier and is paid nothing");
                }
            }
            tiers.add(tier);
        }
        return tiers;
    }

    /** A rate as a percentage with every digit it has: 0.00001 is 0.001%, not a rounded 0.00%. */
    private static String exactPercent(BigDecimal rate) {
        return Money.movedLeft(rate, -2) + "%";
    }

    private Program perHead(String id, String title, List<Clause> clauses, Criteria who, Fields p) {
        List<Node> items = p.list("units", true);
        if (items == null) {
            return null;
        }
        List<PerHead.Unit> units = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields u = Fields.of(items.get(i), p.child("units") + "[" + i + "]", problems);
            if (u == null) {
                continue;
            }
            ColumnRef column = column(u, "column", Column.Kind.COUNT);
            BigDecimal amount = datedDecimal(u, "amount", true);
            u.finish();
            if (column != null && amount != null) {
                if (amount.signum() == 0) {
                    warnings.add(u.path() + " (line " + u.line() + "): pays 0 per head of " + column.header());
                }
                units.add(new PerHead.Unit(column, amount));
            }
        }
        if (items.isEmpty()) {
            problems.add(p.keyAt("units") + ": name at least one counted column");
        }
        return units.size() == items.size() ? new PerHead(id, title, clauses, who, units) : null;
    }

    private Program rentWaiver(String id, String title, List<Clause> clauses, Criteria who, Fields p) {
        Long months = datedInteger(p, "months", true);
        Fields ext = p.fields("extended", false);
        RegionList extendedIn = null;
        Long extendedMonths = 0L;
        if (ext != null) {
            extendedIn = regionRef(ext, "region_in");
            extendedMonths = datedInteger(ext, "months", true);
            ext.finish();
        }
        Boolean prorate = p.bool("prorate_short_leases", true);
        // The period whose rent is waived: its own rent_period, else the program's period of force.
        Period rentPeriod = window;
        Fields rp = p.fields("rent_period", false);
        if (rp != null) {
            rentPeriod = period(rp, "from", "to");
            if (rentPeriod.from() == null || rentPeriod.to() == null) {
                problems.add(p.keyAt("rent_period") + ": give both 'from' and 'to'");
            }
            rp.finish();
        }
        if (months == null || extendedMonths == null || prorate == null || (ext != null && extendedIn == null)) {
            return null;
        }
        return new RentWaiver(id, title, clauses, who, months, extendedIn, extendedMonths, prorate,
                rentPeriod == null ? null : rentPeriod.from(), rentPeriod == null ? null : rentPeriod.to());
    }

    private Criteria criteria(Fields w) {
        Set<EntityType> types = enums(w, "entity_types", EntityType.class, EntityType::code);
        Set<SizeClass> sizes = enums(w, "size_classes", SizeClass.class, SizeClass::code);
        List<String> industries = new ArrayList<>();
        for (String s : strings(w, "industry_prefixes")) {
            if (!INDUSTRY_PREFIX.matcher(s).matches()) {
                problems.add(w.keyAt("industry_prefixes") + ": '" + s + "' is not a GB/T 4754 code prefix like H62");
            }
            industries.add(s);
        }
        RegionList region = w.keys().contains("region_in") ? regionRef(w, "region_in") : null;
        List<ColumnRef> flagsTrue = columns(w, "flags_true");
        List<ColumnRef> flagsFalse = columns(w, "flags_false");
        Map<ColumnRef, Long> atLeast = new LinkedHashMap<>();
        Fields min = w.fields("at_least", false);
        if (min != null) {
            for (String key : min.keys()) {
                ColumnRef c = column(min, key, key, Column.Kind.COUNT);
                Long n = datedInteger(min, key, true);
                if (c != null && n != null) {
                    atLeast.put(c, n);
                }
            }
            min.finish();
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
        return new Criteria(types, sizes, industries, region, flagsTrue, flagsFalse, atLeast, landlords, anyOf);
    }

    private RegionList regionRef(Fields f, String key) {
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

    private List<String> strings(Fields f, String key) {
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
            ColumnRef c = resolve(f.child(key), f.line(), s, Column.Kind.BOOLEAN);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private ColumnRef column(Fields f, String key, Column.Kind kind) {
        String name = f.text(key, true);
        return name == null ? null : resolve(f.child(key), f.line(), name, kind);
    }

    private ColumnRef column(Fields f, String key, String name, Column.Kind kind) {
        return resolve(f.child(key), f.line(), name, kind);
    }

    /** A canonical column or one the policy declares, of the kind asked for; noted as used. */
    private ColumnRef resolve(String path, int line, String name, Column.Kind kind) {
        Optional<ColumnRef> c = new InputSchema(extras, Set.of()).forName(name).filter(col -> col.kind() == kind);
        if (c.isEmpty()) {
            problems.add(path + " (line " + line + "): '" + name + "' is not a "
                    + (kind == Column.Kind.COUNT ? "count" : "true/false") + " input column (SPEC §2 or columns:)");
            return null;
        }
        if (c.get() instanceof ExtraColumn) {
            used.add(name);
        }
        return c.get();
    }

    private BigDecimal rate(Fields f, String key, boolean required) {
        BigDecimal r = datedDecimal(f, key, required);
        if (r != null && r.compareTo(BigDecimal.ONE) > 0) {
            problems.add(f.child(key) + " (line " + f.line() + "): a rate is between 0 and 1, found " + r);
            return null;
        }
        return r;
    }

    /**
     * Tiers are tried from large down, so a tier whose every test is as strict as a higher tier's, on
     * every metric the higher one tests, decides no firm: a typo in the table, such as small's
     * employees above medium's.
     */
    private void unreachableTiers(Fields row, Map<SizeClass, List<Threshold>> tiers) {
        List<SizeClass> order = SizeTable.TIERS;
        for (int lower = 1; lower < order.size(); lower++) {
            for (int higher = 0; higher < lower; higher++) {
                List<Threshold> low = tiers.get(order.get(lower));
                List<Threshold> high = tiers.get(order.get(higher));
                if (!low.isEmpty() && meetingFirstMeetsSecond(low, high)) {
                    warnings.add(row.keyAt(order.get(lower).code()) + ": no firm can be " + order.get(lower).code()
                            + " here: one that meets " + joined(low) + " meets " + order.get(higher).code() + " ("
                            + joined(high) + ") first");
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

    private SizeTable sizeTable(Fields f) {
        if (f == null) {
            return null;
        }
        List<Clause> clauses = clauses(f);
        List<Node> items = f.list("rows", true);
        List<SizeRow> rows = new ArrayList<>();
        int catchAll = 0;
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                Fields r = Fields.of(items.get(i), f.child("rows") + "[" + i + "]", problems);
                if (r == null) {
                    continue;
                }
                String label = r.text("label", true);
                List<String> industries = strings(r, "industries");
                if (industries.equals(List.of(ANY_INDUSTRY))) {
                    industries = List.of();
                    catchAll++;
                } else if (industries.isEmpty()) {
                    problems.add(r.child("industries") + " (line " + r.line() + "): list code prefixes, or \"*\"");
                } else {
                    for (String s : industries) {
                        if (!INDUSTRY_PREFIX.matcher(s).matches()) {
                            problems.add(r.keyAt("industries") + ": '" + s + "' is not a GB/T 4754 code prefix");
                        }
                    }
                }
                Map<SizeClass, List<Threshold>> tiers = new EnumMap<>(SizeClass.class);
                for (SizeClass s : SizeTable.TIERS) {
                    Fields t = r.fields(s.code(), true);
                    if (t == null) {
                        continue;
                    }
                    List<Threshold> tests = new ArrayList<>();
                    for (Metric m : Metric.values()) {
                        BigDecimal v = t.decimal(m.key(), false);
                        if (v != null) {
                            tests.add(new Threshold(m, v));
                        }
                    }
                    if (tests.isEmpty()) {
                        problems.add(t.path() + " (line " + t.line() + "): give at least one of employees, revenue, "
                                + "total_assets");
                    }
                    t.finish();
                    tiers.put(s, tests);
                }
                r.finish();
                if (tiers.size() == 3) {
                    unreachableTiers(r, tiers);
                    rows.add(new SizeRow(label, industries, tiers));
                }
            }
        }
        if (catchAll != 1) {
            problems.add(f.child("rows") + " (line " + f.line() + "): exactly one row must have industries [\"*\"] "
                    + "(every other industry), found " + catchAll);
        }
        f.finish();
        String source = clauses.isEmpty() ? "" : clauses.get(0).label();
        return new SizeTable(source, rows);
    }

}
