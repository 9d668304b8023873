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
import subsidy.text.Texts;

/**
 * Runs cases: each case's rows become one CSV file in memory, read by calc's own reader (cells,
 * duplicates, sizing, rejections exactly as calc decides them) and computed by the {@link Calculator};
 * then every expected value is compared with what was computed. Nothing is written anywhere.
 */
public final class CaseRunner {
    private CaseRunner() {
    }

    public static List<CaseResult> run(CaseFile file) {
        return run(file, Texts.EN);
    }

    /** Every case of the file, what differs told in {@code texts}' language (field names stay the file's keys). */
    public static List<CaseResult> run(CaseFile file, Texts texts) {
        return file.cases().stream().map(c -> run(c, texts)).toList();
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
        return run(c, Texts.EN);
    }

    /** One case, what differs told in {@code texts}' language. */
    public static CaseResult run(TestCase c, Texts texts) {
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
            out.add(new Mismatch("", "", "input", texts.get("cases.run.usable"),
                    e instanceof InputException ie ? ie.message(texts) : e.getMessage()));
            return new CaseResult(c, out);
        }
        if (c.single()) {
            if (rows.size() != 1) {
                out.add(new Mismatch("", "", "rows", "1", Integer.toString(rows.size())));
            } else {
                compare(c, c.expect().get(0), rows.get(0), "", out, texts);
            }
        } else {
            Map<String, List<Row>> byId = new LinkedHashMap<>();
            rows.forEach(r -> byId.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
            for (EntityExpect e : c.expect()) {
                List<Row> ofId = byId.getOrDefault(e.entityId(), List.of());
                int index = Math.max(e.occurrence(), 1) - 1;
                String label = e.occurrence() > 0 ? texts.get("cases.run.occurrence", e.entityId(), e.occurrence())
                        : e.entityId();
                if (index >= ofId.size()) {
                    out.add(new Mismatch(label, "", "row", texts.get("cases.run.present"), ofId.isEmpty()
                            ? texts.get("cases.run.no_row") : texts.get("cases.run.only_rows", ofId.size())));
                } else {
                    compare(c, e, ofId.get(index), label, out, texts);
                }
            }
            if (c.totals() != null) {
                totals(c.totals(), rows, out, texts);
            }
        }
        return new CaseResult(c, out);
    }

    private static void compare(TestCase c, EntityExpect e, Row row, String entity, List<Mismatch> out,
            Texts texts) {
        if (e.rejected() != null) {
            if (row.rejection() == null) {
                out.add(new Mismatch(entity, "", "rejected", e.rejected().reason() == null
                        ? texts.get("cases.run.rejected")
                        : texts.get("cases.run.rejected_because", e.rejected().reason()),
                        texts.get("cases.run.computed_total", Money.format(row.result().total()))));
                return;
            }
            // A case's reason is matched against the English text (README): cases are written in English.
            String reasons = String.join("; ", row.rejection().reasons());
            if (e.rejected().reason() != null && !reasons.contains(e.rejected().reason())) {
                out.add(new Mismatch(entity, "", "reason", texts.get("cases.run.contains", e.rejected().reason()),
                        reasons));
            }
            if (e.rejected().reasonCode() != null) {
                Optional<List<String>> codes = rejectionCodes(row.rejection());
                if (codes.isEmpty() || !codes.get().contains(e.rejected().reasonCode())) {
                    out.add(new Mismatch(entity, "", "reason_code", e.rejected().reasonCode(),
                            codes.map(l -> String.join(", ", l)).orElse(texts.get("cases.run.pays"))));
                }
            }
            return;
        }
        if (row.rejection() != null) {
            out.add(new Mismatch(entity, "", "row", texts.get("cases.run.computed"),
                    texts.get("cases.run.rejected_for", String.join("; ", row.rejection().reasons()))));
            return;
        }
        EntityResult r = row.result();
        for (ProgramExpect p : e.programs()) {
            program(c, p, r, entity, out, texts);
        }
        SizeDecision size = r.size();
        if (e.sizeClass() != null) {
            String computed = size.size() == null ? texts.get("cases.run.not_sized") : size.size().code();
            if (!e.sizeClass().equals(computed)) {
                out.add(new Mismatch(entity, "", "size_class", e.sizeClass(), computed));
            }
        }
        if (e.sizeSource() != null) {
            String computed = size.source() == null ? texts.get("cases.run.not_sized") : size.source().code();
            if (!e.sizeSource().equals(computed)) {
                out.add(new Mismatch(entity, "", "size_source", e.sizeSource(), computed));
            }
        }
        amount(entity, "", "total", e.total(), r.total(), out);
    }

    private static void program(TestCase c, ProgramExpect p, EntityResult r, String entity, List<Mismatch> out,
            Texts texts) {
        ProgramResult pr = r.programs().stream().filter(x -> x.programId().equals(p.program())).findFirst().orElse(null);
        if (pr == null) {
            if (!Boolean.FALSE.equals(p.inForce())) {
                out.add(new Mismatch(entity, p.program(), "in_force", "true", c.asOf() == null
                        ? texts.get("cases.run.not_in_force") : texts.get("cases.run.not_in_force_on", c.asOf())));
            }
            return;
        }
        if (Boolean.FALSE.equals(p.inForce())) {
            out.add(new Mismatch(entity, p.program(), "in_force", "false", c.asOf() == null
                    ? texts.get("cases.run.in_force") : texts.get("cases.run.in_force_on", c.asOf())));
            return;
        }
        amount(entity, p.program(), "amount", p.amount(), pr.amount(), out);
        if (p.months() != null) {
            if (pr.months() == null) {
                out.add(new Mismatch(entity, p.program(), "months", p.months().written(),
                        texts.get("cases.run.no_months")));
            } else {
                amount(entity, p.program(), "months", p.months(), pr.months(), out);
            }
        }
        if (p.reason() != null) {
            String reason = pr.reason() == null ? "" : pr.reason();
            if (!reason.contains(p.reason())) {
                // A case's reason is matched against the English text (README): cases are written in English.
                out.add(new Mismatch(entity, p.program(), "reason", texts.get("cases.run.contains", p.reason()),
                        reason.isEmpty() ? texts.get("cases.run.no_reason") : reason));
            }
        }
        if (p.reasonCode() != null) {
            Optional<String> code = reasonCode(pr);
            if (code.isEmpty() || !code.get().equals(p.reasonCode())) {
                out.add(new Mismatch(entity, p.program(), "reason_code", p.reasonCode(),
                        code.orElse(texts.get("cases.run.pays"))));
            }
        }
    }

    private static void amount(String entity, String program, String field, Amount expected, BigDecimal computed,
            List<Mismatch> out) {
        if (expected != null && expected.value().compareTo(computed) != 0) {
            out.add(new Mismatch(entity, program, field, expected.written(), Money.format(computed)));
        }
    }

    private static void totals(Totals t, List<Row> rows, List<Mismatch> out, Texts texts) {
        String totals = texts.get("cases.run.totals");
        long computed = rows.stream().filter(r -> r.result() != null).count();
        if (t.computed() != null && t.computed() != computed) {
            out.add(new Mismatch(totals, "", "computed", t.computed().toString(), Long.toString(computed)));
        }
        if (t.rejected() != null && t.rejected() != rows.size() - computed) {
            out.add(new Mismatch(totals, "", "rejected", t.rejected().toString(),
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
            amount(totals, e.getKey().equals("total") ? "" : e.getKey(), e.getKey().equals("total") ? "total"
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
