package subsidy.cases;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import subsidy.calc.Acceptance;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.cases.CaseResult.Mismatch;
import subsidy.cases.TestCase.Amount;
import subsidy.cases.TestCase.EntityExpect;
import subsidy.cases.TestCase.ProgramExpect;
import subsidy.cases.TestCase.Totals;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.SeenIds;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;

/**
 * Runs cases: each case's rows become one CSV file in memory, read by calc's own reader (cells,
 * duplicates, sizing, rejections exactly as calc decides them) and computed by the {@link Calculator};
 * then every expected value is compared with what was computed. Nothing is written anywhere.
 */
public final class CaseRunner {
    /** What a case is told when it expects a code and the program paid, so has no reason. */
    private static final String NOT_AVAILABLE = "(none: it pays)";

    private CaseRunner() {
    }

    public static List<CaseResult> run(CaseFile file) {
        return file.cases().stream().map(CaseRunner::run).toList();
    }

    /** One row as calc left it: computed, or rejected with its reasons. */
    private record Row(String id, EntityResult result, Rejection rejection) {
    }

    /** A case's earlier payments as a ledger holds them: each its own batch, numbered from 1 in the file's order. */
    private static Map<Long, subsidy.ledger.BatchInfo> batches(TestCase c) {
        Map<Long, subsidy.ledger.BatchInfo> out = new LinkedHashMap<>();
        long n = 0;
        for (TestCase.Earlier e : c.ledger()) {
            n++;
            out.put(n, new subsidy.ledger.BatchInfo(n, n, e.period(), e.imported() ? "import" : "calc", null, "",
                    e.imported() ? null : e.policyId(), null, null, "", "", n - 1, null, "done", "counted", null, null,
                    1, e.amount().toPlainString(), null));
        }
        return out;
    }

    private static Map<String, subsidy.ledger.Prior> priors(TestCase c) {
        Map<String, List<subsidy.ledger.Entry>> by = new LinkedHashMap<>();
        long n = 0;
        for (TestCase.Earlier e : c.ledger()) {
            n++;
            by.computeIfAbsent(e.entityId(), k -> new ArrayList<>())
                    .add(new subsidy.ledger.Entry(e.program(), e.period(), n, e.amount(), e.months()));
        }
        Map<String, subsidy.ledger.Prior> out = new LinkedHashMap<>();
        by.forEach((k, v) -> out.put(k, new subsidy.ledger.Prior(v)));
        return out;
    }

    public static CaseResult run(TestCase c) {
        Policy policy = c.policy();
        List<Mismatch> out = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try {
            InputFile input = c.input() != null ? new InputFile(c.input(), null, policy.schema())
                    : InputFile.inMemory(c.file(), csv(c.rows()), policy.schema());
            Calculator calculator = new Calculator(policy);
            subsidy.calc.PriorSource priors = null;
            if (c.ledger() != null) {
                calculator = calculator.withLedger(new subsidy.calc.Limits(c.period(), policy.id(), batches(c)));
                Map<String, subsidy.ledger.Prior> earlier = priors(c);
                priors = ids -> earlier;
            }
            new Acceptance(calculator, priors).read(input, new SeenIds(), new Acceptance.Outcome() {
                @Override
                public void computed(EntityResult r) {
                    rows.add(new Row(r.entity().entityId(), r, null));
                }

                @Override
                public void rejected(Rejection r) {
                    rows.add(new Row(r.entityId(), null, r));
                }
            });
        } catch (InputException | IOException e) {
            out.add(new Mismatch("", "", "input", "usable", e.getMessage()));
            return new CaseResult(c, out);
        }
        if (c.single()) {
            if (rows.size() != 1) {
                out.add(new Mismatch("", "", "rows", "1", Integer.toString(rows.size())));
            } else {
                compare(c, c.expect().get(0), rows.get(0), "", out);
            }
        } else {
            Map<String, List<Row>> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
            for (EntityExpect e : c.expect()) {
                List<Row> ofId = byId.getOrDefault(e.entityId(), List.of());
                int index = Math.max(e.occurrence(), 1) - 1;
                String label = e.entityId() + (e.occurrence() > 0 ? " (row " + e.occurrence() + " of its id)" : "");
                if (index >= ofId.size()) {
                    out.add(new Mismatch(label, "", "row", "present", ofId.isEmpty() ? "no row has this entity_id"
                            : "only " + ofId.size() + " row(s) have this entity_id"));
                } else {
                    compare(c, e, ofId.get(index), label, out);
                }
            }
            if (c.totals() != null) {
                totals(c.totals(), rows, out);
            }
        }
        return new CaseResult(c, out);
    }

