package subsidy.report;

import java.util.ArrayList;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.money.Money;
import subsidy.policy.Policy;
import subsidy.program.Program;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;

/**
 * The columns of report.csv (SPEC §6): entity_id, name, entity_type, size_class, size_source,
 * region_code, one amount column per program in policy order, a months column for each program
 * that reports months, total, notes.
 */
public final class ReportTable {
    public static final List<String> LEADING = List.of("entity_id", "name", "entity_type", "size_class",
            "size_source", "region_code");
    private final List<String> header;
    private final boolean[] months;

    public ReportTable(Policy policy) {
        List<String> h = new ArrayList<>(LEADING);
        List<Program> programs = policy.programs();
        months = new boolean[programs.size()];
        for (Program p : programs) {
            h.add(p.id());
        }
        for (int i = 0; i < programs.size(); i++) {
            if (programs.get(i).reportsMonths()) {
                months[i] = true;
                h.add(programs.get(i).id() + "_months");
            }
        }
        h.add("total");
        h.add("notes");
        header = List.copyOf(h);
    }

    public List<String> header() {
        return header;
    }

    public List<String> row(EntityResult r) {
        List<String> row = new ArrayList<>(header.size());
        SizeDecision size = r.size();
        row.add(r.entity().entityId());
        row.add(r.entity().name());
        row.add(r.entity().type().code());
        row.add(size.size() == null ? "" : size.size().code());
        row.add(size.source() == null ? "" : size.source().code());
        row.add(r.entity().regionCode());
        for (ProgramResult p : r.programs()) {
            row.add(Money.format(p.amount()));
        }
        for (int i = 0; i < months.length; i++) {
            if (months[i]) {
                row.add(Money.format(r.programs().get(i).months()));
            }
        }
        row.add(Money.format(r.total()));
        row.add(String.join("; ", r.notes()));
        return row;
    }
}
