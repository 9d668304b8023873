package subsidy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import subsidy.Sha256;
import subsidy.Version;
import subsidy.calc.Totals;
import subsidy.input.InputFile;
import subsidy.input.InputStats;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.report.Outputs;
import subsidy.report.XlsxOutputs;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * verify's second question: beside the amounts, has anything the run rested on, or wrote, changed
 * since? manifest.json holds the policy's, every input's and every output's SHA-256, the --as-of
 * date, the row counts and the control totals; each is compared with what is read and recomputed
 * now. Read before the recomputation, which needs to know how the run named its inputs and whether
 * it wrote details.csv; compared after it.
 */
final class ManifestCheck {
    static final String NO_MANIFEST = Texts.EN.get("audit.manifest.none");
    static final String REJECTED_NOT_RECOMPUTED = Texts.EN.get("audit.manifest.rejected_not_recomputed",
            Outputs.REJECTED);
    /** The manifest's key for the language the run wrote its files in ({@code en}, {@code zh}; absent: en). */
    static final String LANG = "lang";

    private final Path dir;
    /** The name the report verify reads row by row has among the outputs: report.csv or report.xlsx. */
    private final String reportName;
    /** The manifest, when there is one and it is ours; else null. */
    private final JsonNode m;
    /** Why a manifest there is cannot be compared (unreadable, not ours), or null. */
    private final Difference unusable;
    /** The language differences and notes are told in. */
    private final Texts texts;

    private ManifestCheck(Path dir, String reportName, JsonNode m, Difference unusable, Texts texts) {
        this.dir = dir;
        this.reportName = reportName;
        this.m = m;
        this.unusable = unusable;
        this.texts = texts;
    }

    /** The manifest beside the report, read but not yet compared with anything. */
    static ManifestCheck read(Path report) {
        return read(report, Texts.EN);
    }

    /** As {@link #read(Path)}, its differences and notes told in {@code texts}' language. */
    static ManifestCheck read(Path report, Texts texts) {
        return read(report, false, texts);
    }

    /**
     * As {@link #read(Path, Texts)}, for a report that is a workbook ({@code workbook}: report.xlsx, written
     * by {@code calc --format xlsx|both}) or a CSV file (report.csv).
     */
    static ManifestCheck read(Path report, boolean workbook, Texts texts) {
        String reportName = workbook ? XlsxOutputs.REPORT : Outputs.REPORT;
        Path dir = report.toAbsolutePath().getParent();
        Path manifest = dir.resolve(Outputs.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return new ManifestCheck(dir, reportName, null, null, texts);
        }
        JsonNode m;
        try {
            m = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            return new ManifestCheck(dir, reportName, null, new Difference(Difference.MANIFEST, "manifest.json",
                    texts.get("audit.manifest.unreadable"), e.getMessage()), texts);
        }
        List<String> lacks = new ArrayList<>();
        if (!m.path("policy").path("sha256").isTextual()) {
            lacks.add("policy.sha256");
        }
        if (!m.path("inputs").isArray()) {
            lacks.add("inputs");
        }
        // A run writes report.csv, report.xlsx or both (--format): either is a report of ours.
        if (!m.path("outputs").path(Outputs.REPORT).isTextual()
                && !m.path("outputs").path(XlsxOutputs.REPORT).isTextual()) {
            lacks.add("outputs." + reportName);
        }
        if (!lacks.isEmpty()) { // nothing in it can be compared: say so once, not as a changed policy
            return new ManifestCheck(dir, reportName, null, new Difference(Difference.MANIFEST, "manifest.json",
                    texts.get("audit.manifest.not_ours", String.join(", ", lacks)), ""), texts);
        }
        return new ManifestCheck(dir, reportName, m, null, texts);
    }

    /**
     * The language the run wrote its files in, as the manifest records it ({@code "lang"}): English
     * when there is no manifest of ours, when it records none (written before there was a choice) or
     * one this tool does not write.
     */
    Lang lang() {
        return lang(m);
    }

    /** The batch's month the run named ({@code "period"}), which the notice list's title shows; or null. */
    String period() {
        JsonNode p = m == null ? null : m.path("period");
        return p != null && p.isTextual() ? p.asText() : null;
    }

