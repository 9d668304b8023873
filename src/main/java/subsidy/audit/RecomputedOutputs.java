package subsidy.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import subsidy.Sha256;
import subsidy.calc.EntityResult;
import subsidy.calc.Totals;
import subsidy.input.Rejection;
import subsidy.policy.Policy;
import subsidy.report.Csv;
import subsidy.report.CsvLine;
import subsidy.report.DetailsTable;
import subsidy.report.NoticeList;
import subsidy.report.Outputs;
import subsidy.report.RejectedTable;
import subsidy.report.ReportTable;
import subsidy.report.XlsxOutputs;
import subsidy.report.SizeCheck;
import subsidy.report.Summary;
import subsidy.text.Texts;

/**
 * rejected.csv, size_check.csv, summary.csv and (when asked) details.csv and the notice list as calc would write them,
 * and with {@code --format xlsx|both} the workbooks and the report of the other format,
 * from the rows verify recomputes, kept as SHA-256 digests only: each is rendered by the table that
 * writes it, byte-order mark first, into a digest over a null stream, so no file is held in memory.
 * Rows are fed in input order ({@link #computed}, {@link #rejected}); {@link #digests} ends them.
 */
final class RecomputedOutputs {
    /** A computed row's lines of size_check.csv, details.csv and report.csv (any but the first may be null). */
    record Rendered(byte[] sizeCheck, byte[] details, byte[] report) {
    }

    /**
     * Which of the run's files are recomputed beside those every run writes: its CSV tables
     * (rejected.csv, summary.csv), its workbooks (report.xlsx, rejected.xlsx, summary.xlsx, from
     * {@code --format xlsx|both}), and the report given to verify, whose rows are compared instead.
     *
     * @param csv      the run wrote the CSV tables (its manifest lists report.csv)
     * @param xlsx     the run wrote the workbooks (its manifest lists report.xlsx)
     * @param verified the name of the report verify reads row by row (report.csv or report.xlsx): not recomputed
     * @param table    the report's table as the run wrote it, for the report that is recomputed as bytes
     * @param noticeWorkbook the notice list was written as a workbook (its file is named *.xlsx)
     */
    record Formats(boolean csv, boolean xlsx, String verified, ReportTable table, boolean noticeWorkbook) {
        /** As before workbooks: the CSV tables, report.csv verified by rows. */
        static Formats csvOnly(ReportTable table) {
            return new Formats(true, false, Outputs.REPORT, table, false);
        }
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Policy policy;
    /** The language the run wrote its files in, which they are recomputed in. */
    private final Texts written;
    private final DetailsTable detailsTable;
    private final RejectedTable rejectedTable;
    private final UnaryOperator<String> runName;
    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();
    private final Csv rejected;
    private final SizeCheck sizeCheck;
    private final Formats files;
    /** report.csv recomputed, when the run wrote it and verify reads the workbook; else null. */
    private final Csv report;
    /** The workbooks recomputed, when the run wrote them; else null. */
    private final XlsxOutputs workbooks;
    /** Whether report.xlsx is recomputed (not when it is the report verify reads). */
    private final boolean reportWorkbook;
    private final Csv details;
    /** The notice list, when the run wrote one, and the name its digest is kept under. */
    private final NoticeList notice;
    private final String noticeName;
    /** Each worker thread renders its rows in a buffer of its own, as calc's do. */
    private final ThreadLocal<CsvLine> line = ThreadLocal.withInitial(CsvLine::new);

    /**
     * @param sharedHeader the header every input shares, or null ({@link RejectedTable#sharedHeader})
     * @param details      also recompute details.csv
     * @param runName      the name the run gave an input, from the name it is given now
     * @param noticeName   the name to keep the notice list's digest under, or null when the run wrote none
     * @param written      the language the run wrote its files in (the manifest's {@code "lang"})
     * @param period       the batch's month the run named (the manifest's {@code "period"}), or null
     */
    RecomputedOutputs(Policy policy, List<String> sharedHeader, boolean details, UnaryOperator<String> runName,
            String noticeName, Texts written, String period) throws IOException {
        this(policy, sharedHeader, details, runName, noticeName, written, period,
                Formats.csvOnly(new ReportTable(policy, written)));
    }

