package subsidy.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.entity.Entity;
import subsidy.policy.Policy;
import subsidy.size.SizeDecision;
import subsidy.size.SizeSource;

/**
 * size_check.csv: every enterprise whose declared size the 2011 standard contradicts, with both
 * classes, its figures and the tier tests that decided, so an auditor can follow up with the firm.
 */
public final class SizeCheck implements AutoCloseable {
    public static final List<String> HEADER = List.of("entity_id", "name", "industry_code", "table_row", "declared",
            "derived", "employees", "revenue", "total_assets", "tests");
    private final Policy policy;
    private final Csv out;

    public SizeCheck(Policy policy, OutputStream out) throws IOException {
        this.policy = policy;
        this.out = Csv.open(out, HEADER);
    }

    /** The size_check.csv row for r, or null when its declared size stands. Any thread may call this. */
    public byte[] render(EntityResult r, CsvLine line) {
        if (r.size().source() != SizeSource.DECLARED_MISMATCH) {
            return null;
        }
        Entity e = r.entity();
        SizeDecision d = policy.sizeTable().explained(e, r.size()); // decided already: only explained here
        line.clear().text(e.entityId()).text(e.name()).text(e.industryCode()).text(d.row().label())
                .text(d.declared().code()).text(d.derived().code());
        if (e.employees() == null) {
            line.text("");
        } else {
            line.number(e.employees());
        }
        line.text(e.revenue() == null ? "" : e.revenue().toPlainString())
                .text(e.totalAssets() == null ? "" : e.totalAssets().toPlainString())
                .text(String.join("; ", d.steps()));
        return line.end().bytes();
    }

    /** Writes a row made by {@link #render}; in input order, on one thread. */
    public void write(byte[] row) throws IOException {
        if (row != null) {
            out.write(row);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
