package subsidy.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import subsidy.calc.EntityResult;
import subsidy.calc.Totals;
import subsidy.input.Rejection;
import subsidy.policy.Policy;
import subsidy.program.Program;
import subsidy.text.Texts;

/**
 * The workbooks a calc run writes beside (or instead of) its CSV files, {@code --format xlsx|both}:
 * report.xlsx, rejected.xlsx and summary.xlsx in --out, each one {@link XlsxWriter}; and the notice list as
 * a workbook when its file is named *.xlsx. The cells and headers are the CSV tables' own.
 */
public final class XlsxOutputs implements AutoCloseable {
    public static final String REPORT = "report.xlsx";
    public static final String REJECTED = "rejected.xlsx";
    public static final String SUMMARY = "summary.xlsx";
    /** An amount as the CSV tables write it ({@link subsidy.money.Money#format}): digits, a point, two decimals. */
    private static final Pattern AMOUNT = Pattern.compile("-?(0|[1-9][0-9]{0,14})\\.[0-9]{2}");

    /** What --format asks for. */
    public enum Format {
        CSV, XLSX, BOTH;

        public boolean csv() {
            return this != XLSX;
        }

        public boolean xlsx() {
            return this != CSV;
        }

        /** csv, xlsx or both, in any case; null for anything else. */
        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Where a workbook is written: OutputDir's openStream (no byte-order mark is asked). */
    public interface Opener {
        OutputStream open(String name, boolean bom) throws IOException;
    }

    private final Opener dir;
    private final Texts texts;
    private final ReportTable table;
    private final RejectedTable rejectedTable;
    private final XlsxWriter report;
    private final XlsxWriter rejected;

    private XlsxOutputs(Opener dir, Texts texts, ReportTable table, RejectedTable rejectedTable) throws IOException {
        this.dir = dir;
        this.texts = texts;
        this.table = table;
        this.rejectedTable = rejectedTable;
        report = new XlsxWriter(dir.open(REPORT, false), texts.get("workbook.sheet.report"), table.header());
        rejected = new XlsxWriter(dir.open(REJECTED, false), texts.get("workbook.sheet.rejected"),
                rejectedTable.header());
    }

    /** The report's and rejected rows' workbooks opened in {@code dir}, or null when {@code format} has none. */
    public static XlsxOutputs open(Format format, Opener dir, ReportTable table, RejectedTable rejected)
            throws IOException {
        return open(format, dir, table, rejected, Texts.EN);
    }

    /** @param texts the sheets' names */
    public static XlsxOutputs open(Format format, Opener dir, ReportTable table, RejectedTable rejected, Texts texts)
            throws IOException {
        return format == null || !format.xlsx() ? null : new XlsxOutputs(dir, texts, table, rejected);
    }

    /** A computed row, in input order. */
    public void report(EntityResult r) throws IOException {
        table.cells(r, report);
        report.endRow();
    }

    /** A rejected row, in input order: its line a number, the rest text. */
    public void rejected(Rejection r) throws IOException {
        List<String> row = rejectedTable.row(r);
        for (int i = 0; i < row.size(); i++) {
            if (i == 1) {
                rejected.count(r.line());
            } else {
                rejected.text(row.get(i));
            }
        }
        rejected.endRow();
    }

    /** Ends the report's and rejected rows' workbooks, then writes summary.xlsx. */
    public void finish(Policy policy, Totals t) throws IOException {
        close();
        try (XlsxWriter w = new XlsxWriter(dir.open(SUMMARY, false), texts.get("workbook.sheet.summary"),
                Summary.header(policy, texts))) {
            List<Program> programs = policy.programs();
            for (int i = 0; i < programs.size(); i++) {
                w.text(programs.get(i).id()).text(programs.get(i).title());
                w.count(t.beneficiaries(i));
                w.amount(t.amount(i));
                w.endRow();
            }
            w.text(texts.get("report.summary.total")).text("");
            w.count(t.entitiesPaid());
            w.amount(t.total());
            w.endRow();
        }
    }

    private boolean closed;

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            report.close();
        } finally {
            rejected.close();
        }
    }

    /** Whether the notice list's file is to be a workbook: its name ends in .xlsx. */
    public static boolean isWorkbook(Path notice) {
        return notice != null && notice.getFileName() != null
                && notice.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** The notice list as a workbook, its cells those of its CSV: amounts as numbers, the rest as text. */
    public static void notice(NoticeList notice, OutputStream out) throws IOException {
        notice(notice, out, Texts.EN);
    }

    /**
     * The notice list as a workbook, from the list's own header and rows (a workbook's text cell is never
     * run as a formula, so it needs no CSV guard): amounts as numbers; in Chinese, the list as it is
     * posted, its title above the frozen header and 序号 as numbers (the English list has neither).
     */
    public static void notice(NoticeList notice, OutputStream out, Texts texts) throws IOException {
        boolean posted = texts.lang() != subsidy.text.Lang.EN;
        try (XlsxWriter w = new XlsxWriter(out, texts.get("workbook.sheet.notice"), posted ? notice.title() : null,
                notice.header())) {
            for (List<String> row : notice.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    String cell = row.get(i);
                    if (AMOUNT.matcher(cell).matches()) {
                        w.amount(new BigDecimal(cell));
                    } else if (posted && i == 0 && !cell.isEmpty() && cell.chars().allMatch(c -> c >= '0' && c <= '9')
                            && cell.length() < 10) {
                        w.count(Long.parseLong(cell));
                    } else {
                        w.text(cell);
                    }
                }
                w.endRow();
            }
        }
    }

    /** The file names a format writes in --out, beside manifest.json and size_check.csv. */
    public static List<String> names(Format f) {
        List<String> names = new ArrayList<>();
        if (f.xlsx()) {
            names.addAll(List.of(REPORT, REJECTED, SUMMARY));
        }
        return names;
    }
}
