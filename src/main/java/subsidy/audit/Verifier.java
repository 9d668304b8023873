package subsidy.audit;

import subsidy.Sha256;
import subsidy.report.Outputs;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import subsidy.calc.Batch;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.calc.ResultSink;
import subsidy.calc.Totals;
import subsidy.entity.CreditCode;
import subsidy.input.EncodingDetector;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.SeenIds;
import subsidy.policy.Policy;
import subsidy.report.Csv;
import subsidy.report.RejectedTable;
import subsidy.report.ReportTable;
import subsidy.report.SafeText;

/**
 * Recomputes a report from its inputs and lists every difference (issue: verify). Both sides are
 * in input order, so they are walked in step; only rows out of step are held, which keeps memory
 * to the size of the disagreement rather than of the report. In the same pass the run's other
 * files are recomputed as digests ({@link RecomputedOutputs}), and what manifest.json states is
 * compared with it all ({@link ManifestCheck}).
 */
public final class Verifier {
    private static final String NOTES = "notes";
    private final Policy policy;
    private final ReportTable table;
    private final LedgerSide ledger;

    public Verifier(Policy policy) {
        this(policy, null);
    }

    /** @param ledger the batch's ledger, to recompute as it stood before the batch; null without one */
    public Verifier(Policy policy, LedgerSide ledger) {
        this.policy = policy;
        this.table = new ReportTable(policy);
        this.ledger = ledger;
    }

    /**
     * A report computed against a ledger: what the recomputation reads of it (the ledger as it stood
     * before the batch) and how the batch's recorded payments are checked against the recomputation.
     */
    public interface LedgerSide {
        Calculator calculator(Calculator plain);

        subsidy.calc.PriorSource priors();

        /** Compares what the ledger recorded for this entity with what it recomputes to; in input order. */
        void computed(EntityResult r, Consumer<Difference> out) throws IOException;

        /** After the last row: what the ledger recorded that no recomputed row accounts for. */
        void finish(Consumer<Difference> out) throws IOException;
    }

    /**
     * What a verification found: rows compared, differences sent to the consumer, and notes: plain
     * sentences on what could not be checked, for standard error, which are not differences.
     */
    public record Outcome(long rowsCompared, long differences, List<String> notes) {
        public Outcome {
            notes = List.copyOf(notes);
        }
    }

    /** A recomputed row as the report holds it, and its lines of the other files recomputed (or null). */
    private record Row(List<String> report, RecomputedOutputs.Rendered others) {
    }

    /**
     * Recomputes the report and, when manifest.json is beside it, the other files the run wrote (as
     * digests), and sends every difference to {@code out}.
     */
    public Outcome verify(List<InputFile> inputs, Path report, Consumer<Difference> out)
            throws InputException, IOException {
        long[] count = {0, 0};
        List<String> notes = new ArrayList<>();
        Consumer<Difference> counting = d -> {
            count[1]++;
            out.accept(d);
        };
        ManifestCheck manifest = ManifestCheck.read(report);
        RecomputedOutputs others = manifest.usable()
                ? new RecomputedOutputs(policy, RejectedTable.sharedHeader(inputs),
                        manifest.lists(Outputs.DETAILS), manifest.runNames(inputs), manifest.noticeKey())
                : null;
        MessageDigest reportDigest = Sha256.digest();
        try (BufferedInputStream raw = new BufferedInputStream(
                        new DigestInputStream(Files.newInputStream(report), reportDigest), SNIFF);
                BufferedReader reader = new BufferedReader(new InputStreamReader(raw, encoding(raw)));
                CSVParser parser = CSVParser.parse(skipBom(reader), Csv.FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InputException(report + ": the report is empty");
            }
            List<String> reportHeader = records.next().toList();
            ReportRows rows = new ReportRows(records, counting);
            Columns columns = new Columns(reportHeader, table.header(), report, counting);
            leftOutColumns(reportHeader, counting);
            Map<String, List<String>> pendingRecomputed = new LinkedHashMap<>();
            Map<String, List<String>> pendingReported = new LinkedHashMap<>();
            Batch batch = ledger == null ? new Batch(new Calculator(policy))
                    : new Batch(ledger.calculator(new Calculator(policy)), Runtime.getRuntime().availableProcessors(),
                            ledger.priors());
            Totals totals = batch.run(inputs, new ResultSink<Row>() {
                @Override
                public Row render(EntityResult r) {
                    return new Row(table.row(r), others == null ? null : others.render(r));
                }

                @Override
                public void computed(EntityResult r, Row row) throws IOException {
                    if (others != null) {
                        others.computed(r, row.others());
                    }
                    if (ledger != null) {
                        ledger.computed(r, counting);
                    }
                    List<String> mine = row.report();
                    String id = mine.get(0);
                    count[0]++;
                    List<String> theirs = pendingReported.remove(id);
                    if (theirs != null) {
                        columns.compare(id, theirs, mine, counting);
                        return;
                    }
                    List<String> next = rows.next();
                    if (next == null) {
                        pendingRecomputed.put(id, mine);
                        return;
                    }
                    String nextId = next.isEmpty() ? "" : next.get(0);
                    if (nextId.equals(id)) {
                        columns.compare(id, next, mine, counting);
                        return;
                    }
                    pendingRecomputed.put(id, mine);
                    match(nextId, next, pendingRecomputed, pendingReported, columns, counting);
                }

                @Override
                public void rejected(Rejection r) throws IOException {
                    if (others != null) {
                        others.rejected(r);
                    }
                }
            });
            for (List<String> next = rows.next(); next != null; next = rows.next()) {
                match(next.isEmpty() ? "" : next.get(0), next, pendingRecomputed, pendingReported, columns, counting);
            }
            if (ledger != null) {
                ledger.finish(counting);
            }
            pendingRecomputed.keySet().forEach(id -> counting.accept(
                    new Difference(id, Difference.ROW, "missing", "present")));
            pendingReported.keySet().forEach(id -> counting.accept(
                    new Difference(id, Difference.ROW, "present", "missing")));
            raw.transferTo(java.io.OutputStream.nullOutputStream());
            Map<String, String> recomputed = others == null ? Map.of() : others.digests(totals);
            manifest.compare(policy, Sha256.hex(reportDigest), totals, recomputed, counting, notes::add);
        }
        return new Outcome(count[0], count[1], notes);
    }

