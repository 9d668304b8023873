package subsidy.audit;

import subsidy.Sha256;
import subsidy.report.Outputs;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
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
import subsidy.entity.ResidentId;
import subsidy.entity.CreditCode;
import subsidy.input.EncodingDetector;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.input.SeenIds;
import subsidy.input.XlsxSheets;
import subsidy.policy.Policy;
import subsidy.report.Csv;
import subsidy.report.RejectedTable;
import subsidy.report.ReportTable;
import subsidy.report.SafeText;
import subsidy.text.Texts;

/**
 * Recomputes a report from its inputs and lists every difference (issue: verify). Both sides are
 * in input order, so they are walked in step; only rows out of step are held, which keeps memory
 * to the size of the disagreement rather than of the report. In the same pass the run's other
 * files are recomputed as digests ({@link RecomputedOutputs}), and what manifest.json states is
 * compared with it all ({@link ManifestCheck}).
 */
public final class Verifier {
    /** The notes column's id: its text is not compared (it explains, and follows the report's language). */
    private static final String NOTES = "notes";
    private final Policy policy;
    private final LedgerSide ledger;
    /** The language differences and notes are told in (not the report's: that is the manifest's). */
    private final Texts texts;
    /** The run's hire list (calc --hires), its persons assigned; null without one. */
    private subsidy.hire.HireRun hires;

    public Verifier(Policy policy) {
        this(policy, null);
    }

    /** @param ledger the batch's ledger, to recompute as it stood before the batch; null without one */
    public Verifier(Policy policy, LedgerSide ledger) {
        this(policy, ledger, Texts.EN);
    }

    /**
     * @param texts the language the differences and notes are written in, as {@code --lang} asks; the
     *              report itself is recomputed in the language its manifest records ({@code "lang"})
     */
    public Verifier(Policy policy, LedgerSide ledger, Texts texts) {
        this.policy = policy;
        this.ledger = ledger;
        this.texts = texts;
    }

