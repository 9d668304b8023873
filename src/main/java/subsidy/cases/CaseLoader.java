package subsidy.cases;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import subsidy.cases.TestCase.Amount;
import subsidy.cases.TestCase.EntityExpect;
import subsidy.cases.TestCase.ProgramExpect;
import subsidy.cases.TestCase.Rejected;
import subsidy.cases.TestCase.Totals;
import subsidy.entity.Column;
import subsidy.entity.Households;
import subsidy.entity.SizeClass;
import subsidy.input.Dates;
import subsidy.input.Escape;
import subsidy.input.Ids;
import subsidy.input.IoProblem;
import subsidy.input.RejectionCode;
import subsidy.policy.Policy;
import subsidy.policy.PolicyException;
import subsidy.policy.PolicyLoader;
import subsidy.policy.Resolution;
import subsidy.policy.yaml.Fields;
import subsidy.policy.yaml.Node;
import subsidy.policy.yaml.YamlTree;
import subsidy.program.Program;
import subsidy.program.ReasonCode;
import subsidy.size.SizeSource;
import subsidy.text.Msg;

/**
 * Reads a case file as strictly as a policy is read: an unknown key, a value of the wrong type, a
 * missing value, a column or program its policy does not have — each is a problem naming the file, the
 * key path and the line, and a file with any problem is not run at all. The policy is loaded here, once
 * per date its cases use, so that a case file whose policy is unusable is unusable too.
 */
public final class CaseLoader {
    /** Keys kept for later issues: earlier payments, and records of single persons. */
    static final Map<String, String> RESERVED = Map.of("persons", "cases.load.reserved_persons");
    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");
    private static final Set<String> ENTITY_KEYS = Set.of("size_class", "size_source", "total", "rejected");
    private static final Set<String> TOTAL_COUNTS = Set.of("computed", "rejected");

    private final Path file;
    private final Problems problems = new Problems();
    private final Map<LocalDate, Policy> policies = new HashMap<>();
    private Path policyFile;
    private boolean policyUnusable;

    private CaseLoader(Path file) {
        this.file = file;
    }

    public static CaseFile load(Path file) throws CaseFileException {
        return new CaseLoader(file).read();
    }

