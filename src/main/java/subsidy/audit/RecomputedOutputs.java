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
import subsidy.report.SizeCheck;
import subsidy.report.Summary;
import subsidy.text.Texts;

/**
 * rejected.csv, size_check.csv, summary.csv and (when asked) details.csv and the notice list as calc would write them
 * from the rows verify recomputes, kept as SHA-256 digests only: each is rendered by the table that
 * writes it, byte-order mark first, into a digest over a null stream, so no file is held in memory.
 * Rows are fed in input order ({@link #computed}, {@link #rejected}); {@link #digests} ends them.
 */
final class RecomputedOutputs {
    /** A computed row's lines of size_check.csv and details.csv (either may be null). */
    record Rendered(byte[] sizeCheck, byte[] details) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Policy policy;
    /** The language the run wrote its files in, which they are recomputed in. */
    @SuppressWarnings("unused") // until the writers take a language (the LANG: calls below)
    private final Texts written;
    private final DetailsTable detailsTable;
    private final RejectedTable rejectedTable;
    private final UnaryOperator<String> runName;
    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();
    private final Csv rejected;
    private final SizeCheck sizeCheck;
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
        this.written = written;
        this.notice = noticeName == null ? null : new NoticeList(policy, written, period);
        this.noticeName = noticeName;
        this.policy = policy;
        this.detailsTable = details ? new DetailsTable(policy, written) : null;
        this.rejectedTable = new RejectedTable(sharedHeader, written);
        this.runName = runName;
        rejected = Csv.open(stream(Outputs.REJECTED), rejectedTable.header());
        sizeCheck = new SizeCheck(stream(Outputs.SIZE_CHECK), written);
        this.details = details ? Csv.open(stream(Outputs.DETAILS), detailsTable.header()) : null;
    }

    /** A null stream that keeps the SHA-256 of what is written to it under {@code name}, mark included. */
    private OutputStream stream(String name) throws IOException {
        MessageDigest digest = Sha256.digest();
        digests.put(name, digest);
        OutputStream out = new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                1 << 16);
        out.write(BOM);
        return out;
    }

    /** Any thread, any order, as {@link subsidy.calc.ResultSink#render} is. */
    Rendered render(EntityResult r) {
        CsvLine l = line.get();
        return new Rendered(sizeCheck.render(r, l), detailsTable == null ? null : detailsTable.render(r, l));
    }

    void computed(EntityResult r, Rendered rendered) throws IOException {
        if (notice != null) {
            notice.add(r);
        }
        sizeCheck.write(rendered.sizeCheck());
        if (details != null) {
            details.write(rendered.details());
        }
    }

    void rejected(Rejection r) throws IOException {
        String name = runName.apply(r.file());
        Rejection asRun = name.equals(r.file()) ? r
                : r.inFile(name);
        rejected.row(rejectedTable.row(asRun));
    }

    /** Writes summary.csv from the run's totals and ends every file: their SHA-256, by file name. */
    Map<String, String> digests(Totals totals) throws IOException {
        rejected.close();
        sizeCheck.close();
        if (details != null) {
            details.close();
        }
        try (Writer summary = new OutputStreamWriter(stream(Outputs.SUMMARY), StandardCharsets.UTF_8)) {
            Summary.writeCsv(policy, totals, summary, written);
        }
        if (notice != null) {
            try (Writer list = new OutputStreamWriter(stream(noticeName), StandardCharsets.UTF_8)) {
                notice.write(list);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        digests.forEach((name, digest) -> out.put(name, Sha256.hex(digest)));
        return out;
    }
}