    /**
     * Recomputes with a hire list (calc --hires): the covered programs count its persons, rejected.csv's
     * rows follow with the list's bad rows, and hires.csv is recomputed too.
     */
    public Verifier withHires(subsidy.hire.HireRun run) {
        this.hires = run;
        return this;
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

    /** The language a report's header is written in (a BOM or spaces aside); English when it is neither. */
    private Texts headerLanguage(List<String> header) {
        List<String> cells = header.stream().map(c -> c.replace("\uFEFF", "").strip()).toList();
        Texts t = ReportTable.languageOf(policy, cells);
        return t == null ? Texts.EN : t;
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
        // A workbook (report.xlsx, calc --format xlsx|both) is told by its bytes, as an input is; its rows are
        // read back as CSV and compared as a CSV report's are.
        boolean workbook = XlsxSheets.isWorkbook(report);
        ManifestCheck manifest = ManifestCheck.read(report, workbook, texts);
        ReportTable ids = new ReportTable(policy);
        MessageDigest reportDigest = Sha256.digest();
        try (BufferedInputStream raw = new BufferedInputStream(workbook ? workbookRows(report)
                        : new DigestInputStream(Files.newInputStream(report), reportDigest), SNIFF);
                BufferedReader reader = new BufferedReader(new InputStreamReader(raw,
                        workbook ? StandardCharsets.UTF_8 : encoding(raw)));
                CSVParser parser = CSVParser.parse(skipBom(reader), Csv.FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InputException(texts.get("audit.verify.empty", report));
            }
            List<String> reportHeader = records.next().toList();
            // The report is recomputed in the language the run wrote it in: the manifest's, else (a report
            // without its manifest) the one its header is written in; its column ids are accepted too.
            Texts written = manifest.usable() ? Texts.of(manifest.lang()) : headerLanguage(reportHeader);
            ReportTable table = new ReportTable(policy, written);
            RecomputedOutputs others = manifest.usable()
                    ? new RecomputedOutputs(policy, hires != null ? null : RejectedTable.sharedHeader(inputs),
                            manifest.lists(Outputs.DETAILS), manifest.runNames(inputs), manifest.noticeKey(), written,
                            manifest.period(), new RecomputedOutputs.Formats(manifest.csv(), manifest.xlsx(),
                                    manifest.reportName(), table, manifest.noticeWorkbook()))
                    : null;
            ReportRows rows = new ReportRows(records, parser, counting, texts);
            Columns columns = new Columns(reportHeader, table.header(), ids.header(), report, counting, texts,
                    !workbook, table.personColumn());
            leftOutColumns(reportHeader, counting);
            Map<String, List<String>> pendingRecomputed = new LinkedHashMap<>();
            Map<String, List<String>> pendingReported = new LinkedHashMap<>();
            List<Reported> pendingMangled = new ArrayList<>();
            Calculator plain = hires == null ? new Calculator(policy, written)
                    : new Calculator(policy, written).withHires(hires);
            Batch batch = ledger == null ? new Batch(plain)
                    : new Batch(ledger.calculator(plain), Runtime.getRuntime().availableProcessors(),
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
                    if (hires != null) {
                        hires.computed(r);
                    }
                    List<String> mine = row.report();
                    String id = mine.get(0);
                    count[0]++;
                    List<String> theirs = pendingReported.remove(id);
                    if (theirs != null) {
                        columns.compare(id, theirs, mine, counting);
                        return;
                    }
                    for (Iterator<Reported> m = pendingMangled.iterator(); m.hasNext(); ) {
                        Reported waiting = m.next();
                        if (Mangled.fits(waiting.id(), id)) {
                            m.remove();
                            columns.mangled(waiting, id, mine, counting);
                            return;
                        }
                    }
                    Reported next = rows.next();
                    if (next == null) {
                        pendingRecomputed.put(id, mine);
                        return;
                    }
                    if (next.mangled() ? Mangled.fits(next.id(), id) : next.id().equals(id)) {
                        columns.matched(next, id, mine, counting);
                        return;
                    }
                    pendingRecomputed.put(id, mine);
                    match(next, pendingRecomputed, pendingReported, pendingMangled, columns, counting);
                }

                @Override
                public void rejected(Rejection r) throws IOException {
                    if (others != null) {
                        others.rejected(r);
                    }
                    if (hires != null) {
                        hires.rejected(r);
                    }
                }
            });
            if (others != null && hires != null) {
                others.hires(hires);
            }
            for (Reported next = rows.next(); next != null; next = rows.next()) {
                match(next, pendingRecomputed, pendingReported, pendingMangled, columns, counting);
            }
            if (ledger != null) {
                ledger.finish(counting);
            }
            // A mangled code no recomputed row fits: still said to be mangled, with nothing to set beside it.
            pendingMangled.forEach(m -> counting.accept(new Difference(m.id(),
                    texts.get("audit.verify.mangled", m.line()), m.id(), texts.get("audit.verify.no_row_fits"))));
            pendingRecomputed.keySet().forEach(id -> counting.accept(new Difference(id, Difference.ROW,
                    texts.get("audit.verify.missing"), texts.get("audit.verify.present"))));
            pendingReported.keySet().forEach(id -> counting.accept(new Difference(id, Difference.ROW,
                    texts.get("audit.verify.present"), texts.get("audit.verify.missing"))));
            raw.transferTo(java.io.OutputStream.nullOutputStream());
            Map<String, String> recomputed = others == null ? Map.of() : others.digests(totals);
            String reportSha = workbook ? Sha256.of(report) : Sha256.hex(reportDigest);
            manifest.compare(policy, reportSha, totals, recomputed, counting, notes::add);
        }
        return new Outcome(count[0], count[1], notes);
    }

    private void match(Reported reported, Map<String, List<String>> pendingRecomputed,
            Map<String, List<String>> pendingReported, List<Reported> pendingMangled, Columns columns,
            Consumer<Difference> out) {
        String id = reported.id();
        if (reported.mangled()) {
            for (Iterator<Map.Entry<String, List<String>>> i = pendingRecomputed.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<String, List<String>> e = i.next();
                if (Mangled.fits(id, e.getKey())) {
                    i.remove();
                    columns.mangled(reported, e.getKey(), e.getValue(), out);
                    return;
                }
            }
            pendingMangled.add(reported);
            return;
        }
        List<String> mine = pendingRecomputed.remove(id);
        if (mine != null) {
            columns.compare(id, reported.cells(), mine, out);
        } else if (pendingReported.putIfAbsent(id, reported.cells()) != null) {
            out.accept(new Difference(id, Difference.ROW, texts.get("audit.verify.twice"),
                    texts.get("audit.verify.once")));
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
                out.accept(new Difference(Difference.COLUMN, column.strip(), texts.get("audit.verify.in_report"),
                        texts.get("audit.verify.left_out", policy.leftOut().get(i))));
            }
        }
    }

    /**
     * A row of the report: its cells, the line it starts on, and whether its entity_id is a credit
     * code a spreadsheet turned into a number ({@link Mangled}).
     */
    record Reported(List<String> cells, long line, boolean mangled) {
        String id() {
            return cells.isEmpty() ? "" : cells.get(0);
        }
    }

    /**
     * The report's rows in order, each entity once: a later copy of a row is a difference of its own,
     * not a row the recomputation lacks. Ids are remembered compactly, as an input's are. A code a
     * spreadsheet mangled is not an id (many codes round to one number), so it is not remembered.
     */
    private static final class ReportRows {
        private final Iterator<CSVRecord> records;
        private final CSVParser parser;
        private final Consumer<Difference> out;
        private final Texts texts;
        private final SeenIds codes = new SeenIds();
        /** Ids that are not credit codes, as an edited report may hold: few, so kept as they are. */
        private final Set<String> others = new HashSet<>();
        /** The line the last row read ended on. */
        private long lastLine;

        ReportRows(Iterator<CSVRecord> records, CSVParser parser, Consumer<Difference> out, Texts texts) {
            this.records = records;
            this.parser = parser;
            this.out = out;
            this.texts = texts;
            this.lastLine = parser.getCurrentLineNumber();
        }

        /** The next row whose id has not been seen, or null at the end. */
        Reported next() {
            while (records.hasNext()) {
                List<String> row = records.next().toList();
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                String id = row.isEmpty() ? "" : row.get(0);
                if (Mangled.is(id)) {
                    return new Reported(row, line, true);
                }
                if (CreditCode.problem(id) == null ? codes.add(id) : others.add(id)) {
                    return new Reported(row, line, false);
                }
                out.accept(new Difference(id, Difference.ROW, texts.get("audit.verify.twice"),
                        texts.get("audit.verify.once")));
            }
            return null;
        }
    }

    /**
     * Maps the report's columns onto the recomputed ones, so column order does not matter. A column
     * is found by its header in the report's language or by its id (a report in either language is
     * read). A column named twice is a difference of its own, and each copy is compared: a reader may
     * take either.
     */
    private static final class Columns {
        private final List<String> names;
        private final List<String> ids;
        private final Texts texts;
        /** For each recomputed column, where every copy of it stands in the report (none: empty). */
        private final int[][] reportedIndex;
        /**
         * Whether the report's text cells carry {@link SafeText}'s apostrophe, as a CSV report's do; a
         * workbook's text cells hold the text as it is (a text cell is never run as a formula).
         */
        private final boolean safe;
        /**
         * Where a household's head's identity number is (-1: none): a report written to standard output
         * holds it masked, which is the same number; a difference shows both masked, since verify's
         * listing goes to standard output.
         */
        private final int person;

        Columns(List<String> reportHeader, List<String> expected, List<String> ids, Path report,
                Consumer<Difference> out, Texts texts, boolean safe, int person) throws InputException {
            this.texts = texts;
            this.safe = safe;
            this.person = person;
            Map<String, List<Integer>> at = new LinkedHashMap<>();
            for (int i = 0; i < reportHeader.size(); i++) {
                at.computeIfAbsent(reportHeader.get(i).strip(), k -> new ArrayList<>()).add(i);
            }
            names = expected;
            this.ids = ids;
            reportedIndex = new int[expected.size()][];
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                List<Integer> idx = new ArrayList<>(at.getOrDefault(expected.get(i), List.of()));
                if (!ids.get(i).equals(expected.get(i))) {
                    idx.addAll(at.getOrDefault(ids.get(i), List.of()));
                    idx.sort(null);
                }
                reportedIndex[i] = idx.stream().mapToInt(Integer::intValue).toArray();
                if (idx.isEmpty() && !notes(i)) {
                    missing.add(expected.get(i));
                }
            }
            if (reportedIndex[0].length == 0 || reportedIndex[0][0] != 0) {
                throw new InputException(texts.get("audit.verify.not_a_report", report));
            }
            // A column the recomputation has and the report lacks is a difference (the report was made under
            // another policy or date, or a column was deleted), not an unusable report: the rest is compared.
            missing.forEach(name -> out.accept(new Difference(Difference.COLUMN, name,
                    texts.get("audit.verify.not_in_report"), texts.get("audit.verify.in_recomputation"))));
            at.forEach((name, copies) -> {
                if (copies.size() > 1) {
                    out.accept(new Difference(Difference.COLUMN, name,
                            texts.get("audit.verify.times_in_header", copies.size()), texts.get("audit.verify.once")));
                }
            });
        }

        private boolean notes(int i) {
            return ids.get(i).equals(NOTES);
        }

        /** A report row found for a recomputed one: by its id, or by the number a spreadsheet made of it. */
        void matched(Reported reported, String id, List<String> recomputed, Consumer<Difference> out) {
            if (reported.mangled()) {
                mangled(reported, id, recomputed, out);
            } else {
                compare(id, reported.cells(), recomputed, out);
            }
        }

        /**
         * A row whose code a spreadsheet mangled: said so, with its line, the cell and the code the
         * recomputation has there (masked, as the notice list masks codes); the rest of it is compared.
         */
        void mangled(Reported reported, String id, List<String> recomputed, Consumer<Difference> out) {
            String masked = subsidy.report.NoticeList.mask(id);
            out.accept(new Difference(masked, texts.get("audit.verify.mangled", reported.line()), reported.id(),
                    masked));
            compare(id, reported.cells(), recomputed, out);
        }

        void compare(String id, List<String> reported, List<String> recomputed, Consumer<Difference> out) {
            for (int i = 0; i < names.size(); i++) {
                if (notes(i)) {
                    continue;
                }
                String mine = safe ? SafeText.cell(recomputed.get(i)) : recomputed.get(i); // as the writer stored it
                // entity_id's own first column is how the row was found; only its other copies are compared
                for (int c = i == 0 ? 1 : 0; c < reportedIndex[i].length; c++) {
                    int at = reportedIndex[i][c];
                    String theirs = at < reported.size() ? reported.get(at) : "";
                    if (i == person) {
                        if (!theirs.equals(mine) && !theirs.equals(ResidentId.mask(mine))) {
                            out.accept(new Difference(id, names.get(i), ResidentId.mask(theirs), ResidentId.mask(mine)));
                        }
                    } else if (!same(theirs, mine)) {
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

    /**
     * A credit code a spreadsheet turned into a number and wrote back in exponent form
     * ({@code 9.15302E+17}), as the input side tells it ({@code spreadsheet_mangled}): a cell that is
     * not a valid code and reads as such a number. It fits a code when the code, rounded to the digits
     * the number kept, is that number.
     */
    static final class Mangled {
        private static final java.util.regex.Pattern EXPONENT =
                java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");

        private Mangled() {
        }

        static boolean is(String cell) {
            String s = cell.strip();
            return CreditCode.problem(s) != null && EXPONENT.matcher(s).matches();
        }

        static boolean fits(String cell, String code) {
            if (code.isEmpty() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false; // a code with a letter stays text in a spreadsheet
            }
            try {
                BigDecimal number = new BigDecimal(cell.strip());
                if (number.signum() <= 0 || number.precision() > code.length()) {
                    return false;
                }
                BigDecimal rounded = new BigDecimal(code).round(new java.math.MathContext(number.precision(),
                        java.math.RoundingMode.HALF_UP));
                return rounded.compareTo(number) == 0;
            } catch (NumberFormatException | ArithmeticException e) {
                return false;
            }
        }
    }

    /**
     * A report workbook's rows as UTF-8 CSV: its first sheet, then the sheets calc continued the table on when
     * it was longer than a sheet holds ({@code NAME (2)}, {@code NAME (3)}, …, as XlsxWriter names them), each
     * without its header row. Other sheets (one a clerk added) are not the report's.
     */
    private InputStream workbookRows(Path report) throws InputException, IOException {
        List<String> sheets = sheetNames(report);
        List<InputStream> parts = new ArrayList<>();
        try {
            parts.add(XlsxSheets.csv(report, null, texts));
            for (int k = 2; !sheets.isEmpty() && sheets.contains(sheets.get(0) + " (" + k + ")"); k++) {
                InputStream next = XlsxSheets.csv(report, sheets.get(0) + " (" + k + ")", texts);
                parts.add(next);
                skipLine(next); // the continued sheet's header row (column names hold no line break)
            }
        } catch (InputException | IOException | RuntimeException e) {
            for (InputStream part : parts) {
                part.close();
            }
            throw e;
        }
        return parts.size() == 1 ? parts.get(0) : new SequenceInputStream(Collections.enumeration(parts));
    }

    private static void skipLine(InputStream in) throws IOException {
        int b = in.read();
        while (b >= 0 && b != '\n') {
            b = in.read();
        }
    }

    private static final java.util.regex.Pattern SHEET =
            java.util.regex.Pattern.compile("<(?:\\w+:)?sheet\\s[^>]*?\\bname=\"([^\"]*)\"");

    /** The names of a workbook's sheets, in its order (xl/workbook.xml); empty when they cannot be read. */
    private static List<String> sheetNames(Path workbook) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            java.util.zip.ZipEntry book = zip.getEntry("xl/workbook.xml");
            if (book == null) {
                return List.of();
            }
            String xml;
            try (InputStream in = zip.getInputStream(book)) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = SHEET.matcher(xml);
            while (m.find()) {
                names.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&apos;", "'").replace("&amp;", "&"));
            }
            return names;
        } catch (IOException e) {
            return List.of(); // the first sheet is read as it can be, and says what is wrong
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
