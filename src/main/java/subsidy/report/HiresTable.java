package subsidy.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import subsidy.hire.HireRun;
import subsidy.money.Money;
import subsidy.text.Texts;

/**
 * hires.csv (calc --hires): every hire of the hire list that was read, in the file's order, with its
 * outcome — line, the firm, the person's identity number (in full: the clerk pays the firm for this
 * person and must know whom; the number is masked everywhere else), category, hire date, the programs
 * that count the category, the amount paid for the person (0.00 when none), a stable outcome code and a
 * note saying why (the firm that was paid, the earlier period and batch, the firm's reason). The rows
 * rejected are in rejected.csv instead, so hires.csv's rows and the rejected hires add up to the rows read.
 */
public final class HiresTable {
    private static final List<String> COLUMNS = List.of("line", "entity_id", "id_number", "category", "hire_date",
            "program", "amount", "outcome", "note");

    private HiresTable() {
    }

    public static List<String> header(Texts texts) {
        List<String> h = new ArrayList<>(COLUMNS.size());
        for (String c : COLUMNS) {
            h.add(texts.get("hires.col." + c));
        }
        return h;
    }

    /** Writes every hire's outcome to {@code out} (closed at the end). */
    public static void write(HireRun run, OutputStream out, Texts texts) throws IOException {
        try (Csv csv = Csv.open(out, header(texts))) {
            for (int i = 0; i < run.list().size(); i++) {
                HireRun.Result r = run.result(i, texts);
                csv.row(List.of(Integer.toString(r.line()), r.entityId(), r.idNumber(), r.category().word(texts),
                        r.hireDate(), r.programs(), Money.format(r.amount()), r.outcome().code(), r.note()));
            }
        }
    }
}
