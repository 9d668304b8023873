package subsidy.report;

import java.util.ArrayList;
import java.util.List;
import subsidy.calc.EntityResult;
import subsidy.entity.Households;
import subsidy.entity.ResidentId;
import subsidy.policy.Policy;
import subsidy.program.Program;
import subsidy.program.ProgramResult;
import subsidy.size.SizeDecision;
import subsidy.text.Lang;
import subsidy.text.Texts;

/**
 * The columns of report.csv (SPEC §6): entity_id, name, entity_type, size_class, size_source,
 * region_code, one amount column per program in policy order, a months column for each program
 * that reports months, total, notes.
 *
 * <p>In English the header is the column ids and the coded cells their codes, as scripts read them; in
 * Chinese the header names the columns (统一社会信用代码, 单位名称, … each program by its title, 合计,
 * 说明), the coded cells are words (企业, 小型, 申报), and a note names its program by its title. The
 * header and the words are looked up once, here; a row only copies them.
 */
public final class ReportTable {
    private final List<String> header;
    private final boolean[] months;
    private final Labels labels;
    private final Texts texts;
    /** What precedes a program's reason in the notes ("stable_job_refund: ", "失业保险稳岗返还："), by program. */
    private final String[] notePrefix;
    private final String noteSeparator;
    /** A household policy's report leads with the household (id, head's number and name, region). */
    private final boolean households;
    /** Whether the head's identity number is written masked: a report on standard output, a terminal's. */
    private final boolean maskPersons;

    public ReportTable(Policy policy) {
        this(policy, Texts.EN);
    }

    public ReportTable(Policy policy, Texts texts) {
        this(policy, texts, false);
    }

    /**
     * @param maskPersons whether a household's head is written with the number masked
     *                    ({@link ResidentId#mask}): the report a run writes to standard output, where
     *                    a terminal shows it; a report file holds the number in full (README, "Personal data")
     */
    public ReportTable(Policy policy, Texts texts, boolean maskPersons) {
        this.maskPersons = maskPersons;
        labels = Labels.of(texts);
        this.texts = texts;
        households = policy.households();
        List<String> h = new ArrayList<>(labels.all("report.column.",
                households ? Policy.HOUSEHOLD_LEADING_COLUMNS : Policy.LEADING_COLUMNS));
        List<Program> programs = policy.programs();
        months = new boolean[programs.size()];
        notePrefix = new String[programs.size()];
        for (int i = 0; i < programs.size(); i++) {
            Program p = programs.get(i);
            h.add(labels.program(p));
            notePrefix[i] = labels.get("report.note.program", labels.program(p));
        }
        for (int i = 0; i < programs.size(); i++) {
            Program p = programs.get(i);
            if (p.reportsMonths()) {
                months[i] = true;
                h.add(labels.ids ? p.monthsColumn() : labels.get("report.column.months", p.title()));
            }
        }
        h.addAll(labels.all("report.column.", Policy.TRAILING_COLUMNS));
        header = List.copyOf(h);
        noteSeparator = labels.get("report.note.separator");
    }

    public List<String> header() {
        return header;
    }

    /**
     * The language whose report header for {@code policy} is exactly {@code header} (what verify reads a
     * report with), or null when none's is.
     */
    public static Texts languageOf(Policy policy, List<String> header) {
        for (Lang lang : Lang.values()) {
            Texts texts = Texts.of(lang);
            if (new ReportTable(policy, texts).header().equals(header)) {
                return texts;
            }
        }
        return null;
    }

    /** Where a household's head's identity number stands in a row, or -1 (a firm report). */
    public int personColumn() {
        return households ? 1 : -1;
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
        if (households) {
            // In full: the clerk pays into the head's account by it (README, "Personal data").
            row.text(r.entity().entityId());
            String head = (String) r.entity().extras().object(Households.HEAD_ID_NUMBER_AT);
            row.text(maskPersons ? ResidentId.mask(head) : head);
            row.text(r.entity().name());
            row.code(r.entity().regionCode());
        } else {
            firm(r, row);
        }
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

    /** A firm's leading cells: code, name, type, size and how it was settled, region. */
    private void firm(EntityResult r, RowCells row) {
        SizeDecision size = r.size();
        row.text(r.entity().entityId());
        row.text(r.entity().name());
        row.code(labels.entityTypes[r.entity().type().ordinal()]);
        row.code(labels.sizeClass(size.size()));
        row.code(labels.sizeSource(size.source()));
        row.code(r.entity().regionCode());
    }

    /**
     * The notes: the size mismatch, if any, then why each program that pays nothing pays nothing,
     * joined by "; " ("；" in Chinese).
     */
    private void notes(EntityResult r, RowCells row) {
        row.textStart();
        String mismatch = r.size().mismatchNote(texts);
        boolean any = mismatch != null;
        if (any) {
            row.piece(mismatch);
        }
        List<ProgramResult> programs = r.programs();
        for (int i = 0; i < programs.size(); i++) {
            ProgramResult p = programs.get(i);
            if (p.reason() != null) {
                if (any) {
                    row.piece(noteSeparator);
                }
                row.piece(notePrefix[i]).piece(p.reason());
                any = true;
            }
        }
        row.textEnd();
    }
}
