package subsidy.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;
import subsidy.calc.Totals;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.Program;

/** summary.csv and its plain-text twin for standard error: per program, beneficiaries and amount. */
public final class Summary {
    public static final List<String> HEADER = List.of("program", "title", "beneficiaries", "amount");

    private Summary() {
    }

    public static void writeCsv(Policy policy, Totals t, Writer out) throws IOException {
        Csv p = Csv.open(out, HEADER);
        List<Program> programs = policy.programs();
        for (int i = 0; i < programs.size(); i++) {
            p.row(programs.get(i).id(), programs.get(i).title(), t.beneficiaries(i), Money.format(t.amount(i)));
        }
        p.row("total", "", t.entitiesPaid(), Money.format(t.total()));
        p.flush();
    }

    public static void print(Policy policy, Totals t, PrintStream err) {
        err.printf("subsidy: %d rows read, %d computed, %d rejected (policy %s)%n", t.read(), t.computed(),
                t.rejected(), policy.id());
        for (subsidy.input.InputStats s : t.inputs()) {
            String file = subsidy.input.Escape.controls(s.file());
            if (s.aboveHeader() > 0) {
                err.printf("subsidy: %s: the header is on line %d; the %d row(s) above it (a title, notes) were"
                        + " skipped%n", file, s.headerLine(), s.aboveHeader());
            }
            if (s.emptyRows() > 0) {
                err.printf("subsidy: %s: %d row(s) of empty cells were ignored%n", file, s.emptyRows());
            }
        }
        List<Program> programs = policy.programs();
        for (int i = 0; i < programs.size(); i++) {
            err.printf("  %-22s %8d beneficiaries %16s%n", programs.get(i).id(), t.beneficiaries(i),
                    Money.format(t.amount(i)));
        }
        err.printf("  %-22s %8d beneficiaries %16s%n", "total", t.entitiesPaid(), Money.format(t.total()));
    }
}