    /** The case files under {@code dir}, every {@code *.yaml} and {@code *.yml} at any depth, in name order. */
    public static List<Path> filesUnder(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .filter(CaseLoader::looksLikeCases)
                    .sorted().toList();
        }
    }

    /**
     * Whether a YAML file found in a folder is a case file: one with a top-level {@code cases:} key. A
     * policy or a table beside its cases (as an analyst may keep them) is not read as a failed case file;
     * a file named on the command line is read whatever it holds.
     */
    static boolean looksLikeCases(Path file) {
        try (var lines = Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> l.startsWith("cases:"));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return true; // read it, so that the problem is said
        }
    }

    private CaseFile read() throws CaseFileException {
        String text = text();
        Node root = text == null ? null : YamlTree.parse(text, problems);
        if (root == null) {
            throw unusable();
        }
        Fields top = Fields.of(root, "", problems);
        if (top == null) {
            throw unusable();
        }
        String policyName = top.text("policy", true);
        if (policyName != null) {
            policyFile = file.toAbsolutePath().getParent().resolve(policyName).normalize();
            policyFile = relative(policyFile);
            if (!Files.isRegularFile(policyFile)) {
                problems.at(top.keyAt("policy"), "cases.load.no_policy", policyFile);
                policyUnusable = true;
            }
        } else {
            policyUnusable = true;
        }
        LocalDate asOf = date(top, "as_of", null);
        Map<String, String> defaults = new LinkedHashMap<>();
        Node d = top.node("defaults", false);
        if (d != null) {
            cells(d, "defaults", defaults, null);
        }
        List<Node> caseNodes = top.list("cases", true);
        top.finish();
        List<TestCase> cases = new ArrayList<>();
        if (caseNodes != null) {
            if (caseNodes.isEmpty()) {
                problems.at(top.keyAt("cases"), "cases.load.no_cases");
            }
            Map<String, Integer> seenNames = new HashMap<>();
            for (int i = 0; i < caseNodes.size(); i++) {
                TestCase c = testCase(caseNodes.get(i), "cases[" + (i + 1) + "]", asOf, defaults);
                if (c != null) {
                    Integer first = seenNames.putIfAbsent(c.name(), c.line());
                    if (first != null) {
                        problems.line("cases[" + (i + 1) + "].name", c.line(), "cases.load.name_used", c.name(), first);
                    }
                    cases.add(c);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw unusable();
        }
        return new CaseFile(file, policyFile, cases);
    }

    /** What a node is, as a problem names what was found instead of what was expected ({@link Node#kind()}). */
    private static Msg kind(Node node) {
        if (node instanceof Node.Mapping) {
            return Msg.of("cases.load.kind_mapping");
        }
        if (node instanceof Node.Sequence) {
            return Msg.of("cases.load.kind_list");
        }
        String text = ((Node.Scalar) node).text();
        return Msg.of(text == null || text.isBlank() ? "cases.load.kind_empty" : "cases.load.kind_value");
    }

    private CaseFileException unusable() {
        return new CaseFileException(file.toString(), problems.texts(), true);
    }

    /** A path as short as it can be written: relative to the working directory when under it. */
    private static Path relative(Path p) {
        Path here = Path.of("").toAbsolutePath();
        return p.startsWith(here) ? here.relativize(p) : p;
    }

    private String text() {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(YamlTree.MAX_CHARS + 1);
        } catch (IOException e) {
            problems.say("cases.load.unreadable", IoProblem.describe(e));
            return null;
        }
        if (bytes.length > YamlTree.MAX_CHARS) {
            problems.say("cases.load.too_big");
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.say("cases.load.not_utf8");
            return null;
        }
    }

    private LocalDate date(Fields f, String key, LocalDate otherwise) {
        String t = f.text(key, false);
        if (t == null) {
            return otherwise;
        }
        try {
            return Dates.parse(t);
        } catch (IllegalArgumentException e) {
            problems.add(f.keyAt(key) + ": " + e.getMessage()); // the date parser's words in English
            return otherwise;
        }
    }

    /** The policy in force on {@code asOf}, or null (with a problem, once per date) when it cannot be used. */
    private Policy policy(LocalDate asOf, String where) {
        if (policyUnusable) {
            return null;
        }
        if (policies.containsKey(asOf)) {
            return policies.get(asOf);
        }
        Policy p = null;
        try {
            p = PolicyLoader.load(policyFile, Resolution.on(asOf));
        } catch (PolicyException e) {
            boolean needsDate = false;
            for (String problem : e.problems()) {
                if (asOf == null && problem.endsWith("give --as-of")) {
                    needsDate = true; // said once below, in the case file's own words
                    continue;
                }
                // The policy's problem in the loader's English words, inside this file's problem.
                if (asOf == null) {
                    problems.at(where, "cases.load.policy_problem", policyFile, problem);
                } else {
                    problems.at(where, "cases.load.policy_problem_on", policyFile, asOf, problem);
                }
            }
            if (needsDate) {
                // The example is a day the policy's programs are in force, never a date of another plan's year.
                LocalDate example = e.inForce().example();
                if (example == null) {
                    problems.at("as_of", "cases.load.needs_date", policyFile);
                } else { // the periods of force in the policy's English words
                    problems.at("as_of", "cases.load.needs_date_example", policyFile, e.inForce().describe(), example);
                }
            }
            if (asOf == null) {
                policyUnusable = true;
            }
        }
        policies.put(asOf, p);
        return p;
    }

    private TestCase testCase(Node node, String path, LocalDate fileAsOf, Map<String, String> defaults) {
        Fields f = Fields.of(node, path, problems);
        if (f == null) {
            return null;
        }
        int before = problems.size();
        String name = f.text("name", true);
        String checks = f.text("checks", true);
        LocalDate asOf = date(f, "as_of", fileAsOf);
        for (String key : RESERVED.keySet()) {
            if (f.node(key, false) != null) {
                problems.at(f.keyAt(key), "cases.load.reserved", key, Msg.of(RESERVED.get(key)));
            }
        }
        String period = f.text("period", false);
        if (period != null && !PERIOD.matcher(period).matches()) {
            problems.at(f.keyAt("period"), "cases.load.period", "2022-06");
        }
        Node ledgerNode = f.node("ledger", false);
        Node entity = f.node("entity", false);
        Node entities = f.node("entities", false);
        String input = f.text("input", false);
        Node expectNode = f.node("expect", true);
        f.finish();
        if (ledgerNode != null && period == null) {
            problems.at(f.keyAt("ledger"), "cases.load.ledger_period");
        }
        int given = (entity == null ? 0 : 1) + (entities == null ? 0 : 1) + (input == null ? 0 : 1);
        if (given != 1) {
            if (given == 0) {
                problems.line(path, f.line(), "cases.load.one_of_none");
            } else {
                problems.line(path, f.line(), "cases.load.one_of_many", given);
            }
        }
        Policy policy = policy(asOf, f.keyAt(f.keys().contains("as_of") ? "as_of" : "name"));
        if (policy == null) {
            return null;
        }
        List<Map<String, String>> rows = null;
        Path inputFile = null;
        if (entity != null) {
            rows = List.of(row(entity, f.child("entity"), defaults, policy));
        } else if (entities != null) {
            if (entities instanceof Node.Sequence s && !s.items().isEmpty()) {
                rows = new ArrayList<>();
                for (int i = 0; i < s.items().size(); i++) {
                    rows.add(row(s.items().get(i), f.child("entities") + "[" + (i + 1) + "]", defaults, policy));
                }
            } else {
                if (entities instanceof Node.Sequence) {
                    problems.at(Fields.at(f.child("entities"), entities), "cases.load.rows_empty");
                } else {
                    problems.at(Fields.at(f.child("entities"), entities), "cases.load.rows_found", kind(entities));
                }
            }
        } else if (input != null) {
            inputFile = relative(file.toAbsolutePath().getParent().resolve(input).normalize());
            if (!Files.isRegularFile(inputFile)) {
                problems.at(f.keyAt("input"), "cases.load.no_input", inputFile);
            }
        }
        boolean single = entity != null;
        List<EntityExpect> expect = new ArrayList<>();
        Totals[] totals = new Totals[1];
        if (expectNode != null) {
            String ep = f.child("expect");
            if (single) {
                EntityExpect e = entityExpect(expectNode, ep, null, 0, policy);
                if (e != null) {
                    expect.add(e);
                }
            } else {
                byId(expectNode, ep, policy, rows, expect, totals);
            }
        }
        List<TestCase.Earlier> ledger = ledgerNode == null ? null
                : earlier(ledgerNode, f.child("ledger"), policy, single && rows != null && !rows.isEmpty()
                        ? idOf(rows.get(0), policy) : null);
        if (problems.size() > before) {
            return null;
        }
        return new TestCase(file, f.line(), name, checks, asOf, policy, rows, inputFile, single, expect, totals[0],
                period, ledger);
    }

    /**
     * A case's {@code ledger:}: the payments earlier batches made, each {@code {program, period, amount}}
     * with {@code months} for a program that waives months, {@code entity_id} (the case's own entity by
     * default), {@code imported: true} for a payment made before the ledger, {@code policy} for one paid
     * under another policy.
     */
    private List<TestCase.Earlier> earlier(Node node, String path, Policy policy, String ownId) {
        List<TestCase.Earlier> out = new ArrayList<>();
        if (!(node instanceof Node.Sequence s)) {
            problems.at(Fields.at(path, node), "cases.load.earlier_found", kind(node));
            return out;
        }
        for (int i = 0; i < s.items().size(); i++) {
            Fields e = Fields.of(s.items().get(i), path + "[" + (i + 1) + "]", problems);
            if (e == null) {
                continue;
            }
            String id = e.text("entity_id", ownId == null);
            String program = e.text("program", true);
            String period = e.text("period", true);
            java.math.BigDecimal amount = e.decimal("amount", true);
            java.math.BigDecimal months = e.decimal("months", false);
            String imported = e.text("imported", false);
            String policyId = e.text("policy", false);
            e.finish();
            if (program != null && policy.programs().stream().noneMatch(p -> p.id().equals(program))) {
                problems.at(e.keyAt("program"), "cases.load.not_a_program", program, policy.id());
            }
            if (period != null && !PERIOD.matcher(period).matches()) {
                problems.at(e.keyAt("period"), "cases.load.period", "2022-05");
            }
            if (imported != null && !imported.equals("true") && !imported.equals("false")) {
                problems.at(e.keyAt("imported"), "cases.load.true_or_false");
            }
            if (amount != null && amount.signum() < 0) {
                problems.at(e.keyAt("amount"), "cases.load.paid_negative");
            }
            out.add(new TestCase.Earlier(id == null ? ownId : id, program, period, amount, months,
                    "true".equals(imported), policyId == null ? policy.id() : policyId));
        }
        return out;
    }

    /** One row's cells: the file's defaults, then the row's own; each must name a column of the policy. */
    private Map<String, String> row(Node node, String path, Map<String, String> defaults, Policy policy) {
        Map<String, String> cells = new LinkedHashMap<>(defaults);
        cells(node, path, cells, policy);
        return cells;
    }

    private void cells(Node node, String path, Map<String, String> into, Policy policy) {
        if (!(node instanceof Node.Mapping m)) {
            problems.at(Fields.at(path, node), "cases.load.cells_found", kind(node));
            return;
        }
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String column = e.getKey();
            subsidy.text.Text at = Problems.where(path + "." + column, m.keyLines().get(column));
            if (policy != null && !policy.schema().names(column)) {
                problems.at(at, "cases.load.not_a_column", column, policy.id());
                continue;
            }
            if (e.getValue() instanceof Node.Scalar s) {
                into.remove(column); // the row's own cell comes where the row puts it
                into.put(column, s.text() == null ? "" : s.text());
            } else {
                problems.at(at, "cases.load.cell_found", kind(e.getValue()));
            }
        }
    }

    /** Program ids the case may name: those in force on its date and those left out on it. */
    private static Set<String> programIds(Policy policy) {
        Set<String> ids = new LinkedHashSet<>();
        policy.programs().stream().map(Program::id).forEach(ids::add);
        ids.addAll(policy.leftOutIds());
        return ids;
    }

    private EntityExpect entityExpect(Node node, String path, String id, int occurrence, Policy policy) {
        Fields f = Fields.of(node, path, problems);
        if (f == null) {
            return null;
        }
        Set<String> programIds = programIds(policy);
        List<ProgramExpect> programs = new ArrayList<>();
        for (String key : f.keys()) {
            if (ENTITY_KEYS.contains(key)) {
                continue;
            }
            if (!programIds.contains(key)) {
                problems.at(f.keyAt(key), "cases.load.no_program", key, policy.id(), String.join(", ", programIds));
                f.node(key, false);
                continue;
            }
            ProgramExpect p = programExpect(f.node(key, false), f.child(key), key);
            if (p != null) {
                programs.add(p);
            }
        }
        String sizeClass = oneOf(f, "size_class", SIZE_CLASSES);
        String sizeSource = oneOf(f, "size_source", SIZE_SOURCES);
        Amount total = amount(f, "total");
        Rejected rejected = null;
        Node r = f.node("rejected", false);
        if (r != null) {
            rejected = rejected(r, f.child("rejected"));
            if (!programs.isEmpty() || sizeClass != null || sizeSource != null || total != null) {
                problems.at(f.keyAt("rejected"), "cases.load.rejected_and_outcome");
            }
        }
        f.finish();
        if (programs.isEmpty() && sizeClass == null && sizeSource == null && total == null && rejected == null
                && f.keys().isEmpty()) {
            problems.line(path, f.line(), "cases.load.expects_nothing_entity");
        }
        return new EntityExpect(id, occurrence, f.line(), programs, sizeClass, sizeSource, total, rejected);
    }

    private Rejected rejected(Node node, String path) {
        if (node instanceof Node.Scalar s && "true".equals(s.text())) {
            return new Rejected(null, null);
        }
        Fields f = Fields.of(node, path, problems);
        if (f == null) {
            return null;
        }
        Rejected r = new Rejected(f.text("reason", false), oneOf(f, "reason_code", REJECTION_CODES, SEE_CODES));
        f.finish();
        return r;
    }

    /** {@code 3000.00} (the amount alone) or {@code {amount, months, reason, reason_code, in_force}}. */
    private ProgramExpect programExpect(Node node, String path, String program) {
        if (node instanceof Node.Scalar) {
            Amount a = exact(Fields.decimal(node, path, problems), Problems.where(path, node.line()));
            return a == null ? null : new ProgramExpect(program, node.line(), a, null, null, null, null);
        }
        Fields f = Fields.of(node, path, problems);
        if (f == null) {
            return null;
        }
        Amount amount = amount(f, "amount");
        Amount months = amount(f, "months");
        String reason = f.text("reason", false);
        String code = oneOf(f, "reason_code", PROGRAM_CODES, SEE_CODES);
        Boolean inForce = f.bool("in_force", false);
        f.finish();
        if (amount == null && months == null && reason == null && code == null && inForce == null) {
            problems.line(path, f.line(), "cases.load.expects_nothing_program");
        }
        if (Boolean.FALSE.equals(inForce) && (amount != null || months != null || reason != null || code != null)) {
            problems.at(f.keyAt("in_force"), "cases.load.not_in_force_expects");
        }
        return new ProgramExpect(program, f.line(), amount, months, reason, code, inForce);
    }

    private Amount amount(Fields f, String key) {
        return exact(f.decimal(key, false), f.keyAt(key));
    }

    /** An expected amount or months as written, or null with a problem: one of 3 decimals can never match. */
    private Amount exact(BigDecimal v, Object where) {
        if (v != null && v.stripTrailingZeros().scale() > 2) {
            problems.at(where, "cases.load.decimals", v.toPlainString());
            return null;
        }
        return v == null ? null : new Amount(v, v.toPlainString());
    }

    /** The published values an expectation may name: anything else could never match, so it is a problem. */
    private static final List<String> SIZE_CLASSES = Arrays.stream(SizeClass.values()).map(SizeClass::code).toList();
    private static final List<String> SIZE_SOURCES = Arrays.stream(SizeSource.values()).map(SizeSource::code).toList();
    private static final List<String> PROGRAM_CODES = Arrays.stream(ReasonCode.values()).map(ReasonCode::code)
            .toList();
    private static final List<String> REJECTION_CODES = Arrays.stream(RejectionCode.values())
            .map(RejectionCode::code).toList();
    private static final Msg SEE_CODES = Msg.of("cases.load.see_codes");

    private String oneOf(Fields f, String key, List<String> allowed) {
        return oneOf(f, key, allowed, "");
    }

    /** The key's text, or null with a problem listing the allowed values when it is none of them. */
    private String oneOf(Fields f, String key, List<String> allowed, Object see) {
        String v = f.text(key, false);
        if (v != null && !allowed.contains(v)) {
            problems.at(f.keyAt(key), "cases.load.not_one_of", Escape.controls(v), String.join(", ", allowed), see);
            return null;
        }
        return v;
    }

    /** {@code entity_id: {…}} (one row) or {@code entity_id: [{…}, {…}]} (each row of that id, in order), and totals. */
    private void byId(Node node, String path, Policy policy, List<Map<String, String>> rows, List<EntityExpect> out,
            Totals[] totals) {
        Fields f = Fields.of(node, path, problems);
        if (f == null) {
            return;
        }
        Map<String, Integer> rowsOfId = new HashMap<>();
        if (rows != null) {
            for (Map<String, String> r : rows) {
                String id = idOf(r, policy);
                if (id != null) {
                    rowsOfId.merge(id, 1, Integer::sum);
                }
            }
        }
        for (String key : f.keys()) {
            if (key.equals("totals")) {
                continue;
            }
            String id = Ids.normalize(key).toUpperCase(Locale.ROOT);
            Node n = f.node(key, false);
            if (rows != null && !rowsOfId.containsKey(id)) {
                problems.at(f.keyAt(key), "cases.load.no_row", key);
                continue;
            }
            if (n instanceof Node.Sequence s) {
                if (rows != null && rowsOfId.get(id) != s.items().size()) {
                    problems.at(f.keyAt(key), "cases.load.rows_expectations", rowsOfId.get(id), s.items().size());
                }
                for (int i = 0; i < s.items().size(); i++) {
                    EntityExpect e = entityExpect(s.items().get(i), f.child(key) + "[" + (i + 1) + "]", id, i + 1, policy);
                    if (e != null) {
                        out.add(e);
                    }
                }
            } else {
                if (rows != null && rowsOfId.get(id) > 1) {
                    problems.at(f.keyAt(key), "cases.load.rows_one_expectation", rowsOfId.get(id));
                }
                EntityExpect e = entityExpect(n, f.child(key), id, 0, policy);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        Fields t = f.fields("totals", false);
        if (t != null) {
            Map<String, Amount> amounts = new LinkedHashMap<>();
            Set<String> programIds = programIds(policy);
            Long computed = t.integer("computed", false);
            Long rejected = t.integer("rejected", false);
            for (String key : t.keys()) {
                if (TOTAL_COUNTS.contains(key)) {
                    continue;
                }
                if (!key.equals("total") && !programIds.contains(key)) {
                    problems.at(t.keyAt(key), "cases.load.no_total", key, policy.id(), String.join(", ", programIds));
                    t.node(key, false);
                    continue;
                }
                Amount a = amount(t, key);
                if (a != null) {
                    amounts.put(key, a);
                }
            }
            t.finish();
            totals[0] = new Totals(t.line(), computed, rejected, amounts);
        }
        f.finish();
        if (out.isEmpty() && totals[0] == null && f.keys().isEmpty()) {
            problems.line(path, f.line(), "cases.load.expects_nothing_rows");
        }
    }

    /**
     * A row's entity_id (a household's household_id) as calc keys it (trimmed, upper case), or null when
     * the row has none.
     */
    static String idOf(Map<String, String> row, Policy policy) {
        for (Map.Entry<String, String> e : row.entrySet()) {
            boolean id = policy != null && policy.households()
                    ? policy.schema().extraForHeader(e.getKey()).map(x -> x.index() == Households.HOUSEHOLD_ID_AT)
                            .orElse(false)
                    : Column.forHeader(e.getKey()).orElse(null) == Column.ENTITY_ID;
            if (id) {
                return Ids.normalize(e.getValue()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }
}
