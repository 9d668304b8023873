package subsidy.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.entity.Households;
import subsidy.entity.ResidentId;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.Program;
import subsidy.text.Texts;

/**
 * The public-notice list (公示名单) published for seven days before payment (seed 004 篇九
 * 「公示期为7天」): every beneficiary with its name, a masked credit code, its programs and amounts,
 * sorted by region, then name, then code. Only beneficiaries are kept, in a compact row each,
 * because sorting needs them all.
 *
 * <p>In English the list keeps the column ids scripts read, exactly as before. In Chinese it is ready to
 * post: a title row (「《政策名称》享受政策公示名单（2022年6月）」, the period when the run has one), then
 * 序号, 行政区划代码, 单位名称, 统一社会信用代码 (masked), 享受项目, one amount column per program named
 * by its title, 合计, and a last row 合计 with the number of beneficiaries and the sums.
 */
public final class NoticeList {
    private final Policy policy;
    private final Labels labels;
    private final String period;
    private final String separator;
    private final List<String[]> rows = new ArrayList<>();
    private final BigDecimal[] sums;
    private BigDecimal total = Money.ZERO;

    public NoticeList(Policy policy) {
        this(policy, Texts.EN, null);
    }

    /**
     * @param period the run's period ({@code --period}, {@code 2022-06}), named in the Chinese title; null
     *               when the run has none
     */
    public NoticeList(Policy policy, Texts texts, String period) {
        this.policy = policy;
        this.labels = Labels.of(texts);
        this.period = period;
        this.separator = labels.get("report.notice.program_separator");
        this.sums = new BigDecimal[policy.programs().size()];
        java.util.Arrays.fill(sums, Money.ZERO);
    }

    public void add(EntityResult r) {
        if (r.total().signum() <= 0) {
            return;
        }
        List<Program> programs = policy.programs();
        String[] row = new String[programs.size() + 5];
        row[0] = r.entity().regionCode();
        row[1] = r.entity().name();
        // A household is posted by its head: the name, and the identity number with the birth date hidden.
        row[2] = policy.households() ? ResidentId.mask((String) r.entity().extras().object(Households.HEAD_ID_NUMBER_AT))
                : mask(r.entity().entityId());
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            BigDecimal amount = r.programs().get(i).amount();
            row[4 + i] = Money.format(amount);
            sums[i] = sums[i].add(amount);
            if (amount.signum() > 0) {
                paid.add(programs.get(i).title());
            }
        }
        row[3] = String.join(separator, paid);
        row[row.length - 1] = Money.format(r.total());
        total = total.add(r.total());
        rows.add(row);
    }

    /** First 6 and last 4 characters shown: the county and check part, not the organisation code. */
    public static String mask(String code) {
        if (code.length() <= 10) {
            return code;
        }
        return code.substring(0, 6) + "*".repeat(code.length() - 10) + code.substring(code.length() - 4);
    }

    /** The title row of the list for people: the policy's title, and the period when there is one. */
    public String title() {
        String name = policy.title() == null || policy.title().isBlank() ? policy.id() : policy.title().strip();
        if (period == null || period.isBlank()) {
            return labels.get("report.notice.title", name);
        }
        try {
            YearMonth ym = YearMonth.parse(period.strip());
            return labels.get("report.notice.title_period", name, ym.getYear(), ym.getMonthValue());
        } catch (DateTimeParseException notAMonth) {
            return labels.get("report.notice.title_period_text", name, period.strip());
        }
    }

    /** The header: in English the ids as before; otherwise 序号 first, each program by its title. */
    public List<String> header() {
        List<String> header = new ArrayList<>();
        if (!labels.ids) {
            header.add(labels.get("report.notice.seq"));
        }
        header.addAll(labels.all("report.notice.", policy.households()
                ? List.of("region_code", "head_name", "head_id_number", "programs")
                : List.of("region_code", "name", "entity_id", "programs")));
        policy.programs().forEach(p -> header.add(labels.program(p)));
        header.add(labels.get("report.notice.total"));
        return header;
    }

    /**
     * The rows as written, sorted: in English the beneficiaries; otherwise each numbered, then the total
     * row. The title row is not one of them ({@link #title()}).
     */
    public List<List<String>> rows() {
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]).thenComparing(r -> r[2]));
        List<List<String>> out = new ArrayList<>(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i).length + 1);
            if (!labels.ids) {
                row.add(Integer.toString(i + 1));
            }
            row.addAll(List.of(rows.get(i)));
            out.add(row);
        }
        if (!labels.ids) {
            List<String> last = new ArrayList<>();
            last.add(labels.get("report.notice.total_row"));
            last.add("");
            last.add(labels.get(policy.households() ? "report.notice.count_households" : "report.notice.count", rows.size()));
            last.add("");
            last.add("");
            for (BigDecimal s : sums) {
                last.add(Money.format(s));
            }
            last.add(Money.format(total));
            out.add(last);
        }
        return out;
    }

    public void write(Writer out) throws IOException {
        Csv p;
        if (labels.ids) {
            p = Csv.open(out, header());
        } else {
            p = Csv.open(out, List.of(title()));
            p.row(header());
        }
        for (List<String> r : rows()) {
            p.row(r);
        }
        p.flush();
    }
}
