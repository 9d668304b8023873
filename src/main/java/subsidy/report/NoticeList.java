package subsidy.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.Program;

/**
 * The public-notice list (公示名单) published for seven days before payment (seed 004 篇九
 * 「公示期为7天」): every beneficiary with its name, a masked credit code, its programs and amounts,
 * sorted by region, then name, then code. Only beneficiaries are kept, in a compact row each,
 * because sorting needs them all.
 */
public final class NoticeList {
    private final Policy policy;
    private final List<String[]> rows = new ArrayList<>();

    public NoticeList(Policy policy) {
        this.policy = policy;
    }

    public void add(EntityResult r) {
        if (r.total().signum() <= 0) {
            return;
        }
        List<Program> programs = policy.programs();
        String[] row = new String[programs.size() + 5];
        row[0] = r.entity().regionCode();
        row[1] = r.entity().name();
        row[2] = mask(r.entity().entityId());
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            BigDecimal amount = r.programs().get(i).amount();
            row[4 + i] = Money.format(amount);
            if (amount.signum() > 0) {
                paid.add(programs.get(i).title());
            }
        }
        row[3] = String.join("、", paid);
        row[row.length - 1] = Money.format(r.total());
        rows.add(row);
    }

    /** First 6 and last 4 characters shown: the county and check part, not the organisation code. */
    public static String mask(String code) {
        if (code.length() <= 10) {
            return code;
        }
        return code.substring(0, 6) + "*".repeat(code.length() - 10) + code.substring(code.length() - 4);
    }

    public void write(Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("region_code", "name", "entity_id", "programs"));
        policy.programs().forEach(p -> header.add(p.id()));
        header.add("total");
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]).thenComparing(r -> r[2]));
        Csv p = Csv.open(out, header);
        for (String[] r : rows) {
            p.row((Object[]) r);
        }
        p.flush();
    }
}
