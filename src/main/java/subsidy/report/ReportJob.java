package subsidy.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import subsidy.calc.Batch;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.calc.Progress;
import subsidy.calc.ResultSink;
import subsidy.calc.Totals;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.policy.Policy;

/**
 * A whole calc run with its outputs (SPEC §6): with an output directory, report.csv, rejected.csv,
 * summary.csv, manifest.json and optionally details.csv, all committed together at the end; without
 * one, the report on standard output and the summary and rejections on standard error.
 */
public final class ReportJob {
    public static final String REPORT = "report.csv";
    public static final String REJECTED = "rejected.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String DETAILS = "details.csv";
    public static final String MANIFEST = "manifest.json";
    public static final String SIZE_CHECK = "size_check.csv";
    /** Every file a run may write in --out. */
    public static final List<String> OUTPUTS = List.of(REPORT, REJECTED, SIZE_CHECK, SUMMARY, MANIFEST, DETAILS);

    /**
     * @param outDir  null to write the report to standard output
     * @param details also write details.csv (needs outDir)
     * @param force   replace an existing report in outDir
     * @param notice  also write the public-notice list to this file, or null
     * @param progress told how far the run has got (for a display on a terminal)
     */
    public record Options(Path outDir, boolean details, boolean force, Path notice, Progress progress) {
        public Options {
            progress = progress == null ? Progress.NONE : progress;
        }

        public Options(Path outDir, boolean details, boolean force, Path notice) {
            this(outDir, details, force, notice, Progress.NONE);
        }
    }

    /** Each worker thread formats its rows in a buffer of its own. */
    private static final ThreadLocal<CsvLine> LINE = ThreadLocal.withInitial(CsvLine::new);

    /** A computed row as the report (and details.csv, if written) will hold it. */
    private record Rendered(byte[] report, byte[] details, byte[] sizeCheck) {
    }

    private final Policy policy;
    private final Options options;
    private final OutputDir.Opener opener;

    public ReportJob(Policy policy, Options options) {
        this(policy, options, OutputDir.FILES);
    }

    ReportJob(Policy policy, Options options, OutputDir.Opener opener) {
        this.policy = Objects.requireNonNull(policy);
        this.options = options;
        this.opener = opener;
    }

    /** Runs the batch; the inputs' headers must have been read already (see {@link InputFile#header()}). */
    public Totals run(List<InputFile> inputs, List<String> sharedHeader, PrintStream stdout, PrintStream stderr)
            throws InputException, IOException {
        ReportTable table = new ReportTable(policy);
        DetailsTable detailsTable = new DetailsTable(policy);
        RejectedTable rejectedTable = new RejectedTable(sharedHeader);
        Batch batch = new Batch(new Calculator(policy));
        // Both places are checked before either is created and before the first row: nothing is
        // written (not even a report to standard output) when either cannot be.
        if (options.outDir() != null) {
            OutputDir.check(options.outDir(), names(), retired(), options.force());
        }
        try (OutputDir noticeDir = noticeDir()) {
            return options.outDir() == null ? toStreams(batch, inputs, table, stdout, stderr, noticeDir)
                    : toDirectory(batch, inputs, table, detailsTable, rejectedTable, stderr, noticeDir);
        }
    }

    /** The files this run writes in --out. */
    private List<String> names() {
        List<String> names = new ArrayList<>(List.of(REPORT, REJECTED, SIZE_CHECK, SUMMARY, MANIFEST));
        if (options.details()) {
            names.add(DETAILS);
        }
        return names;
    }

    /** The files an earlier run may have left in --out that this one replaces by their absence. */
    private List<String> retired() {
        return options.details() ? List.of() : List.of(DETAILS);
    }

    /** The notice goes wherever the clerk says, so it is made atomic on its own; null without --notice. */
    private OutputDir noticeDir() throws IOException {
        if (options.notice() == null) {
            return null;
        }
        Path target = options.notice().toAbsolutePath();
        return OutputDir.prepare(target.getParent(), List.of(target.getFileName().toString()), List.of(),
                options.force(), opener);
    }