    /** @param files which of the run's tables and workbooks to recompute */
    RecomputedOutputs(Policy policy, List<String> sharedHeader, boolean details, UnaryOperator<String> runName,
            String noticeName, Texts written, String period, Formats files) throws IOException {
        this.written = written;
        this.files = files;
        this.notice = noticeName == null ? null : new NoticeList(policy, written, period);
        this.noticeName = noticeName;
        this.policy = policy;
        this.detailsTable = details ? new DetailsTable(policy, written) : null;
        this.rejectedTable = new RejectedTable(sharedHeader, written);
        this.runName = runName;
        rejected = files.csv() ? Csv.open(stream(Outputs.REJECTED), rejectedTable.header()) : null;
        sizeCheck = policy.households() ? SizeCheck.none() : new SizeCheck(stream(Outputs.SIZE_CHECK), written);
        this.details = details ? Csv.open(stream(Outputs.DETAILS), detailsTable.header()) : null;
        report = files.csv() && !files.verified().equals(Outputs.REPORT)
                ? Csv.open(stream(Outputs.REPORT), files.table().header()) : null;
        reportWorkbook = files.xlsx() && !files.verified().equals(XlsxOutputs.REPORT);
        // The workbooks as calc writes them (XlsxWriter's bytes depend on the cells only), into digests;
        // the one verify reads row by row goes nowhere, and gets no rows.
        workbooks = files.xlsx() ? XlsxOutputs.open(XlsxOutputs.Format.XLSX,
                (name, bom) -> name.equals(XlsxOutputs.REPORT) && !reportWorkbook ? OutputStream.nullOutputStream()
                        : stream(name, false),
                files.table(), rejectedTable, written) : null;
    }

    /** A null stream that keeps the SHA-256 of what is written to it under {@code name}, mark included. */
    private OutputStream stream(String name) throws IOException {
        return stream(name, true);
    }

    /** As {@link #stream(String)}; a workbook has no byte-order mark. */
    private OutputStream stream(String name, boolean bom) throws IOException {
        MessageDigest digest = Sha256.digest();
        digests.put(name, digest);
        OutputStream out = new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                1 << 16);
        if (bom) {
            out.write(BOM);
        }
        return out;
    }

    /** Any thread, any order, as {@link subsidy.calc.ResultSink#render} is. */
    Rendered render(EntityResult r) {
        CsvLine l = line.get();
        byte[] size = sizeCheck.render(r, l);
        byte[] detail = detailsTable == null ? null : detailsTable.render(r, l);
        return new Rendered(size, detail, report == null ? null : files.table().render(r, l));
    }

    void computed(EntityResult r, Rendered rendered) throws IOException {
        if (notice != null) {
            notice.add(r);
        }
        sizeCheck.write(rendered.sizeCheck());
        if (details != null) {
            details.write(rendered.details());
        }
        if (report != null) {
            report.write(rendered.report());
        }
        if (reportWorkbook) {
            workbooks.report(r);
        }
    }

    void rejected(Rejection r) throws IOException {
        String name = runName.apply(r.file());
        Rejection asRun = name.equals(r.file()) ? r
                : r.inFile(name);
        if (rejected != null) {
            rejected.row(rejectedTable.row(asRun));
        }
        if (workbooks != null) {
            workbooks.rejected(asRun);
        }
    }

    /**
     * A hire list's part, as calc writes it after the firms' rows: its bad rows in rejected.csv, and
     * hires.csv, each hire's outcome.
     */
    void hires(subsidy.hire.HireRun run) throws IOException {
        for (Rejection r : run.list().rejected()) {
            rejected(r);
        }
        subsidy.report.HiresTable.write(run, stream(Outputs.HIRES, true), written);
    }

    /**
     * Writes summary.csv (and summary.xlsx) from the run's totals and ends every file: their SHA-256, by file
     * name.
     */
    Map<String, String> digests(Totals totals) throws IOException {
        if (rejected != null) {
            rejected.close();
        }
        sizeCheck.close();
        if (details != null) {
            details.close();
        }
        if (report != null) {
            report.close();
        }
        if (files.csv()) {
            try (Writer summary = new OutputStreamWriter(stream(Outputs.SUMMARY), StandardCharsets.UTF_8)) {
                Summary.writeCsv(policy, totals, summary, written);
            }
        }
        if (workbooks != null) {
            workbooks.finish(policy, totals); // ends report.xlsx and rejected.xlsx, writes summary.xlsx
        }
        if (notice != null && files.noticeWorkbook()) {
            try (OutputStream list = stream(noticeName, false)) {
                XlsxOutputs.notice(notice, list, written);
            }
        } else if (notice != null) {
            try (Writer list = new OutputStreamWriter(stream(noticeName), StandardCharsets.UTF_8)) {
                notice.write(list);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        digests.forEach((name, digest) -> out.put(name, Sha256.hex(digest)));
        return out;
    }
}
