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

/**
 * Reads a case file as strictly as a policy is read: an unknown key, a value of the wrong type, a
 * missing value, a column or program its policy does not have — each is a problem naming the file, the
 * key path and the line, and a file with any problem is not run at all. The policy is loaded here, once
 * per date its cases use, so that a case file whose policy is unusable is unusable too.
 */
public final class CaseLoader {
    /** Keys kept for later issues: earlier payments, and records of single persons. */
    static final Map<String, String> RESERVED = Map.of("persons", "per-person records");
    private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("20[0-9]{2}-(0[1-9]|1[0-2])");
    private static final Set<String> ENTITY_KEYS = Set.of("size_class", "size_source", "total", "rejected");
    private static final Set<String> TOTAL_COUNTS = Set.of("computed", "rejected");

    private final Path file;
    private final List<String> problems = new ArrayList<>();
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
                problems.add(top.keyAt("policy") + ": no policy file " + policyFile
                        + " (the path is relative to this file)");
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
                problems.add(top.keyAt("cases") + ": the list of cases is empty");
            }
            Map<String, Integer> seenNames = new HashMap<>();
            for (int i = 0; i < caseNodes.size(); i++) {
                TestCase c = testCase(caseNodes.get(i), "cases[" + (i + 1) + "]", asOf, defaults);
                if (c != null) {
                    Integer first = seenNames.putIfAbsent(c.name(), c.line());
                    if (first != null) {
                        problems.add("cases[" + (i + 1) + "].name (line " + c.line() + "): the name '" + c.name()
                                + "' is already used by the case at line " + first);
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

    private CaseFileException unusable() {
        return new CaseFileException(file.toString(), problems);
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
            problems.add("cannot be read: " + IoProblem.describe(e));
            return null;
        }
        if (bytes.length > YamlTree.MAX_CHARS) {
            problems.add("the file is over 1 MiB; a case file may have at most 1 MiB");
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add("is not UTF-8 text; save it as UTF-8");
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
            problems.add(f.keyAt(key) + ": " + e.getMessage());
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
                problems.add(where + ": the policy " + policyFile + (asOf == null ? "" : " on " + asOf) + ": " + problem);
            }
            if (needsDate) {
                // The example is a day the policy's programs are in force, never a date of another plan's year.
                LocalDate example = e.inForce().example();
                problems.add("as_of: the policy " + policyFile + " has dated values or programs in force for a while; "
                        + (example == null ? "" : "its programs are in force " + e.inForce().describe() + "; ")
                        + "give the date its cases are computed on, as 'as_of: "
                        + (example == null ? "YYYY-MM-DD" : example) + "' at the top of this file (or in a case)");
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
                problems.add(f.keyAt(key) + ": '" + key + "' is kept for " + RESERVED.get(key)
                        + " and is not yet supported");
            }
        }
        String period = f.text("period", false);
        if (period != null && !PERIOD.matcher(period).matches()) {
            problems.add(f.keyAt("period") + ": a period is a month, YYYY-MM (2022-06)");
        }
        Node ledgerNode = f.node("ledger", false);
        Node entity = f.node("entity", false);
        Node entities = f.node("entities", false);
        String input = f.text("input", false);
        Node expectNode = f.node("expect", true);
        f.finish();
        if (ledgerNode != null && period == null) {
            problems.add(f.keyAt("ledger") + ": a case with a ledger names the period of its batch, as "
                    + "'period: 2022-06'");
        }
        int given = (entity == null ? 0 : 1) + (entities == null ? 0 : 1) + (input == null ? 0 : 1);
        if (given != 1) {
            problems.add(path + " (line " + f.line() + "): give exactly one of 'entity' (one row), 'entities' "
                    + "(several rows) or 'input' (a CSV file); " + (given == 0 ? "none is" : given + " are") + " given");
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
                problems.add(Fields.at(f.child("entities"), entities) + ": expected a list of rows, found "
                        + (entities instanceof Node.Sequence ? "an empty list" : entities.kind()));
            }
        } else if (input != null) {
            inputFile = relative(file.toAbsolutePath().getParent().resolve(input).normalize());
            if (!Files.isRegularFile(inputFile)) {
                problems.add(f.keyAt("input") + ": no file " + inputFile + " (the path is relative to this file)");
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
                        ? rows.get(0).get("entity_id") : null);
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
            problems.add(Fields.at(path, node) + ": expected a list of earlier payments, found " + node.kind());
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
                problems.add(e.keyAt("program") + ": '" + program + "' is not a program of " + policy.id());
            }
            if (period != null && !PERIOD.matcher(period).matches()) {
                problems.add(e.keyAt("period") + ": a period is a month, YYYY-MM (2022-05)");
            }
            if (imported != null && !imported.equals("true") && !imported.equals("false")) {
                problems.add(e.keyAt("imported") + ": true or false");
            }
            if (amount != null && amount.signum() < 0) {
                problems.add(e.keyAt("amount") + ": an amount paid is 0 or more");
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
            problems.add(Fields.at(path, node) + ": expected a mapping of column: cell, found " + node.kind());
            return;
        }
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String column = e.getKey();
            String at = path + "." + column + " (line " + m.keyLines().get(column) + ")";
            if (policy != null && Column.forHeader(column).isEmpty() && policy.schema().extraForHeader(column).isEmpty()) {
                problems.add(at + ": '" + column + "' is not a column of SPEC §2 or of the policy "
                        + policy.id() + "; calc would ignore it");
                continue;
            }
            if (e.getValue() instanceof Node.Scalar s) {
                into.remove(column); // the row's own cell comes where the row puts it
                into.put(column, s.text() == null ? "" : s.text());
            } else {
                problems.add(at + ": expected one cell (text or a number), found " + e.getValue().kind());
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
                problems.add(f.keyAt(key) + ": '" + key + "' is no program of the policy " + policy.id()
                        + " (its programs: " + String.join(", ", programIds) + "; also size_class, size_source, "
                        + "total, rejected)");
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
                problems.add(f.keyAt("rejected") + ": a rejected row has no amounts or size; expect either "
                        + "'rejected' or its outcome");
            }
        }
        f.finish();
        if (programs.isEmpty() && sizeClass == null && sizeSource == null && total == null && rejected == null
                && f.keys().isEmpty()) {
            problems.add(path + " (line " + f.line() + "): expects nothing; name a program, size_class, total or rejected");
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
            Amount a = exact(Fields.decimal(node, path, problems), path + " (line " + node.line() + ")");
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
            problems.add(path + " (line " + f.line() + "): expects nothing; give amount, months, reason, reason_code "
                    + "or in_force");
        }
        if (Boolean.FALSE.equals(inForce) && (amount != null || months != null || reason != null || code != null)) {
            problems.add(f.keyAt("in_force") + ": a program not in force has no amount, months or reason");
        }
        return new ProgramExpect(program, f.line(), amount, months, reason, code, inForce);
    }

    private Amount amount(Fields f, String key) {
        return exact(f.decimal(key, false), f.keyAt(key));
    }

    /** An expected amount or months as written, or null with a problem: one of 3 decimals can never match. */
    private Amount exact(BigDecimal v, String where) {
        if (v != null && v.stripTrailingZeros().scale() > 2) {
            problems.add(where + ": " + v.toPlainString() + " has more than 2 decimals; amounts and months are "
                    + "rounded to 0.01, so it can never match");
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
    private static final String SEE_CODES = " (README, \"Reason codes\")";

    private String oneOf(Fields f, String key, List<String> allowed) {
        return oneOf(f, key, allowed, "");
    }

    /** The key's text, or null with a problem listing the allowed values when it is none of them. */
    private String oneOf(Fields f, String key, List<String> allowed, String see) {
        String v = f.text(key, false);
        if (v != null && !allowed.contains(v)) {
            problems.add(f.keyAt(key) + ": '" + Escape.controls(v) + "' is not one of " + String.join(", ", allowed)
                    + see);
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
                String id = idOf(r);
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
                problems.add(f.keyAt(key) + ": no row of this case has the entity_id " + key);
                continue;
            }
            if (n instanceof Node.Sequence s) {
                if (rows != null && rowsOfId.get(id) != s.items().size()) {
                    problems.add(f.keyAt(key) + ": " + rowsOfId.get(id) + " row(s) have this entity_id, but "
                            + s.items().size() + " expectation(s) are listed; give one per row, in order");
                }
                for (int i = 0; i < s.items().size(); i++) {
                    EntityExpect e = entityExpect(s.items().get(i), f.child(key) + "[" + (i + 1) + "]", id, i + 1, policy);
                    if (e != null) {
                        out.add(e);
                    }
                }
            } else {
                if (rows != null && rowsOfId.get(id) > 1) {
                    problems.add(f.keyAt(key) + ": " + rowsOfId.get(id) + " rows have this entity_id; list one "
                            + "expectation per row, in order ([{…}, {…}])");
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
                    problems.add(t.keyAt(key) + ": '" + key + "' is no program of the policy " + policy.id()
                            + " (totals take computed, rejected, total and the programs: "
                            + String.join(", ", programIds) + ")");
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
            problems.add(path + " (line " + f.line() + "): expects nothing; name rows by entity_id, or totals");
        }
    }

    /** A row's entity_id as calc keys it (trimmed, upper case), or null when the row has none. */
    static String idOf(Map<String, String> row) {
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (Column.forHeader(e.getKey()).orElse(null) == Column.ENTITY_ID) {
                return Ids.normalize(e.getValue()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }
}
