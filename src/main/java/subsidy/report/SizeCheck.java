package subsidy.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.entity.Entity;
import subsidy.size.SizeDecision;
import subsidy.size.SizeSource;
import subsidy.size.SizeTable;
import subsidy.size.StepWriter;
import subsidy.text.Texts;

/**
 * size_check.csv: every enterprise whose declared size the 2011 standard contradicts, with both
 * classes, its figures and the tier tests that decided, so an auditor can follow up with the firm.
 * In Chinese the header names the columns and the two classes are words (小型, 中型).
 */
public final class SizeCheck implements AutoCloseable {
    /** The English header: the column ids. */
    public static final List<String> HEADER = List.of("entity_id", "name", "industry_code", "table_row", "declared",
            "derived", "employees", "revenue", "total_assets", "tests");
    private final Csv out;
    private final String[] sizes;
    private final Texts texts;

    /** No size_check.csv: a household policy's run, whose rows are not sized. */
    private SizeCheck() {
        out = null;
        sizes = null;
        texts = null;
    }

    /** A size check that writes nothing (households are not sized; no file is made). */
    public static SizeCheck none() {
        return new SizeCheck();
    }

    public SizeCheck(OutputStream out) throws IOException {
        this(out, Texts.EN);
    }

    public SizeCheck(OutputStream out, Texts texts) throws IOException {
        Labels labels = Labels.of(texts);
        this.out = Csv.open(out, header(texts));
        this.sizes = labels.sizeClasses;
        this.texts = texts;
    }

    /** The header in the language of {@code texts} ({@link #HEADER} in English). */
    public static List<String> header(Texts texts) {
        return Labels.of(texts).all("report.size_check.", HEADER);
    }

    /** The size_check.csv row for r, or null when its declared size stands. Any thread may call this. */
    public byte[] render(EntityResult r, CsvLine line) {
        return out != null && r.size().source() == SizeSource.DECLARED_MISMATCH ? row(r, line, sizes, texts) : null;
    }

    /**
     * Apart from {@link #render}, which every row calls: called for one row in twelve, this reaches
     * the JIT's threshold only after its caller has been compiled with it inside, and is not
     * compiled a second time on its own.
     */
    private static byte[] row(EntityResult r, CsvLine line, String[] sizes, Texts texts) {
        SizeDecision d = r.size();
        Entity e = r.entity();
        line.clear().text(e.entityId()).text(e.name()).code(e.industryCode()).code(d.row().label())
                .code(sizes[d.declared().ordinal()]).code(sizes[d.derived().ordinal()]);
        if (e.employees() == null) {
            line.text("");
        } else {
            line.number(e.employees());
        }
        figure(line, e.revenue());
        figure(line, e.totalAssets());
        // Decided already: only explained here, straight into the row.
        line.textStart();
        SizeTable.explain(e, d.row(), new Steps(line), texts);
        return line.textEnd().end().bytes();
    }

    private static void figure(CsvLine line, BigDecimal value) {
        if (value == null) {
            line.text("");
        } else {
            line.figure(value);
        }
    }

    /** The tier tests as one cell, the steps joined by "; ". */
    private static final class Steps implements StepWriter {
        private final CsvLine line;
        private boolean first = true;

        Steps(CsvLine line) {
            this.line = line;
        }

        @Override
        public void step() {
            if (!first) {
                line.piece("; ");
            }
            first = false;
        }

        @Override
        public void piece(String text) {
            line.piece(text);
        }

        @Override
        public void figure(BigDecimal value, int pointLeft) {
            line.figurePiece(value, pointLeft);
        }
    }

    /** Writes a row made by {@link #render}; in input order, on one thread. */
    public void write(byte[] row) throws IOException {
        if (row != null) {
            out.write(row);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