    private static void match(String id, List<String> reported, Map<String, List<String>> pendingRecomputed,
            Map<String, List<String>> pendingReported, Columns columns, Consumer<Difference> out) {
        List<String> mine = pendingRecomputed.remove(id);
        if (mine != null) {
            columns.compare(id, reported, mine, out);
        } else if (pendingReported.putIfAbsent(id, reported) != null) {
            out.accept(new Difference(id, Difference.ROW, "present twice", "once"));
        }
    }

    /**
     * A program the policy has but not on this date is left out of the recomputation; its column in
     * the report is a difference, not a column quietly skipped (the report was made for another date).
     */
    private void leftOutColumns(List<String> reportHeader, Consumer<Difference> out) {
        List<String> ids = policy.leftOutIds();
        for (String column : reportHeader) {
            int i = ids.indexOf(column.strip());
            if (i >= 0) {
                out.accept(new Difference(Difference.COLUMN, column.strip(), "in the report",
                        "left out: " + policy.leftOut().get(i)));
            }
        }
    }

    /**
     * The report's rows in order, each entity once: a later copy of a row is a difference of its own,
     * not a row the recomputation lacks. Ids are remembered compactly, as an input's are.
     */
    private static final class ReportRows {
        private final Iterator<CSVRecord> records;
        private final Consumer<Difference> out;
        private final SeenIds codes = new SeenIds();
        /** Ids that are not credit codes, as an edited report may hold: few, so kept as they are. */
        private final Set<String> others = new HashSet<>();

        ReportRows(Iterator<CSVRecord> records, Consumer<Difference> out) {
            this.records = records;
            this.out = out;
        }

        /** The next row whose id has not been seen, or null at the end. */
        List<String> next() {
            while (records.hasNext()) {
                List<String> row = records.next().toList();
                String id = row.isEmpty() ? "" : row.get(0);
                if (CreditCode.problem(id) == null ? codes.add(id) : others.add(id)) {
                    return row;
                }
                out.accept(new Difference(id, Difference.ROW, "present twice", "once"));
            }
            return null;
        }
    }

    /**
     * Maps the report's columns onto the recomputed ones, so column order does not matter. A column
     * named twice is a difference of its own, and each copy is compared: a reader may take either.
     */
    private static final class Columns {
        private final List<String> names;
        /** For each recomputed column, where every copy of it stands in the report (none: empty). */
        private final int[][] reportedIndex;

        Columns(List<String> reportHeader, List<String> expected, Path report, Consumer<Difference> out)
                throws InputException {
            Map<String, List<Integer>> at = new LinkedHashMap<>();
            for (int i = 0; i < reportHeader.size(); i++) {
                at.computeIfAbsent(reportHeader.get(i).strip(), k -> new ArrayList<>()).add(i);
            }
            names = expected;
            reportedIndex = new int[expected.size()][];
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                List<Integer> idx = at.getOrDefault(expected.get(i), List.of());
                reportedIndex[i] = idx.stream().mapToInt(Integer::intValue).toArray();
                if (idx.isEmpty() && !expected.get(i).equals(NOTES)) {
                    missing.add(expected.get(i));
                }
            }
            if (reportedIndex[0].length == 0 || reportedIndex[0][0] != 0) {
                throw new InputException(report + ": not a subsidy report (entity_id is not its first column)");
            }
            // A column the recomputation has and the report lacks is a difference (the report was made under
            // another policy or date, or a column was deleted), not an unusable report: the rest is compared.
            missing.forEach(name -> out.accept(new Difference(Difference.COLUMN, name, "not in the report",
                    "in the recomputation")));
            at.forEach((name, copies) -> {
                if (copies.size() > 1) {
                    out.accept(new Difference(Difference.COLUMN, name, copies.size() + " times in the header",
                            "once"));
                }
            });
        }

        void compare(String id, List<String> reported, List<String> recomputed, Consumer<Difference> out) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(NOTES)) {
                    continue;
                }
                String mine = SafeText.cell(recomputed.get(i)); // as the report's writer stored it
                // entity_id's own first column is how the row was found; only its other copies are compared
                for (int c = i == 0 ? 1 : 0; c < reportedIndex[i].length; c++) {
                    int at = reportedIndex[i][c];
                    String theirs = at < reported.size() ? reported.get(at) : "";
                    if (!same(theirs, mine)) {
                        out.accept(new Difference(id, names.get(i), theirs, mine));
                    }
                }
            }
        }

        /** Amounts compare as numbers (a spreadsheet may drop ".00"); text compares exactly. */
        private static boolean same(String a, String b) {
            if (a.equals(b)) {
                return true;
            }
            try {
                return new BigDecimal(a.strip()).compareTo(new BigDecimal(b)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** How much of the report its encoding is guessed from, as an input's is. */
    private static final int SNIFF = 1 << 16;

    /**
     * The report's encoding, guessed as an input's is: written as UTF-8, it may have been opened in
     * a spreadsheet and saved again as GBK, and then only the file differs, not its names or amounts.
     */
    private static Charset encoding(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        return EncodingDetector.detect(head, head.length);
    }

    private static java.io.Reader skipBom(BufferedReader r) throws IOException {
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

}