    /** The language a manifest records ({@code "lang": "zh"}); absent, null or unknown: English. */
    static Lang lang(JsonNode manifest) {
        if (manifest == null || !manifest.path(LANG).isTextual()) {
            return Lang.EN;
        }
        Lang l = Lang.parse(manifest.path(LANG).asText());
        return l == null ? Lang.EN : l;
    }

    /** Whether there is a manifest of ours to compare with (and so files worth recomputing). */
    boolean usable() {
        return m != null;
    }

    /** Whether the run wrote its tables as CSV (report.csv, rejected.csv, summary.csv): --format csv or both. */
    boolean csv() {
        return m != null && m.path("outputs").path(Outputs.REPORT).isTextual();
    }

    /** Whether the run wrote its tables as workbooks (report.xlsx, …): --format xlsx or both. */
    boolean xlsx() {
        return m != null && m.path("outputs").path(XlsxOutputs.REPORT).isTextual();
    }

    /** The name of the report verify reads among the run's outputs: report.csv or report.xlsx. */
    String reportName() {
        return reportName;
    }

    /**
     * Whether the notice list was written as a workbook, as calc writes one: its file (in the outputs, or
     * the manifest's {@code notice}) is named *.xlsx.
     */
    boolean noticeWorkbook() {
        String key = noticeKey();
        if (key == null) {
            return false;
        }
        String file = key.equals(NOTICE_OUTSIDE) ? m.path("notice").path("file").asText() : key;
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    /** Whether the manifest lists {@code output} among the files the run wrote. */
    boolean lists(String output) {
        return m != null && m.path("outputs").has(output);
    }

    /**
     * The name the run gave each input, from the name it is given now: its own, if the manifest
     * names it so; else the manifest's entry in its place, if no input given now has that name (the
     * same files from another directory). Matching by content would need the inputs read first;
     * {@link #compare} says whether this guess was right.
     */
    UnaryOperator<String> runNames(List<InputFile> inputs) {
        List<String> given = inputs.stream().map(f -> f.path().toString()).toList();
        List<String> then = thenFiles();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            names.putIfAbsent(given.get(i), runName(given, then, i));
        }
        return name -> names.getOrDefault(name, name);
    }

    private static String runName(List<String> given, List<String> then, int i) {
        String now = given.get(i);
        if (then.contains(now) || i >= then.size() || given.contains(then.get(i))) {
            return now;
        }
        return then.get(i);
    }

    private List<String> thenFiles() {
        List<String> then = new ArrayList<>();
        if (m != null) {
            m.path("inputs").forEach(i -> then.add(i.path("file").asText()));
        }
        return then;
    }

