package subsidy.policy;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import subsidy.Sha256;
import subsidy.entity.Column;
import subsidy.entity.ExtraColumn;
import subsidy.entity.Households;
import subsidy.entity.InputSchema;
import subsidy.entity.Subject;
import subsidy.input.IoProblem;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;
import subsidy.policy.yaml.Problems;
import subsidy.policy.yaml.YamlTree;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;
import subsidy.program.Program;
import subsidy.size.SizeTable;

/**
 * Reads a policy table strictly: an unknown or misplaced key, a missing value or a wrong type is a
 * problem naming its key path and line, and all problems are reported together. It reads what is
 * common to every policy (sources, region lists, columns, the periods and versions of programs,
 * exclusive groups); each program kind's own keys are read by its reader ({@link ProgramKinds}), the
 * firm-size table by {@link SizeTableReader}, and the warnings are the linter's
 * ({@link subsidy.policy.lint.PolicyLinter}).
 */
public final class PolicyLoader {
    /** Where the default policy (config/policy.yaml) sits inside the jar. */
    /** Where the default policy (config/policy.yaml) sits inside the jar. */
    public static final String BUNDLED = "/subsidy/policy/policy.yaml";
    /** The most bytes a policy file may have (1 MiB); real ones have some ten thousand. */
    public static final int MAX_BYTES = 1 << 20;
    private static final Pattern PROGRAM_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    /** The kinds a policy column may be, by the word {@code columns:} writes. */
    private static final Map<String, Column.Kind> COLUMN_KINDS = new LinkedHashMap<>();

    static {
        COLUMN_KINDS.put("count", Column.Kind.COUNT);
        COLUMN_KINDS.put("boolean", Column.Kind.BOOLEAN);
        COLUMN_KINDS.put("money", Column.Kind.MONEY);
        COLUMN_KINDS.put("rate", Column.Kind.RATE);
        COLUMN_KINDS.put("number", Column.Kind.NUMBER);
        COLUMN_KINDS.put("date", Column.Kind.DATE);
        COLUMN_KINDS.put("code", Column.Kind.CODE);
    }

    private final Resolution resolution;
    private final ReadContext ctx;
    private final Problems problems;
    private final List<Text> leftOut = new ArrayList<>();
    /** The periods of force the programs' windows and versions give, for the message when none holds. */
    private final List<Period> periods = new ArrayList<>();
    private final Map<String, Limit> limits = new LinkedHashMap<>();
    private final Set<String> required = new HashSet<>();
    private final SizeTableReader sizeTables;

    private PolicyLoader(Resolution resolution, Path dir) {
        this.resolution = resolution;
        this.ctx = new ReadContext(resolution);
        this.problems = ctx.problems();
        this.sizeTables = new SizeTableReader(ctx, dir);
    }

    public static Policy bundled() throws PolicyException {
        return bundled(Resolution.UNDATED);
    }

