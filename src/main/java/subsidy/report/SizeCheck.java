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

    public void add(EntityResult r) throws IOException {
        if (r.size().source() != SizeSource.DECLARED_MISMATCH) {
            return;
        }
        Entity e = r.entity();
        SizeDecision d = policy.sizeTable().decide(e, true);
        out.row(e.entityId(), e.name(), e.industryCode(), d.row().label(), d.declared().code(),
                d.derived().code(), e.employees() == null ? "" : e.employees(),
                e.revenue() == null ? "" : e.revenue().toPlainString(),
                e.totalAssets() == null ? "" : e.totalAssets().toPlainString(), String.join("; ", d.steps()));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