    /**
     * Compares the manifest with what was read and recomputed now; says so in a note when there is
     * none, since then nothing but the report's rows could be checked.
     *
     * @param recomputed the SHA-256 of each output recomputed ({@link RecomputedOutputs}), by name
     */
    void compare(Policy policy, String reportSha, Totals totals, Map<String, String> recomputed,
            Consumer<Difference> out, Consumer<String> notes) throws IOException {
        if (unusable != null) {
            out.accept(unusable);
            return;
        }
        if (m == null) {
            notes.accept(texts.get("audit.manifest.none"));
            return;
        }
        String policySha = m.path("policy").path("sha256").asText();
        if (!policySha.equals(policy.sha256())) {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.policy_changed"), policySha,
                    policy.sha256()));
        }
        String none = none();
        String asOfThen = m.path("as_of").isTextual() ? m.path("as_of").asText() : none;
        String asOfNow = policy.asOf() == null ? none : policy.asOf().toString();
        if (!asOfThen.equals(asOfNow)) {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.as_of"), asOfThen, asOfNow));
        }
        if (policySha.equals(policy.sha256()) && asOfThen.equals(asOfNow)) { // else left_out follows them
            compareLeftOut(policy, out);
        }
        String versionThen = m.path("version").asText();
        if (m.path("version").isTextual() && !versionThen.equals(Version.get())) {
            notes.accept(texts.get("audit.manifest.version", versionThen, Version.get()));
        }
        boolean givenAsRun = compareInputs(m.path("inputs"), totals.inputs(), out);
        JsonNode listed = m.path("outputs").path(reportName);
        String written = listed.asText();
        if (!listed.isTextual()) { // the run wrote the other format only: this file is not one of its outputs
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.report_unlisted", reportName),
                    none(), reportSha));
        } else if (!written.isEmpty() && !written.equals(reportSha)) {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.report_edited", reportName),
                    written, reportSha));
        }
        compareRows(totals, out);
        compareControlTotals(totals, out);
        compareOutputs(recomputed, givenAsRun, out, notes);
        compareNotice(out, recomputed);
    }

    /**
     * The programs the policy has but not on the date: they follow from the policy and as_of, so this
     * is compared only when those agree, and a difference then means the manifest was edited.
     */
    private void compareLeftOut(Policy policy, Consumer<Difference> out) {
        List<String> then = new ArrayList<>();
        m.path("left_out").forEach(p -> then.add(p.asText()));
        if (!then.equals(policy.leftOut())) {
            out.accept(new Difference(Difference.MANIFEST, "left_out", listed(then), listed(policy.leftOut())));
        }
    }

    private String listed(List<String> items) {
        return items.isEmpty() ? none() : String.join("; ", items);
    }

    /** What stands where the manifest or the recomputation has nothing. */
    private String none() {
        return texts.get("audit.none");
    }

    /** rows {read, computed, rejected}: as the recomputation counts them. */
    private void compareRows(Totals totals, Consumer<Difference> out) {
        JsonNode rows = m.path("rows");
        count(out, "rows.read", rows.get("read"), totals.read());
        count(out, "rows.computed", rows.get("computed"), totals.computed());
        count(out, "rows.rejected", rows.get("rejected"), totals.rejected());
    }

    private void count(Consumer<Difference> out, String column, JsonNode then, long now) {
        String theirs = then == null ? none() : then.asText();
        if (!theirs.equals(Long.toString(now))) {
            out.accept(new Difference(Difference.MANIFEST, column, theirs, Long.toString(now)));
        }
    }

    /** control_totals: each program's amount and the total, compared as numbers; none more, none fewer. */
    private void compareControlTotals(Totals totals, Consumer<Difference> out) {
        JsonNode then = m.path("control_totals");
        List<String> ids = new ArrayList<>(totals.programIds());
        for (int i = 0; i < ids.size(); i++) {
            amount(out, ids.get(i), then.get(ids.get(i)), totals.amount(i));
        }
        amount(out, "total", then.get("total"), totals.total());
        ids.add("total");
        then.fieldNames().forEachRemaining(id -> {
            if (!ids.contains(id)) {
                out.accept(new Difference(Difference.MANIFEST, "control_totals." + id, then.get(id).asText(),
                        none()));
            }
        });
    }

    private void amount(Consumer<Difference> out, String id, JsonNode then, BigDecimal now) {
        String theirs = then == null ? none() : then.asText();
        boolean same;
        try {
            same = new BigDecimal(theirs.strip()).compareTo(now) == 0;
        } catch (NumberFormatException e) {
            same = false;
        }
        if (!same) {
            out.accept(new Difference(Difference.MANIFEST, "control_totals." + id, theirs, Money.format(now)));
        }
    }

    /**
     * Every output the manifest lists (but the report, compared row by row, and the manifest itself)
     * must be beside the report with the SHA-256 listed; each recomputed must be what was recomputed,
     * so that an edit of a file and of its hash in the manifest is still found.
     */
    private void compareOutputs(Map<String, String> recomputed, boolean givenAsRun, Consumer<Difference> out,
            Consumer<String> notes) throws IOException {
        JsonNode outputs = m.path("outputs");
        List<String> listed = new ArrayList<>();
        outputs.fieldNames().forEachRemaining(listed::add);
        for (String name : listed) {
            if (name.equals(reportName) || name.equals(Outputs.MANIFEST)) {
                continue;
            }
            String sha = outputs.get(name).asText();
            if (!isFileName(name)) {
                out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.not_a_file_name", name),
                        sha, none()));
                continue;
            }
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.output_missing", name), sha,
                        none()));
                continue;
            }
            String actual = Sha256.of(file);
            if (!actual.equals(sha)) {
                out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.output_edited", name), sha,
                        actual));
            }
            compareRecomputed(name, actual, recomputed, givenAsRun, out, notes);
        }
        for (Map.Entry<String, String> mine : recomputed.entrySet()) {
            if (!listed.contains(mine.getKey()) && !mine.getKey().equals(NOTICE_OUTSIDE)) { // every run writes it: the manifest was edited
                out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.output_unlisted",
                        mine.getKey()), none(), mine.getValue()));
                Path file = dir.resolve(mine.getKey());
                if (Files.isRegularFile(file)) {
                    compareRecomputed(mine.getKey(), Sha256.of(file), recomputed, givenAsRun, out, notes);
                }
            }
        }
        for (String name : OUTPUTS) {
            if (!listed.contains(name) && !recomputed.containsKey(name) && !name.equals(Outputs.MANIFEST)
                    && !name.equals(reportName)
                    && Files.isRegularFile(dir.resolve(name))) {
                notes.accept(texts.get("audit.manifest.stray_output", name));
            }
        }
    }

    private void compareRecomputed(String name, String actual, Map<String, String> recomputed,
            boolean givenAsRun, Consumer<Difference> out, Consumer<String> notes) {
        String mine = recomputed.get(name);
        if (mine == null || mine.equals(actual)) {
            return;
        }
        if ((name.equals(Outputs.REJECTED) || name.equals(XlsxOutputs.REJECTED)) && !givenAsRun) {
            notes.accept(texts.get("audit.manifest.rejected_not_recomputed", name));
        } else {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.output_differs", name), actual,
                    mine));
        }
    }

    /** A name that stays in the report's directory: no separator, not "." or "..". */
    private static boolean isFileName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0;
    }

    /** Every file a run may write in --out: the CSV files and the workbooks of --format xlsx|both. */
    static final List<String> OUTPUTS = java.util.stream.Stream.concat(Outputs.OUTPUTS.stream(),
            XlsxOutputs.names(XlsxOutputs.Format.XLSX).stream()).toList();

    /** The key a recomputed notice list written outside the directory is kept under. */
    static final String NOTICE_OUTSIDE = "(notice)";

    /**
     * Under which name to recompute the notice list: the name it has among the outputs when the run
     * wrote it in the directory, {@link #NOTICE_OUTSIDE} when elsewhere, null when it wrote none.
     */
    String noticeKey() {
        if (m == null) {
            return null;
        }
        if (m.get("notice") != null && !m.get("notice").isNull()) {
            return NOTICE_OUTSIDE;
        }
        List<String> names = new ArrayList<>();
        m.path("outputs").fieldNames().forEachRemaining(names::add);
        return names.stream().filter(n -> !OUTPUTS.contains(n) && isFileName(n)).findFirst().orElse(null);
    }

    /**
     * The public-notice list, written outside the directory, is where the manifest says (a relative
     * path from where calc ran, as the inputs' are), with the SHA-256 it says and the content recomputed.
     */
    private void compareNotice(Consumer<Difference> out, Map<String, String> recomputed) throws IOException {
        JsonNode notice = m.get("notice");
        if (notice == null || notice.isNull()) {
            return;
        }
        String file = notice.path("file").asText();
        String sha = notice.path("sha256").asText();
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            path = null;
        }
        if (path == null || file.isEmpty() || !Files.isRegularFile(path)) {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.notice_missing", file), sha,
                    none()));
            return;
        }
        String actual = Sha256.of(path);
        if (!actual.equals(sha)) {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.notice_edited", file), sha,
                    actual));
        }
        String mine = recomputed.get(NOTICE_OUTSIDE);
        if (mine != null && !mine.equals(actual)) {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.notice_differs", file), actual,
                    mine));
        }
    }

    /**
     * Matches each input to the manifest's by name and content, then by content, then by name: an
     * auditor may give the same files by other paths, or in another order, which is named once, since
     * the first row of an id wins; a file whose name matches but whose content does not has changed.
     *
     * @return whether each input was matched, in the manifest's order, to the entry {@link #runNames}
     *     took it for, and none is left over: then the inputs were named as the run named them
     */
    private boolean compareInputs(JsonNode was, List<InputStats> inputs, Consumer<Difference> out) {
        List<String> thenFiles = new ArrayList<>();
        List<String> thenShas = new ArrayList<>();
        was.forEach(i -> {
            thenFiles.add(i.path("file").asText());
            thenShas.add(i.path("sha256").asText());
        });
        int[] match = new int[inputs.size()];
        Arrays.fill(match, -1);
        boolean[] taken = new boolean[thenShas.size()];
        // Name and content first, so that of two files with one content each keeps its own entry.
        for (int i = 0; i < inputs.size(); i++) {
            InputStats now = inputs.get(i);
            match[i] = unmatched(taken,
                    j -> thenFiles.get(j).equals(now.file()) && thenShas.get(j).equals(now.sha256()));
        }
        // Then content alone, but not an entry whose name is given too: that file is that entry.
        List<String> given = inputs.stream().map(InputStats::file).toList();
        for (int i = 0; i < inputs.size(); i++) {
            InputStats now = inputs.get(i);
            if (match[i] < 0) {
                match[i] = unmatched(taken,
                        j -> thenShas.get(j).equals(now.sha256()) && !given.contains(thenFiles.get(j)));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (match[i] < 0) {
                InputStats now = inputs.get(i);
                match[i] = unmatched(taken, j -> thenFiles.get(j).equals(now.file()));
                out.accept(match[i] < 0
                        ? new Difference(Difference.MANIFEST, texts.get("audit.manifest.input_unlisted", now.file()),
                                none(), now.sha256())
                        : new Difference(Difference.MANIFEST, texts.get("audit.manifest.input_changed", now.file()),
                                thenShas.get(match[i]), now.sha256()));
            }
        }
        for (int j = 0; j < taken.length; j++) {
            if (!taken[j]) {
                out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.input_not_given",
                        thenFiles.get(j)), thenShas.get(j), none()));
            }
        }
        boolean inOrder = true;
        for (int i = 1; i < match.length; i++) {
            inOrder &= match[i] < 0 || match[i - 1] < 0 || match[i] > match[i - 1];
        }
        // An input unchanged, given in the run's order, was read as the run read it: its counts are the
        // manifest's, or it was edited. In another order, which row of an id wins changes, and they follow.
        List<JsonNode> entries = new ArrayList<>();
        was.forEach(entries::add);
        for (int i = 0; i < inputs.size(); i++) {
            InputStats now = inputs.get(i);
            if (inOrder && match[i] >= 0 && thenShas.get(match[i]).equals(now.sha256())) {
                JsonNode then = entries.get(match[i]);
                String input = now.file();
                count(out, inputCount(input, "rows_read"), then.get("rows_read"), now.rowsRead());
                count(out, inputCount(input, "rows_computed"), then.get("rows_computed"), now.rowsAccepted());
                count(out, inputCount(input, "rows_rejected"), then.get("rows_rejected"), now.rowsRejected());
                count(out, inputCount(input, "header_line"), then.get("header_line"), now.headerLine());
                count(out, inputCount(input, "rows_above_header"), then.get("rows_above_header"), now.aboveHeader());
                count(out, inputCount(input, "empty_rows_ignored"), then.get("empty_rows_ignored"), now.emptyRows());
            }
        }
        if (!inOrder) {
            out.accept(new Difference(Difference.MANIFEST, texts.get("audit.manifest.input_order"),
                    String.join(", ", thenFiles),
                    String.join(", ", inputs.stream().map(InputStats::file).toList())));
        }
        boolean asRun = inOrder && match.length == thenFiles.size();
        for (int i = 0; i < match.length; i++) {
            asRun &= match[i] >= 0 && thenFiles.get(match[i]).equals(runName(given, thenFiles, i));
        }
        return asRun;
    }

    /** An input's count in the manifest, by its file and the manifest's key for the count. */
    private String inputCount(String file, String key) {
        return texts.get("audit.manifest.input_count", file, key);
    }

    /** The first manifest entry not yet taken that {@code fits}, now taken; or -1. */
    private static int unmatched(boolean[] taken, IntPredicate fits) {
        for (int j = 0; j < taken.length; j++) {
            if (!taken[j] && fits.test(j)) {
                taken[j] = true;
                return j;
            }
        }
        return -1;
    }
}
