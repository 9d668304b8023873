package subsidy.run;

import subsidy.text.Msg;
import subsidy.text.TextIOException;
import subsidy.text.Texts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import subsidy.calc.Batch;
import subsidy.calc.Calculator;
import subsidy.calc.EntityResult;
import subsidy.calc.Progress;
import subsidy.calc.ResultSink;
import subsidy.calc.Totals;
import subsidy.input.Escape;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.Rejection;
import subsidy.policy.Policy;
import subsidy.report.Csv;
import subsidy.report.CsvLine;
import subsidy.report.DetailsTable;
import subsidy.config.Configuration;
import subsidy.report.Manifest;
import subsidy.report.NoticeList;
import subsidy.report.Outputs;
import subsidy.report.RejectedTable;
import subsidy.report.ReportTable;
import subsidy.report.SizeCheck;
import subsidy.report.Summary;
import subsidy.report.XlsxOutputs;

/**
 * A whole calc run with its outputs (SPEC §6): with an output directory, report.csv, rejected.csv,
 * summary.csv, manifest.json and optionally details.csv, all committed together at the end; without
 * one, the report on standard output and the summary and rejections on standard error.
 */
public final class ReportJob {
    /**
     * @param outDir   null to write the report to standard output
     * @param details  also write details.csv (needs outDir)
     * @param force    replace an existing report in outDir (the replaced one is kept, see {@link OutputDir})
     * @param notice   also write the public-notice list to this file, or null; directly inside outDir it is
     *                 one of the set, elsewhere it is committed right after the set
     * @param progress told how far the run has got (for a display on a terminal)
     * @param keep     how many replaced sets of outDir to keep
     * @param ledger   the ledger the run computes against and records its batch in, or null
     * @param texts    the language of the outputs and of what the run says (--lang)
     * @param period   the batch's period (--period, "2022-06"), named by the notice list; or null
     * @param config   the configuration the command line read, recorded in the manifest ({@code "config"})
     *                 when it read any; null: none
     */
    public record Options(Path outDir, boolean details, boolean force, Path notice, Progress progress, int keep,
            Recording.Options ledger, Texts texts, String period, Configuration config) {
        public Options {
            progress = progress == null ? Progress.NONE : progress;
            texts = texts == null ? Texts.EN : texts;
            config = config == null ? Configuration.NONE : config;
        }

        public Options(Path outDir, boolean details, boolean force, Path notice, Progress progress, int keep,
                Recording.Options ledger, Texts texts, String period) {
            this(outDir, details, force, notice, progress, keep, ledger, texts, period, Configuration.NONE);
        }

        public Options(Path outDir, boolean details, boolean force, Path notice, Progress progress, int keep,
                Recording.Options ledger) {
            this(outDir, details, force, notice, progress, keep, ledger, Texts.EN,
                    ledger == null ? null : ledger.period());
        }

        public Options(Path outDir, boolean details, boolean force, Path notice, Progress progress, int keep) {
            this(outDir, details, force, notice, progress, keep, null);
        }

        public Options(Path outDir, boolean details, boolean force, Path notice) {
            this(outDir, details, force, notice, Progress.NONE, OutputDir.KEEP);
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
    private final int workers;
    private XlsxOutputs.Format format = XlsxOutputs.Format.CSV;
    /** --hires: the hire list, its encoding (null: detected); null without one. */
    private Path hiresFile;
    private java.nio.charset.Charset hiresEncoding;
    /** The hire list's outcome once the run has computed (null without one). */
    private subsidy.hire.HireRun hireRun;

    public ReportJob(Policy policy, Options options) {
        this(policy, options, OutputDir.FILES);
    }

    ReportJob(Policy policy, Options options, OutputDir.Opener opener) {
        this(policy, options, opener, PER_CORE);
    }

    /** {@link #workers(boolean)}: as many as the machine's cores, one fewer beside a ledger's writer. */
    static final int PER_CORE = -1;

    /** @param workers the batch's worker threads ({@link #PER_CORE} in a real run; a test sets a number) */
    ReportJob(Policy policy, Options options, OutputDir.Opener opener, int workers) {
        this.policy = Objects.requireNonNull(policy);
        this.options = options;
        this.opener = opener;
        this.workers = workers;
    }

    /**
     * The batch's workers: one per core; with a ledger one fewer (at least one), since its writer thread
     * (the payments, the states) and at the run's ends the threads reading and writing the states run
     * beside them and the ordering thread. On two cores, paired million-row runs with one worker against
     * two: 9.15–9.70 against 9.69–10.08 s (SQLite), 9.06–9.80 against 9.25–10.90 s (PostgreSQL), every
     * pair; bench/README.md, session 17.
     */
    private int workers(boolean ledger) {
        return workers != PER_CORE ? workers : perCore(Runtime.getRuntime().availableProcessors(), ledger);
    }

    /** {@link #workers(boolean)} on {@code cores} cores. */
    static int perCore(int cores, boolean ledger) {
        return ledger ? Math.max(1, cores - 1) : Math.max(1, cores);
    }

    /**
     * --hires: the programs a hire list covers count its persons, each once, instead of the firms' count
     * columns; hires.csv lists each hire's outcome. Needs --out.
     *
     * @param encoding the list's encoding, or null to detect UTF-8 or GBK
     */
    public ReportJob hires(Path file, java.nio.charset.Charset encoding) {
        hiresFile = file;
        hiresEncoding = encoding;
        return this;
    }

    /** The hire list's outcome after {@link #run}, or null when the run had none. */
    public subsidy.hire.HireRun hireRun() {
        return hireRun;
    }

    /** --format: the workbooks written in --out beside the CSV tables, or instead of them. */
    public ReportJob format(XlsxOutputs.Format f) {
        format = f;
        return this;
    }

    /**
     * The places a run writes, checked and, for --out, taken (locked) before the first input is read:
     * a slow pipe as input must not leave --out to another run meanwhile. Close it when the run is over.
     */
    public static final class Target implements AutoCloseable {
        private final OutputDir dir;
        private final boolean noticeInside;

        private Target(OutputDir dir, boolean noticeInside) {
            this.dir = dir;
            this.noticeInside = noticeInside;
        }

        @Override
        public void close() {
            if (dir != null) {
                dir.close();
            }
        }
    }

    /**
     * Checks both places before either is created: nothing is written (not even a report to standard
     * output) when either cannot be. Then locks --out, saying on {@code stderr} what it finds there
     * (an interrupted commit finished, a killed run's files deleted).
     */
    public Target prepare(PrintStream stderr) throws IOException {
        boolean noticeInside = noticeInside();
        // The notice's place is checked first; --out's is checked by OutputDir.prepare before it makes anything.
        if (options.notice() != null && !noticeInside) {
            AtomicFile.check(options.notice(), options.force());
        }
        java.util.function.Consumer<String> note = n -> stderr.println(texts().get("run.say_note", Escape.controls(n)));
        OutputDir.LedgerCheck check = OutputDir.LedgerCheck.NONE;
        if (options.ledger() != null) {
            // Batches whose files a stopped run left unfinished are settled first, wherever they were written.
            Recording.settle(options.ledger().ledger(), Clock.systemUTC(), note, texts());
            check = Recording.check(options.ledger().ledger());
        }
        if (options.outDir() == null) {
            return new Target(null, false);
        }
        return new Target(OutputDir.prepare(options.outDir(), options.force(), options.keep(), opener,
                Clock.systemUTC(), note, check, texts()), noticeInside);
    }

    private Texts texts() {
        return options.texts();
    }

    /** {@link #prepare} and {@link #run(Target, List, List, OutputStream, PrintStream)} in one. */
    public Totals run(List<InputFile> inputs, List<String> sharedHeader, OutputStream stdout, PrintStream stderr)
            throws InputException, IOException {
        try (Target target = prepare(stderr)) {
            return run(target, inputs, sharedHeader, stdout, stderr);
        }
    }

    /**
     * Runs the batch; the inputs' headers must have been read already (see {@link InputFile#header()}).
     *
     * @param stdout where the report goes without an output directory; its write failures stop the run
     * @param stderr the summary, notes and (without an output directory) the rejected rows
     */
    public Totals run(Target target, List<InputFile> inputs, List<String> sharedHeader, OutputStream stdout,
            PrintStream stderr) throws InputException, IOException {
        Texts texts = texts();
        // A report on standard output masks a household head's number: a terminal may show it.
        ReportTable table = new ReportTable(policy, texts, target.dir == null);
        subsidy.hire.HireList hireList = null;
        if (hiresFile != null) {
            if (target.dir == null) {
                throw new IllegalStateException("--hires needs --out");
            }
            hireList = subsidy.hire.HireList.read(hiresFile, hiresFile.toString(), hiresEncoding);
        }
        if (options.ledger() == null) {
            Calculator calculator = new Calculator(policy, texts);
            if (hireList != null) {
                hireRun = subsidy.hire.HireRun.assign(policy, hireList, null);
                calculator = calculator.withHires(hireRun);
            }
            Batch batch = new Batch(calculator, workers(false));
            if (target.dir == null) {
                return toStreams(batch, inputs, table, stdout, stderr, null);
            }
            return toDirectory(target.dir, batch, inputs, table, new DetailsTable(policy, texts),
                    new RejectedTable(sharedHeader, texts), stderr, target.noticeInside, null);
        }
        try (Recording ledger = Recording.begin(options.ledger(), policy,
                target.dir == null ? null : target.dir.path().toString(),
                target.dir == null ? null : target.dir.runName())) {
            Calculator calculator = ledger.calculator(new Calculator(policy, texts));
            if (hireList != null) {
                ledger.alsoRead(hireList.file(), hireList.sha256());
                hireRun = subsidy.hire.HireRun.assign(policy, hireList,
                        ledger.hiredPersons(subsidy.hire.HireRun.coveredPrograms(policy)));
                calculator = calculator.withHires(hireRun);
            }
            ledger.expectInput(inputs.stream().mapToLong(InputFile::size).sum());
            Batch batch = new Batch(calculator, workers(true), ledger.priors());
            if (target.dir == null) {
                return toStreams(batch, inputs, table, stdout, stderr, ledger);
            }
            return toDirectory(target.dir, batch, inputs, table, new DetailsTable(policy, texts),
                    new RejectedTable(sharedHeader, texts), stderr, target.noticeInside, ledger);
        }
    }

    /**
     * Whether the notice list is to be written directly in --out, as a file of its set: decided on the
     * paths as the file system resolves them, as the command line's checks decide it (cli/Places).
     */
    private boolean noticeInside() {
        if (options.notice() == null || options.outDir() == null) {
            return false;
        }
        Path parent = OutputDir.real(options.notice()).getParent();
        return parent != null && parent.equals(OutputDir.real(options.outDir()));
    }

    private Totals toDirectory(OutputDir dir, Batch batch, List<InputFile> inputs, ReportTable table,
            DetailsTable detailsTable, RejectedTable rejectedTable, PrintStream stderr, boolean noticeInside,
            Recording ledger) throws InputException, IOException {
        Texts texts = texts();
        NoticeList notice = options.notice() == null ? null : new NoticeList(policy, texts, options.period());
        Totals totals;
        try (Csv report = Csv.open(format.csv() ? dir.openStream(Outputs.REPORT, true) : OutputStream.nullOutputStream(),
                table.header());
                Csv rejected = Csv.open(format.csv() ? dir.openStream(Outputs.REJECTED, true)
                        : OutputStream.nullOutputStream(), rejectedTable.header());
                XlsxOutputs xlsx = XlsxOutputs.open(format, dir::openStream, table, rejectedTable, texts);
                SizeCheck sizeCheck = policy.households() ? SizeCheck.none()
                        : new SizeCheck(dir.openStream(Outputs.SIZE_CHECK, true), texts);
                Csv details = options.details()
                        ? Csv.open(dir.openStream(Outputs.DETAILS, true), detailsTable.header()) : null) {
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
                    if (xlsx != null) {
                        xlsx.report(r);
                    }
                    if (ledger != null) {
                        ledger.record(r);
                    }
                    if (hireRun != null) {
                        hireRun.computed(r);
                    }
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
                    if (xlsx != null) {
                        xlsx.rejected(r);
                    }
                    if (hireRun != null) {
                        hireRun.rejected(r);
                    }
                }
            }, options.progress());
            if (hireRun != null) {
                // The hire rows that could not be read follow the firms' rows, with their file and line.
                for (Rejection r : hireRun.list().rejected()) {
                    rejected.row(rejectedTable.row(r));
                    if (xlsx != null) {
                        xlsx.rejected(r);
                    }
                }
                subsidy.report.HiresTable.write(hireRun, dir.openStream(Outputs.HIRES, true), texts);
            }
            if (xlsx != null) {
                xlsx.finish(policy, totals);
            }
        }
        if (format.csv()) {
            try (Writer summaryOut = dir.open(Outputs.SUMMARY, true)) {
                Summary.writeCsv(policy, totals, summaryOut, texts);
            }
        }
        Manifest.Notice outside = null;
        if (notice != null && noticeInside && XlsxOutputs.isWorkbook(options.notice())) {
            try (OutputStream out = dir.openStream(options.notice().getFileName().toString(), false)) {
                XlsxOutputs.notice(notice, out, texts());
            }
        } else if (notice != null && noticeInside) {
            try (Writer out = dir.open(options.notice().getFileName().toString(), true)) {
                notice.write(out);
            }
        } else if (notice != null) {
            AtomicFile file = AtomicFile.prepare(options.notice(), options.force(), opener);
            dir.attach(file);
            writeNotice(file, notice);
            outside = new Manifest.Notice(options.notice().toString(), file.sha256());
        }
        if (ledger != null) {
            ledger.finish(totals); // inputs already recorded for the period are refused here: nothing written
            if (hireRun != null) {
                ledger.recordHires(hireRun.ledgerRows());
            }
        }
        var written = dir.digests();
        try (Writer manifestOut = dir.open(Outputs.MANIFEST, false)) {
            Manifest.write(policy, totals, written, outside, ledger == null ? null : ledger.manifest(), texts.lang(),
                    options.period(), options.config().manifest(), hireRun == null ? null : hiresManifest(), manifestOut);
        }
        try {
            if (ledger == null) {
                dir.commit();
            } else {
                // A dry run's files are no batch's view: its journal names none, and its "commit" rolls back.
                dir.commit(ledger.dryRun() ? null : ledger.ledgerId(), ledger.dryRun() ? null : ledger.batch(),
                        ledger::commit);
                if (ledger.recorded()) {
                    ledger.filesDone(w -> stderr.println(texts.get("run.say_warning", w)), texts);
                }
            }
        } finally {
            dir.warnings().forEach(w -> stderr.println(texts.get("run.say_warning", w)));
        }
        Summary.print(policy, totals, stderr, texts);
        if (hireRun != null) {
            subsidy.hire.HireRun.Counts c = hireRun.counts();
            stderr.println(texts.get("run.say", texts.get("hires.summary", Escape.controls(hireRun.list().file()),
                    c.read(), c.paidPersons(), subsidy.money.Money.format(c.total()), c.zeroRows(), c.rejected())));
        }
        sayRecorded(ledger, stderr);
        String out = Escape.controls(options.outDir().toString());
        stderr.println(dir.replaced() != null
                ? texts.get("run.wrote_keeping", out, Escape.controls(dir.replaced().toString()))
                : texts.get(dir.replacedDeleted() ? "run.wrote_deleting" : "run.wrote", out));
        return totals;
    }

    /** manifest.json's {@code hires}: the hire list, its SHA-256 and how many rows were read, paid, rejected. */
    private java.util.Map<String, Object> hiresManifest() {
        subsidy.hire.HireList l = hireRun.list();
        subsidy.hire.HireRun.Counts c = hireRun.counts();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("file", l.file());
        m.put("sha256", l.sha256());
        m.put("encoding", l.encoding());
        m.put("programs", List.copyOf(hireRun.programs()));
        m.put("header_line", l.headerLine());
        m.put("empty_rows_ignored", l.emptyRows());
        m.put("rows_read", c.read());
        m.put("rows_paid", c.paidRows());
        m.put("rows_paid_nothing", c.zeroRows());
        m.put("rows_rejected", c.rejected());
        m.put("persons_paid", c.paidPersons());
        m.put("amount", subsidy.money.Money.format(c.total()));
        return m;
    }

    /** With a ledger: the batch recorded (or the dry run), and entities another batch of the period had. */
    private void sayRecorded(Recording ledger, PrintStream stderr) {
        if (ledger == null) {
            return;
        }
        Texts texts = texts();
        stderr.println(texts.get("run.say", Escape.controls(ledger.said(texts))));
        String samePeriod = ledger.samePeriodWarning(texts);
        if (samePeriod != null) {
            stderr.println(texts.get("run.say_warning", Escape.controls(samePeriod)));
        }
    }

    private void writeNotice(AtomicFile file, NoticeList notice) throws IOException {
        if (XlsxOutputs.isWorkbook(file.target())) {
            try (OutputStream out = file.open(false)) {
                XlsxOutputs.notice(notice, out, texts());
            }
            return;
        }
        try (Writer out = new OutputStreamWriter(file.open(true), StandardCharsets.UTF_8)) {
            notice.write(out);
        }
    }

    private Totals toStreams(Batch batch, List<InputFile> inputs, ReportTable table, OutputStream stdout,
            PrintStream stderr, Recording ledger) throws InputException, IOException {
        AtomicFile noticeFile = options.notice() == null ? null
                : AtomicFile.prepare(options.notice(), options.force(), opener);
        Thread onStop = noticeFile == null ? null : new Thread(noticeFile::abandon, "subsidy-notice-cleanup");
        if (onStop != null) {
            Runtime.getRuntime().addShutdownHook(onStop);
        }
        try {
            Csv report = Csv.open(new BufferedOutputStream(stdout, 1 << 16), table.header());
            NoticeList notice = noticeFile == null ? null : new NoticeList(policy, texts(), options.period());
            Totals totals = batch.run(inputs, new ResultSink<byte[]>() {
                @Override
                public byte[] render(EntityResult r) {
                    return table.render(r, LINE.get());
                }

                @Override
                public void computed(EntityResult r, byte[] row) throws IOException {
                    report.write(row);
                    if (ledger != null) {
                        ledger.record(r);
                    }
                    if (hireRun != null) {
                        hireRun.computed(r);
                    }
                    if (notice != null) {
                        notice.add(r);
                    }
                }

                @Override
                public void rejected(Rejection r) throws IOException {
                    stderr.println(texts().get("run.rejected_line", r.file(), r.line(),
                            String.join(texts().get("run.reason_separator"), r.reasons(texts()))));
                    if (stderr.checkError()) { // the rejected rows are the only record of them: never lose one
                        throw new TextIOException(Msg.of("run.stderr_failed"));
                    }
                }
            }, options.progress());
            report.flush();
            if (noticeFile != null) {
                writeNotice(noticeFile, notice); // beside its target: a full disk stops the run before the ledger
            }
            if (ledger != null) {
                // The report is whole on standard output: the batch is recorded now, or not at all.
                ledger.finish(totals);
                ledger.commit();
            }
            if (noticeFile != null) {
                noticeFile.commit();
            }
            Summary.print(policy, totals, stderr, texts());
            sayRecorded(ledger, stderr);
            return totals;
        } finally {
            if (noticeFile != null) {
                noticeFile.abandon();
                try {
                    Runtime.getRuntime().removeShutdownHook(onStop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run
                }
            }
        }
    }
}