    private Totals toDirectory(Batch batch, List<InputFile> inputs, ReportTable table, DetailsTable detailsTable,
            RejectedTable rejectedTable, PrintStream stderr, OutputDir noticeDir) throws InputException, IOException {
        NoticeList notice = options.notice() == null ? null : new NoticeList(policy);
        try (OutputDir dir = OutputDir.prepare(options.outDir(), names(), retired(), options.force(), opener)) {
            Totals totals;
            try (Csv report = Csv.open(dir.openStream(REPORT, true), table.header());
                    Csv rejected = Csv.open(dir.openStream(REJECTED, true), rejectedTable.header());
                    SizeCheck sizeCheck = new SizeCheck(dir.openStream(SIZE_CHECK, true));
                    Csv details = options.details()
                            ? Csv.open(dir.openStream(DETAILS, true), DetailsTable.HEADER) : null) {
                totals = batch.run(inputs, new ResultSink<Rendered>() {
                    @Override
                    public Rendered render(EntityResult r) {
                        CsvLine line = LINE.get();
                        return new Rendered(table.render(r, line),
                                details == null ? null : detailsTable.render(r, line), sizeCheck.render(r, line));
                    }

                    @Override
                    public void computed(EntityResult r, Rendered rendered) throws IOException {
                        report.write(rendered.report());
                        sizeCheck.write(rendered.sizeCheck());
                        if (notice != null) {
                            notice.add(r);
                        }
                        if (details != null) {
                            details.write(rendered.details());
                        }
                    }

                    @Override
                    public void rejected(Rejection r) throws IOException {
                        rejected.row(rejectedTable.row(r));
                    }
                }, options.progress());
            }
            try (Writer summaryOut = dir.open(SUMMARY, true)) {
                Summary.writeCsv(policy, totals, summaryOut);
            }
            if (notice != null) {
                writeNotice(noticeDir, notice);
            }
            var written = dir.digests();
            try (Writer manifestOut = dir.open(MANIFEST, false)) {
                Manifest.write(policy, totals, written, manifestOut);
            }
            dir.commit();
            if (noticeDir != null) {
                noticeDir.commit();
            }
            dir.leftovers().forEach(f -> stderr.println("subsidy: warning: " + f
                    + " is from an earlier run and could not be deleted; it does not belong to this report"));
            Summary.print(policy, totals, stderr);
            stderr.println("subsidy: wrote " + options.outDir());
            return totals;
        }
    }

    /** Writes the notice under its temporary name; it is committed after the report, as its last part. */
    private void writeNotice(OutputDir noticeDir, NoticeList notice) throws IOException {
        try (Writer out = noticeDir.open(options.notice().getFileName().toString(), true)) {
            notice.write(out);
        }
    }

    private Totals toStreams(Batch batch, List<InputFile> inputs, ReportTable table, PrintStream stdout,
            PrintStream stderr, OutputDir noticeDir) throws InputException, IOException {
        Csv report = Csv.open(new BufferedOutputStream(stdout, 1 << 16), table.header());
        NoticeList notice = options.notice() == null ? null : new NoticeList(policy);
        Totals totals = batch.run(inputs, new ResultSink<byte[]>() {
            @Override
            public byte[] render(EntityResult r) {
                return table.render(r, LINE.get());
            }

            @Override
            public void computed(EntityResult r, byte[] row) throws IOException {
                report.write(row);
                if (notice != null) {
                    notice.add(r);
                }
            }

            @Override
            public void rejected(Rejection r) {
                stderr.println("rejected: " + r.file() + " line " + r.line() + ": " + String.join("; ", r.reasons()));
            }
        }, options.progress());
        report.flush();
        if (notice != null) {
            writeNotice(noticeDir, notice);
            noticeDir.commit();
        }
        Summary.print(policy, totals, stderr);
        return totals;
    }
}