    public static Policy bundled(Resolution resolution) throws PolicyException {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw PolicyException.of(Msg.of("policy.origin.bundled"), List.of(Msg.of("policy.load.missing_from_jar",
                        BUNDLED)), NO_PERIODS);
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            Text origin = Msg.of("policy.origin.bundled_file");
            if (bytes.length > MAX_BYTES) {
                throw PolicyException.of(origin, List.of(Msg.of("policy.load.too_large", MAX_BYTES)), NO_PERIODS);
            }
            return parse(bytes, origin, resolution, null);
        } catch (IOException e) {
            throw PolicyException.of(Msg.of("policy.origin.bundled"), List.of(Msg.of("policy.load.cannot_read",
                    IoProblem.describe(e))), NO_PERIODS);
        }
    }

    public static Policy load(Path file) throws PolicyException {
        return load(file, Resolution.UNDATED);
    }

    public static Policy load(Path file, Resolution resolution) throws PolicyException {
        String origin = file.toString();
        if (Files.isDirectory(file)) {
            throw PolicyException.of(origin, Msg.of("policy.load.directory"));
        }
        // Whatever the file is (a device, a pipe, a file still growing), no more than the limit and one
        // byte is read: its size as the file system tells it may be 0 or missing.
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw PolicyException.of(origin, Msg.of("policy.load.cannot_read", IoProblem.describe(e)));
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(origin);
        }
        return parse(bytes, origin, resolution, file.getParent() == null ? Path.of("") : file.getParent());
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
    private static List<String> escaped(List<Text> notes) {
        return notes.stream().map(n -> subsidy.input.Escape.controls(n.in(Texts.EN))).toList();
    }

    private static PolicyException tooLarge(String origin) {
        return PolicyException.of(origin, Msg.of("policy.load.too_large", MAX_BYTES));
    }

    public static Policy parse(byte[] bytes, String origin) throws PolicyException {
        return parse(bytes, origin, Resolution.UNDATED);
    }

    /** A policy that is not a file: a table it includes is the bundled one of that name. */
    public static Policy parse(byte[] bytes, String origin, Resolution resolution) throws PolicyException {
        return parse(bytes, origin, resolution, null);
    }

    /**
     * @param dir the folder a table the policy includes is looked for in first (beside the policy file),
     *            or null to take only bundled tables
     */
    public static Policy parse(byte[] bytes, String origin, Resolution resolution, Path dir) throws PolicyException {
        return parse(bytes, t -> origin, resolution, dir);
    }

    private static final PeriodsOfForce NO_PERIODS = new PeriodsOfForce(List.of());

    /** @param shown the origin as said in either language; its English is the policy's {@link Policy#origin()} */
    private static Policy parse(byte[] bytes, Text shown, Resolution resolution, Path dir) throws PolicyException {
        String origin = shown.in(Texts.EN);
        if (bytes.length > MAX_BYTES) {
            throw PolicyException.of(shown, List.of(Msg.of("policy.load.too_large", MAX_BYTES)), NO_PERIODS);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw PolicyException.of(shown, List.of(Msg.of("policy.load.not_utf8")), NO_PERIODS);
        }
        PolicyLoader loader = new PolicyLoader(resolution, dir);
        Node root = YamlTree.parse(text, loader.problems);
        Policy policy = root == null ? null : loader.policy(root, origin, bytes);
        if (!loader.problems.isEmpty()) {
            throw PolicyException.of(shown, loader.problems.list(), PeriodsOfForce.of(loader.periods));
        }
        return policy;
    }

    /**
     * The SHA-256 a policy is known by (manifest.json, explain, verify): of its bytes alone when it
     * includes nothing; else of the text of one line per file read — the lower-case hex SHA-256 of
     * the policy's bytes, then of each included table's in the order included, each line ended by
     * "\n" — so a changed table changes it as a changed amount in the policy does. From a shell:
     * {@code sha256sum policy.yaml size-table-2011.yaml | cut -c1-64 | sha256sum}.
     */
    static String sha256(byte[] policy, List<byte[]> included) {
        if (included.isEmpty()) {
            return Sha256.of(policy);
        }
        StringBuilder lines = new StringBuilder(Sha256.of(policy)).append('\n');
        for (byte[] b : included) {
            lines.append(Sha256.of(b)).append('\n');
        }
        return Sha256.of(lines.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private Policy policy(Node root, String origin, byte[] bytes) {
        Fields top = Fields.of(root, "", problems);
        if (top == null) {
            return null;
        }
        String id = top.text("id", true);
        String title = top.text("title", true);
        top.text("description", false);
        Subject subject = Subject.FIRMS;
        String subjectWord = top.text("subject", false);
        if (subjectWord != null) {
            Optional<Subject> said = Subject.parse(subjectWord);
            if (said.isEmpty()) {
                problems.add("household.policy.subject", top.where("subject"), subjectWord);
            }
            subject = said.orElse(Subject.FIRMS);
        }
        ctx.households = subject == Subject.HOUSEHOLDS;
        if (ctx.households) {
            ctx.extras.addAll(Households.columns());
        }
        int builtIn = ctx.extras.size();
        Fields src = top.fields("sources", true);
        if (src != null) {
            for (String key : src.keys()) {
                Fields s = src.fields(key, true);
                if (s != null) {
                    ctx.sources.put(key, Source.read(key, s, problems));
                }
            }
            src.finish();
        }
        Fields lists = top.fields("region_lists", false);
        if (lists != null) {
            for (String key : lists.keys()) {
                Fields l = lists.fields(key, true);
                if (l != null) {
                    ctx.regionLists.put(key, regionList(key, l));
                }
            }
            lists.finish();
        }
        List<ExtraColumn> extras = ctx.extras;
        Fields cols = top.fields("columns", false);
        if (cols != null) {
            for (String key : cols.keys()) {
                Fields c = cols.fields(key, true);
                if (c == null) {
                    continue;
                }
                if (Column.forName(key).isPresent() || Households.builtIn(key)) {
                    problems.add("policy.load.column_taken", Fields.where(cols.child(key), c.line()), key);
                } else if (!PROGRAM_ID.matcher(key).matches()) {
                    problems.add("policy.load.column_name", Fields.where(cols.child(key), c.line()));
                }
                String kind = c.text("kind", true);
                Column.Kind k = COLUMN_KINDS.get(kind);
                if (kind != null && k == null) {
                    problems.add("policy.load.column_kind", Fields.where(c.child("kind"), c.line()), kind,
                            String.join(", ", COLUMN_KINDS.keySet()));
                }
                List<String> values = ctx.strings(c, "values");
                if (c.keys().contains("values") && k != Column.Kind.CODE) {
                    problems.add("policy.load.values_only_code", Fields.where(c.child("values"), c.line()));
                } else if (c.keys().contains("values") && values.isEmpty()) {
                    problems.add("policy.load.values_empty", c.where("values"));
                } else if (values.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).distinct().count()
                        < values.size()) {
                    problems.add("policy.load.values_twice", c.where("values"));
                }
                String chinese = c.text("chinese", false);
                String clash = clash(key, chinese, extras, ctx.households);
                if (clash != null) {
                    problems.add("policy.load.header_clash", c.where("chinese"), chinese, clash);
                }
                extras.add(new ExtraColumn(key, chinese, k, extras.size(), values));
                c.finish();
            }
            cols.finish();
        }
        // Needed only when a program tells entities apart by size; known once the programs are read.
        int sizeProblemAt = problems.size();
        if (ctx.households && top.keys().contains("firm_size")) {
            problems.add("household.policy.firm_size", top.where("firm_size"));
        }
        Fields sizeFields = top.keys().contains("firm_size") ? top.fields("firm_size", true) : null;
        SizeTable sizeTable = sizeFields == null ? SizeTable.NONE : sizeTables.read(sizeFields);
        List<Program> programs = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        Fields ps = top.fields("programs", true);
        if (ps != null) {
            for (String key : ps.keys()) {
                declared.add(key);
                if (!PROGRAM_ID.matcher(key).matches()) {
                    problems.add("policy.load.program_id", ps.where(key));
                }
                Program program = program(key, ps.fields(key, true));
                if (program != null) {
                    programs.add(program);
                }
            }
            if (ps.keys().isEmpty()) {
                problems.add("policy.load.no_programs", Fields.where("programs", ps.line()));
            }
            columnClashes(ps, programs);
            ps.finish();
        }
        if (!top.keys().contains("firm_size") && ctx.sizesUsed) {
            top.node("firm_size", true);
            problems.list().add(sizeProblemAt, problems.list().remove(problems.size() - 1));
        }
        List<ExclusiveGroup> groups = groups(top.fields("exclusive_groups", false), declared);
        top.finish();
        Set<String> read = new HashSet<>(ctx.used);
        read.addAll(required);
        ctx.lint().columns(extras.subList(builtIn, extras.size()), read);
        if (resolution.asOf() != null && programs.isEmpty() && !leftOut.isEmpty()) {
            // A report with no program columns would look like a run that paid nobody.
            problems.add(noneInForce(id));
        }
        String sha = sha256(bytes, sizeTables.included().stream().map(SizeTableReader.Included::bytes).toList());
        return new Policy(id, title, ctx.sources, ctx.regionLists, programs, groups, sizeTable,
                new InputSchema(extras, required, subject), resolution.asOf(), escaped(leftOut), escaped(ctx.lint().findings()),
                ctx.citations, sizeTables.included().stream().map(i -> new Include(i.name(), i.where(),
                        subsidy.Sha256.of(i.bytes()))).toList(), origin, sha, limits, leftOut, ctx.lint().findings());
    }

    /**
     * Says when the policy is in force and which date to give: its programs' periods, merged where they
     * overlap or meet (a gap between them named as one), and the day of them nearest to the date asked
     * for. Each program's period is named only when they differ.
     */
    private Text noneInForce(String id) {
        LocalDate asOf = resolution.asOf();
        PeriodsOfForce inForce = PeriodsOfForce.of(periods);
        LocalDate nearest = inForce.nearest(asOf);
        boolean alike = periods.stream().map(p -> p.from() + ".." + p.to()).distinct().count() <= 1;
        Text head = Msg.of("policy.none_in_force", id == null ? Msg.of("policy.no_id") : id, asOf,
                inForce.describeText());
        Text give = nearest == null ? null : Msg.of("policy.none_in_force.give", inForce.whichPeriodText(), nearest);
        Text each = alike ? null : Msg.of("policy.none_in_force.each", PolicyTexts.joined(leftOut, "policy.sep.semicolon"));
        return t -> head.in(t) + (give == null ? "" : give.in(t)) + (each == null ? "" : each.in(t));
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
            List<String> members = ctx.strings(g, "programs");
            for (String m : members) {
                if (!declared.contains(m)) {
                    problems.add("policy.load.not_a_program", Fields.where(g.child("programs"), g.line()), m);
                }
            }
            Set<String> seen = new HashSet<>();
            List<Text> wrong = new ArrayList<>();
            members.stream().filter(m -> !seen.add(m)).distinct()
                    .forEach(m -> wrong.add(Msg.of("policy.load.group.twice", m)));
            if (seen.size() < 2) {
                wrong.add(Msg.of("policy.load.group.two"));
            }
            if (!wrong.isEmpty()) {
                problems.add("policy.load.group", Fields.where(g.child("programs"), g.line()),
                        PolicyTexts.joined(wrong, "policy.sep.semicolon"));
            }
            String pay = g.text("pay", true);
            if (pay != null && !pay.equals("higher")) {
                problems.add("policy.load.only_higher", Fields.where(g.child("pay"), g.line()));
            }
            out.add(new ExclusiveGroup(key, members, ctx.clauses(g)));
            g.finish();
        }
        gs.finish();
        return out;
    }

    private RegionList regionList(String key, Fields l) {
        String title = l.text("title", true);
        List<Clause> clauses = ctx.clauses(l);
        Map<String, String> codes = new LinkedHashMap<>();
        Fields c = l.fields("codes", true);
        if (c != null) {
            for (String code : c.keys()) {
                if (!REGION.matcher(code).matches()) {
                    problems.add("policy.load.region_code", c.where(code));
                }
                codes.put(code, c.text(code, true));
            }
            c.finish();
        }
        l.finish();
        return new RegionList(key, title, clauses, codes);
    }

    /** SPEC §4: program ids are the report's column names, so none may be one of its other columns. */
    private void columnClashes(Fields ps, List<Program> programs) {
        Set<String> others = new LinkedHashSet<>(ctx.households ? Policy.HOUSEHOLD_LEADING_COLUMNS
                : Policy.LEADING_COLUMNS);
        others.addAll(Policy.TRAILING_COLUMNS);
        for (Program p : programs) {
            if (p.reportsMonths()) {
                others.add(p.monthsColumn());
            }
        }
        for (String id : ps.keys()) {
            if (others.contains(id)) {
                problems.add("policy.load.report_column", ps.where(id), id);
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
        Fields l = p.fields("limit", false);
        Limit limit = null;
        if (l != null) {
            limit = limit(l);
            if (limit != null) {
                limits.put(id, limit);
            }
        } else if (!p.keys().contains("limit")) {
            ctx.lint().noLimit(p.path());
        }
        List<Node> versions = p.keys().contains("versions") ? p.list("versions", true) : null;
        if (versions == null) {
            Period window = ctx.period(p, "valid_from", "valid_to");
            ctx.window = window;
            Limit lim = limit;
            return selected(id, window, p.path(), () -> limited(lim, body(id, p), l));
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
            Period period = ctx.period(v, "from", "to");
            if (period.from() == null) {
                problems.add("policy.load.version_from", Fields.where(v.path(), v.line()));
            }
            periods.add(period);
            this.periods.add(period);
            Set<String> outer = ctx.used;
            ctx.used = new HashSet<>();
            ctx.window = period;
            Program body = limited(limit, body(id, v), l);
            // Of overlapping versions the first that holds is used, as policy check's warning says.
            boolean inForce = resolution.check() ? i == versions.size() - 1
                    : !any && period.contains(resolution.asOf());
            if (resolution.asOf() == null && !resolution.check()) {
                problems.add("policy.load.versions_need_as_of", Fields.where(v.path(), v.line()));
            }
            if (inForce) {
                chosen = body;
                any = true;
                required.addAll(ctx.used);
            }
            ctx.used.addAll(outer);
        }
        ctx.lint().periods(p.child("versions"), periods);
        if (!any && resolution.asOf() != null) {
            leftOut.add(Msg.of("policy.left_out.no_version", id, resolution.asOf()));
        }
        return chosen;
    }

    /** The column whose header (English or Chinese) {@code chinese} already is, or null when none. */
    private static String clash(String key, String chinese, List<ExtraColumn> before, boolean households) {
        if (chinese == null) {
            return null;
        }
        String c = Column.headerKey(chinese);
        Optional<Column> base = households ? Optional.empty() : Column.forHeader(c);
        if (base.isPresent()) {
            return base.get().header();
        }
        for (ExtraColumn x : before) {
            if (x.named(c)) {
                return x.header();
            }
        }
        return null;
    }

    /** The program, with a problem when its limit cannot apply to it: months for a program that counts none. */
    private Program limited(Limit limit, Program program, Fields l) {
        if (limit != null && limit.kind() == Limit.Kind.MONTHS && program != null && !program.reportsMonths()) {
            problems.add("policy.load.limit_months", Fields.where(l.child("kind"), l.line()), program.id());
        }
        return program;
    }

    /**
     * A program's {@code limit}: how often it may be paid to one entity across batches (with a
     * ledger). {@code months} only for a program that reports months; {@code amount} with its cap.
     */
    private Limit limit(Fields l) {
        String word = l.text("kind", true);
        BigDecimal cap = l.keys().contains("cap") ? l.decimal("cap", true) : null;
        List<Clause> clauses = l.keys().contains("source") || !"none".equals(word) ? ctx.clauses(l) : List.of();
        l.finish();
        if (word == null) {
            return null;
        }
        Limit.Kind kind = Limit.Kind.of(word);
        if (kind == null) {
            problems.add("policy.load.limit_kind", Fields.where(l.child("kind"), l.line()), word);
            return null;
        }
        boolean capped = kind == Limit.Kind.AMOUNT || kind == Limit.Kind.AMOUNT_PER_YEAR;
        if (capped && !l.keys().contains("cap")) {
            problems.add("policy.load.limit_needs_cap", Fields.where(l.path(), l.line()), word);
            return null;
        }
        if (capped && cap == null) {
            return null; // not a number: said by the read
        }
        if (capped && (cap.signum() <= 0 || ctx.fen(cap, l.where("cap")) == null)) {
            if (cap.signum() <= 0) {
                problems.add("policy.load.cap_positive", l.where("cap"));
            }
            return null;
        }
        if (!capped && cap != null) {
            problems.add("policy.load.cap_only", Fields.where(l.child("cap"), l.line()));
        }
        // A limit other than none without its clause is said once, by the read of source.
        return new Limit(kind, cap, clauses);
    }

    /** The program when its window holds the as-of date; otherwise left out with a note. */
    private Program selected(String id, Period window, String path, java.util.function.Supplier<Program> body) {
        Set<String> outer = ctx.used;
        ctx.used = new HashSet<>();
        Program program = body.get();
        boolean dated = window.from() != null || window.to() != null;
        if (dated) {
            periods.add(window);
        }
        boolean inForce = !dated || resolution.check() || window.contains(resolution.asOf());
        if (dated && resolution.asOf() == null && !resolution.check()) {
            problems.add("policy.load.window_needs_as_of", path);
        }
        if (inForce) {
            required.addAll(ctx.used);
        } else {
            leftOut.add(Msg.of("policy.left_out.window", id, window.text(), resolution.asOf()));
        }
        ctx.used.addAll(outer);
        return inForce ? program : null;
    }

    /**
     * A program's body: the keys every kind has, then its kind's own, read by the kind's reader.
     * With an unknown kind, which keys belong is unknown too, so they are not checked.
     */
    private Program body(String id, Fields p) {
        String kind = p.text("kind", true);
        String title = p.text("title", true);
        List<Clause> clauses = ctx.clauses(p);
        Fields whoFields = p.fields("who", false);
        Criteria who = whoFields == null ? Criteria.ANYONE : ctx.criteria(whoFields);
        ProgramReader reader = kind == null ? null : ProgramKinds.reader(kind);
        if (kind != null && reader == null) {
            problems.add("policy.load.program_kind", Fields.where(p.child("kind"), p.line()), kind,
                    String.join(", ", ProgramKinds.names()));
        } else if (ctx.households && ProgramKinds.FIRMS_ONLY.contains(kind)) {
            problems.add("household.policy.firm_kind", Fields.where(p.child("kind"), p.line()), kind,
                    String.join(", ", ProgramKinds.names().stream().filter(k -> !ProgramKinds.FIRMS_ONLY.contains(k))
                            .toList()));
            reader = null;
        }
        Program program = reader == null ? null : reader.read(new ProgramReader.Head(id, title, clauses, who), p, ctx);
        if (reader != null) {
            p.finish();
        }
        if (program != null) {
            ctx.lint().who(p.path(), who);
        }
        return program;
    }

}
