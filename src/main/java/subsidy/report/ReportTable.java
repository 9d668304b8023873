package subsidy.report;

import java.util.ArrayList;
import java.util.List;
import subsidy.calc.EntityResult;
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
    private final List<String> header;
    private final boolean[] months;

    public ReportTable(Policy policy) {
        List<String> h = new ArrayList<>(Policy.LEADING_COLUMNS);
        List<Program> programs = policy.programs();
        months = new boolean[programs.size()];
        for (Program p : programs) {
            h.add(p.id());
        }
        for (int i = 0; i < programs.size(); i++) {
            if (programs.get(i).reportsMonths()) {
                months[i] = true;
                h.add(programs.get(i).monthsColumn());
            }
        }
        h.addAll(Policy.TRAILING_COLUMNS);
        header = List.copyOf(h);
    }

    public List<String> header() {
        return header;
    }

    /** The row as the report's reader gets it back, cell by cell. */
    public List<String> row(EntityResult r) {
        RowCells.AsList cells = new RowCells.AsList();
        cells(r, cells);
        return cells.cells();
    }

    /** The row as report.csv holds it, line feed included. */
    public byte[] render(EntityResult r, CsvLine line) {
        cells(r, line.clear());
        return line.end().bytes();
    }

    /** The row's cells, one by one, into {@code row} (a CSV line, a list, a workbook's row). */
    public void cells(EntityResult r, RowCells row) {
        SizeDecision size = r.size();
        row.text(r.entity().entityId());
        row.text(r.entity().name());
        row.code(r.entity().type().code());
        row.code(size.size() == null ? "" : size.size().code());
        row.code(size.source() == null ? "" : size.source().code());
        row.code(r.entity().regionCode());
        List<ProgramResult> programs = r.programs();
        for (int i = 0; i < programs.size(); i++) { // indexed: no iterator per row
            row.amount(programs.get(i).amount());
        }
        for (int i = 0; i < months.length; i++) {
            if (months[i]) {
                row.amount(programs.get(i).months());
            }
        }
        row.amount(r.total());
        notes(r, row);
    }

    /**
     * The notes: the size mismatch, if any, then why each program that pays nothing pays nothing,
     * joined by "; ".
     */
    private static void notes(EntityResult r, RowCells row) {
        row.textStart();
        String mismatch = r.size().mismatchNote();
        boolean any = mismatch != null;
        if (any) {
            row.piece(mismatch);
        }
        List<ProgramResult> programs = r.programs();
        for (int i = 0; i < programs.size(); i++) {
            ProgramResult p = programs.get(i);
            if (p.reason() != null) {
                if (any) {
                    row.piece("; ");
                }
                row.piece(p.programId()).piece(": ").piece(p.reason());
                any = true;
            }
        }
        row.textEnd();
    }
}