    private static void compare(TestCase c, EntityExpect e, Row row, String entity, List<Mismatch> out) {
        if (e.rejected() != null) {
            if (row.rejection() == null) {
                out.add(new Mismatch(entity, "", "rejected", e.rejected().reason() == null ? "rejected"
                        : "rejected, reason contains \"" + e.rejected().reason() + "\"",
                        "computed, total " + Money.format(row.result().total())));
                return;
            }
            String reasons = String.join("; ", row.rejection().reasons());
            if (e.rejected().reason() != null && !reasons.contains(e.rejected().reason())) {
                out.add(new Mismatch(entity, "", "reason", "contains \"" + e.rejected().reason() + "\"", reasons));
            }
            if (e.rejected().reasonCode() != null) {
                Optional<List<String>> codes = rejectionCodes(row.rejection());
                if (codes.isEmpty() || !codes.get().contains(e.rejected().reasonCode())) {
                    out.add(new Mismatch(entity, "", "reason_code", e.rejected().reasonCode(),
                            codes.map(l -> String.join(", ", l)).orElse(NOT_AVAILABLE)));
                }
            }
            return;
        }
        if (row.rejection() != null) {
            out.add(new Mismatch(entity, "", "row", "computed",
                    "rejected: " + String.join("; ", row.rejection().reasons())));
            return;
        }
        EntityResult r = row.result();
        for (ProgramExpect p : e.programs()) {
            program(c, p, r, entity, out);
        }
        SizeDecision size = r.size();
        if (e.sizeClass() != null) {
            String computed = size.size() == null ? "(not sized)" : size.size().code();
            if (!e.sizeClass().equals(computed)) {
                out.add(new Mismatch(entity, "", "size_class", e.sizeClass(), computed));
            }
        }
        if (e.sizeSource() != null) {
            String computed = size.source() == null ? "(not sized)" : size.source().code();
            if (!e.sizeSource().equals(computed)) {
                out.add(new Mismatch(entity, "", "size_source", e.sizeSource(), computed));
            }
        }
        amount(entity, "", "total", e.total(), r.total(), out);
    }

    private static void program(TestCase c, ProgramExpect p, EntityResult r, String entity, List<Mismatch> out) {
        ProgramResult pr = r.programs().stream().filter(x -> x.programId().equals(p.program())).findFirst().orElse(null);
        if (pr == null) {
            if (!Boolean.FALSE.equals(p.inForce())) {
                out.add(new Mismatch(entity, p.program(), "in_force", "true",
                        "not in force" + (c.asOf() == null ? "" : " on " + c.asOf())));
            }
            return;
        }
        if (Boolean.FALSE.equals(p.inForce())) {
            out.add(new Mismatch(entity, p.program(), "in_force", "false",
                    "in force" + (c.asOf() == null ? "" : " on " + c.asOf())));
            return;
        }
        amount(entity, p.program(), "amount", p.amount(), pr.amount(), out);
        if (p.months() != null) {
            if (pr.months() == null) {
                out.add(new Mismatch(entity, p.program(), "months", p.months().written(), "(this program has no months)"));
            } else {
                amount(entity, p.program(), "months", p.months(), pr.months(), out);
            }
        }
        if (p.reason() != null) {
            String reason = pr.reason() == null ? "" : pr.reason();
            if (!reason.contains(p.reason())) {
                out.add(new Mismatch(entity, p.program(), "reason", "contains \"" + p.reason() + "\"",
                        reason.isEmpty() ? "(no reason)" : reason));
            }
        }
        if (p.reasonCode() != null) {
            Optional<String> code = reasonCode(pr);
            if (code.isEmpty() || !code.get().equals(p.reasonCode())) {
                out.add(new Mismatch(entity, p.program(), "reason_code", p.reasonCode(), code.orElse(NOT_AVAILABLE)));
            }
        }
    }

    private static void amount(String entity, String program, String field, Amount expected, BigDecimal computed,
            List<Mismatch> out) {
        if (expected != null && expected.value().compareTo(computed) != 0) {
            out.add(new Mismatch(entity, program, field, expected.written(), Money.format(computed)));
        }
    }

    private static void totals(Totals t, List<Row> rows, List<Mismatch> out) {
        long computed = rows.stream().filter(r -> r.result() != null).count();
        if (t.computed() != null && t.computed() != computed) {
            out.add(new Mismatch("(totals)", "", "computed", t.computed().toString(), Long.toString(computed)));
        }
        if (t.rejected() != null && t.rejected() != rows.size() - computed) {
            out.add(new Mismatch("(totals)", "", "rejected", t.rejected().toString(),
                    Long.toString(rows.size() - computed)));
        }
        for (Map.Entry<String, Amount> e : t.amounts().entrySet()) {
            BigDecimal sum = Money.ZERO;
            for (Row r : rows) {
                if (r.result() == null) {
                    continue;
                }
                if (e.getKey().equals("total")) {
                    sum = sum.add(r.result().total());
                } else {
                    for (ProgramResult p : r.result().programs()) {
                        if (p.programId().equals(e.getKey())) {
                            sum = sum.add(p.amount());
                        }
                    }
                }
            }
            amount("(totals)", e.getKey().equals("total") ? "" : e.getKey(), e.getKey().equals("total") ? "total"
                    : "amount", e.getValue(), sum, out);
        }
    }

    /** The stable code of a program's reason; empty when it pays (it has no reason). */
    static Optional<String> reasonCode(ProgramResult r) {
        return Optional.ofNullable(r.reasonCode());
    }

    /** The stable codes of a rejection's reasons, one for each. */
    static Optional<List<String>> rejectionCodes(Rejection r) {
        return Optional.of(r.codes());
    }

    /** The rows as one CSV file: a header of every column any row names, in order, and a cell for each. */
    static byte[] csv(List<Map<String, String>> rows) {
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> header.addAll(r.keySet()));
        StringBuilder sb = new StringBuilder();
        line(sb, new ArrayList<>(header));
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                cells.add(r.getOrDefault(h, ""));
            }
            line(sb, cells);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(cell);
            }
        }
        sb.append('\n');
    }
}
