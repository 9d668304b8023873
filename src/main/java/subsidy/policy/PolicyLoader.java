package subsidy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import subsidy.entity.Column;
import subsidy.entity.EntityType;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
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
    private static final Pattern PROGRAM_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-T]\\d{0,4}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final String ANY_INDUSTRY = "*";
    private static final Set<String> KINDS = Set.of("ui_refund", "per_head", "rent_waiver");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, RegionList> regionLists = new LinkedHashMap<>();

    private PolicyLoader() {
    }

    public static Policy bundled() throws PolicyException {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new PolicyException("bundled policy", List.of("missing from the jar: " + BUNDLED));
            }
            return parse(in.readAllBytes(), "bundled policy (config/policy.yaml)");
        } catch (IOException e) {
            throw new PolicyException("bundled policy", List.of("cannot be read: " + e.getMessage()));
        }
    }

    public static Policy load(Path file) throws PolicyException {
        String origin = file.toString();
        if (Files.isDirectory(file)) {
            throw new PolicyException(origin, List.of("is a directory, not a policy file"));
        }
        try {
            long size = Files.size(file);
            if (size > YamlTree.MAX_CHARS * 4L) {
                throw new PolicyException(origin, List.of("the file has " + size + " bytes; a policy is far smaller"));
            }
            return parse(Files.readAllBytes(file), origin);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PolicyException(origin, List.of("no such file"));
        } catch (IOException e) {
            throw new PolicyException(origin, List.of("cannot be read: " + e.getMessage()));
        }
    }

    public static Policy parse(byte[] bytes, String origin) throws PolicyException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(origin, List.of("is not UTF-8 text"));
        }
        PolicyLoader loader = new PolicyLoader();
        Node root = YamlTree.parse(text, loader.problems);
        Policy policy = root == null ? null : loader.policy(root, origin, sha256(bytes));
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
        SizeTable sizeTable = sizeTable(top.fields("firm_size", true));
        List<Program> programs = new ArrayList<>();
        Fields ps = top.fields("programs", true);
        if (ps != null) {
            for (String key : ps.keys()) {
                if (!PROGRAM_ID.matcher(key).matches()) {
                    problems.add(ps.child(key) + ": a program id is lower case letters, digits and _");
                }
                Program p = program(key, ps.fields(key, true));
                if (p != null) {
                    programs.add(p);
                }
            }
            if (ps.keys().isEmpty()) {
                problems.add("programs (line " + ps.line() + "): no programs");
            }
            ps.finish();
        }
        top.finish();
        return new Policy(id, title, sources, regionLists, programs, sizeTable, origin, sha);
    }

    private RegionList regionList(String key, Fields l) {
        String title = l.text("title", true);
        List<Clause> clauses = clauses(l);
        Map<String, String> codes = new LinkedHashMap<>();
        Fields c = l.fields("codes", true);
        if (c != null) {
            for (String code : c.keys()) {
                if (!REGION.matcher(code).matches()) {
                    problems.add(c.child(code) + ": a region code has 6 digits");
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
            problems.add(f.child("source") + ": cite at least one clause");
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
            out.add(new Clause(seed, at == null ? null : at.intValue(), c.text("words", true)));
            c.finish();
        }
        return out;
    }

    private Program program(String id, Fields p) {
        if (p == null) {
            return null;
        }
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
                default -> problems.add(p.child("kind") + " (line " + p.line() + "): '" + kind
                        + "' is not a program kind (ui_refund, per_head, rent_waiver)");
            }
        }
        if (program != null || (kind != null && KINDS.contains(kind))) {
            p.finish(); // with an unknown kind, which keys belong is unknown too
        }
        return program;
    }

    private Program uiRefund(String id, String title, List<Clause> clauses, Criteria who, Fields p) {
        BigDecimal rateMax = rate(p, "layoff_rate_max");
        Long smallMax = p.integer("small_unit_insured_max", true);
        BigDecimal smallRate = rate(p, "small_unit_layoff_rate_max");
        Fields r = p.fields("rates", true);
        Map<SizeClass, BigDecimal> rates = new EnumMap<>(SizeClass.class);
        BigDecimal unsized = null;
        if (r != null) {
            for (SizeClass s : SizeClass.values()) {
                rates.put(s, rate(r, s.code()));
            }
            unsized = rate(r, "unsized");
            r.finish();
        }
        if (rateMax == null || smallMax == null || smallRate == null || rates.containsValue(null) || unsized == null) {
            return null;
        }
        return new StableJobRefund(id, title, clauses, who, rateMax, smallMax, smallRate, rates, unsized);
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
            Column column = column(u, "column", Column.Kind.COUNT);
            BigDecimal amount = u.decimal("amount", true);
            u.finish();
            if (column != null && amount != null) {
                units.add(new PerHead.Unit(column, amount));
            }
        }
        if (items.isEmpty()) {
            problems.add(p.child("units") + ": name at least one counted column");
        }
        return units.size() == items.size() ? new PerHead(id, title, clauses, who, units) : null;
    }

    private Program rentWaiver(String id, String title, List<Clause> clauses, Criteria who, Fields p) {
        Long months = p.integer("months", true);
        Fields ext = p.fields("extended", false);
        RegionList extendedIn = null;
        Long extendedMonths = 0L;
        if (ext != null) {
            extendedIn = regionRef(ext, "region_in");
            extendedMonths = ext.integer("months", true);
            ext.finish();
        }
        Boolean prorate = p.bool("prorate_short_leases", true);
        if (months == null || extendedMonths == null || prorate == null || (ext != null && extendedIn == null)) {
            return null;
        }
        return new RentWaiver(id, title, clauses, who, months, extendedIn, extendedMonths, prorate);
    }

    private Criteria criteria(Fields w) {
        Set<EntityType> types = enums(w, "entity_types", EntityType.class, EntityType::code);
        Set<SizeClass> sizes = enums(w, "size_classes", SizeClass.class, SizeClass::code);
        List<String> industries = new ArrayList<>();
        for (String s : strings(w, "industry_prefixes")) {
            if (!INDUSTRY_PREFIX.matcher(s).matches()) {
                problems.add(w.child("industry_prefixes") + ": '" + s + "' is not a GB/T 4754 code prefix like H62");
            }
            industries.add(s);
        }
        RegionList region = w.keys().contains("region_in") ? regionRef(w, "region_in") : null;
        List<Column> flagsTrue = columns(w, "flags_true");
        List<Column> flagsFalse = columns(w, "flags_false");
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
        return new Criteria(types, sizes, industries, region, flagsTrue, flagsFalse, landlords, anyOf);
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
                problems.add(f.child(key) + ": '" + s + "' is not one of "
                        + EnumSet.allOf(type).stream().map(code).toList());
            }
        }
        return out;
    }

    private List<Column> columns(Fields f, String key) {
        List<Column> out = new ArrayList<>();
        for (String s : strings(f, key)) {
            Optional<Column> c = Column.forName(s).filter(col -> col.kind() == Column.Kind.BOOLEAN);
            if (c.isPresent()) {
                out.add(c.get());
            } else {
                problems.add(f.child(key) + ": '" + s + "' is not a true/false input column");
            }
        }
        return out;
    }

    private Column column(Fields f, String key, Column.Kind kind) {
        String name = f.text(key, true);
        if (name == null) {
            return null;
        }
        Optional<Column> c = Column.forName(name).filter(col -> col.kind() == kind);
        if (c.isEmpty()) {
            problems.add(f.child(key) + " (line " + f.line() + "): '" + name + "' is not a count input column");
        }
        return c.orElse(null);
    }

    private BigDecimal rate(Fields f, String key) {
        BigDecimal r = f.decimal(key, true);
        if (r != null && r.compareTo(BigDecimal.ONE) > 0) {
            problems.add(f.child(key) + " (line " + f.line() + "): a rate is between 0 and 1, found " + r);
            return null;
        }
        return r;
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
                            problems.add(r.child("industries") + ": '" + s + "' is not a GB/T 4754 code prefix");
                        }
                    }
                }
                Map<SizeClass, List<Threshold>> tiers = new EnumMap<>(SizeClass.class);
                for (SizeClass s : new SizeClass[] {SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL}) {
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
