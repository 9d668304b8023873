package subsidy.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import subsidy.entity.Column;
import subsidy.entity.ColumnRef;
import subsidy.entity.ExtraColumn;
import subsidy.entity.Extras;
import subsidy.entity.Entity;
import subsidy.entity.EntityType;
import subsidy.entity.Households;
import subsidy.entity.ResidentId;
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * Turns one CSV record into an {@link Entity}, or into every reason it cannot be one.
 * All cells are read even after a first problem, so a clerk fixes a row once, not once per reason.
 */
final class RowParser {
    /** No valid cell of any column is longer; a longer one is a paste accident or an attack. */
    static final int MAX_CELL = 1000;
    /**
     * The years a lease date may have. State-owned premises (国有房屋) are leased under the People's
     * Republic, founded in 1949; a lease may run 20 years at most (民法典 第七百零五条), so one of a
     * 2020–2022 programme ends long before 2100. Outside these a date is a placeholder or a typo.
     */
    static final int FIRST_LEASE_YEAR = 1949;
    static final int LAST_LEASE_YEAR = 2100;
    /** {@link #plainCell}: the cell is empty. */
    private static final int BLANK = -2;
    private static final EntityType[] TYPES = EntityType.FIRMS.toArray(new EntityType[0]);
    private static final SizeClass[] SIZES = SizeClass.values();
    private static final LandlordType[] LANDLORDS = LandlordType.values();

    /** Reads a cell's plain spelling from its bytes (see {@link CellBytes}), or gives null to have the text read. */
    private interface Plain<T> {
        T read(byte[] b, int from, int to);
    }

    private static final Plain<EntityType> TYPE = (b, from, to) -> CellBytes.code(b, from, to, TYPES, EntityType::code);
    private static final Plain<SizeClass> SIZE = (b, from, to) -> CellBytes.code(b, from, to, SIZES, SizeClass::code);
    private static final Plain<LandlordType> LANDLORD =
            (b, from, to) -> CellBytes.code(b, from, to, LANDLORDS, LandlordType::code);

    private final Header header;
    private final List<Text> reasons = new ArrayList<>();
    private final List<String> codes = new ArrayList<>(); // reasons' codes, in step with them
    private final AsciiStrings regionsAndIndustries = new AsciiStrings();
    private final Plain<String> region =
            (b, from, to) -> CellBytes.region(b, from, to) ? regionsAndIndustries.get(b, from, to) : null;
    private final Plain<String> industry =
            (b, from, to) -> CellBytes.industry(b, from, to) ? regionsAndIndustries.get(b, from, to) : null;
    private final Text notText;
    private RecordParser record;
    private String id;
    /** A household row's head identity number when it is valid, else null; always null for a firm row. */
    private String person;

    /** @param notText what is said of a cell whose bytes are not text, in English only */
    RowParser(Header header, String notText) {
        this(header, InputTexts.literal(notText));
    }

    /** @param notText what is said of a cell whose bytes are not text: the encoding, and how it was chosen */
    RowParser(Header header, Text notText) {
        this.header = header;
        this.notText = notText;
    }

    /** The entity of the record {@code record} is at, or null with {@link #reasons()} saying why. */
    Entity parse(RecordParser record) {
        this.record = record;
        reasons.clear();
        codes.clear();
        if (record.problem() != null) {
            int cell = record.problemCell();
            // The column as the clerk's header spells it, and the cell as written, quotes and all.
            reject(RejectionCode.TEXT_AFTER_QUOTE, cell >= 0 && cell < header.width()
                    ? Msg.of("input.row.text_after_quote", Escape.controls(header.cells().get(cell)),
                            quote(header.schema().extraForHeader(header.cells().get(cell)).orElse(null), record.get(cell)),
                            RecordParser.AFTER_QUOTE)
                    : record.problemText());
        }
        if (record.size() != header.width()) {
            reject(RejectionCode.CELLS_COUNT_MISMATCH, Msg.of("input.row.cells_count", record.size(), header.width()));
        }
        if (header.schema().households()) {
            return household();
        }
        id = read(Column.ENTITY_ID, Column.Kind.CREDIT_CODE, CellBytes::creditCode);
        String name = text(Column.NAME);
        EntityType type = read(Column.ENTITY_TYPE, Column.Kind.ENTITY_TYPE, TYPE);
        String regionCode = read(Column.REGION_CODE, Column.Kind.REGION, region);
        String industryCode = read(Column.INDUSTRY_CODE, Column.Kind.INDUSTRY, industry);
        SizeClass size = read(Column.SIZE_CLASS, Column.Kind.SIZE, SIZE);
        long employeeCount = count(Column.EMPLOYEES, -1);
        Long employees = employeeCount < 0 ? null : employeeCount;
        BigDecimal revenue = money(Column.REVENUE, null);
        BigDecimal assets = money(Column.TOTAL_ASSETS, null);
        long insured = count(Column.INSURED_EMPLOYEES);
        long layoffs = count(Column.LAYOFFS);
        BigDecimal uiPaid = money(Column.UI_PAID_LAST_YEAR);
        boolean dishonest = flag(Column.SERIOUS_DISHONESTY);
        boolean affected = flag(Column.SEVERELY_AFFECTED);
        long grads = count(Column.GRAD_HIRES);
        long youth = count(Column.YOUTH_HIRES);
        long hardToEmploy = count(Column.HARD_TO_EMPLOY_HIRES);
        long junior = count(Column.CERT_JUNIOR);
        long intermediate = count(Column.CERT_INTERMEDIATE);
        long senior = count(Column.CERT_SENIOR);
        LandlordType landlord = read(Column.LANDLORD_TYPE, Column.Kind.LANDLORD, LANDLORD);
        BigDecimal rent = money(Column.MONTHLY_RENT);
        LocalDate start = plausibleLease(Column.LEASE_START, read(Column.LEASE_START, Column.Kind.DATE, CellBytes::date));
        LocalDate end = plausibleLease(Column.LEASE_END, read(Column.LEASE_END, Column.Kind.DATE, CellBytes::date));
        long granted = count(Column.RENT_FREE_MONTHS_GRANTED);
        Extras extras = extras();
        if (start != null && end != null && end.isBefore(start)) {
            reject(RejectionCode.END_BEFORE_START, Msg.of("input.row.end_before_start", end, start));
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        return new Entity(id, name, type, regionCode, industryCode, size, employees, revenue, assets, insured,
                layoffs, uiPaid, dishonest, affected, grads, youth, hardToEmploy, junior, intermediate,
                senior, landlord, rent, start, end, granted, extras);
    }

    /**
     * A household list's row ({@link Households}): its identity is in its built-in columns, kept with
     * the others in the entity's extras; the household id and the head's number count for duplicates
     * when valid, even if other cells are not.
     */
    private Entity household() {
        person = null;
        Extras extras = extras();
        Object household = extras.object(Households.HOUSEHOLD_ID_AT);
        Object head = extras.object(Households.HEAD_ID_NUMBER_AT);
        id = household == null ? null : (String) household;
        person = head == null ? null : (String) head;
        List<ExtraColumn> columns = header.schema().extras();
        // The household id and the head's name are shown in every output (details, notices, the ledger):
        // an identity number there would be shown in full.
        if (id != null && ResidentId.valid(ResidentId.normalize(id))) {
            reject(RejectionCode.IDENTITY_NUMBER_MISPLACED, Msg.of("household.row.number_as_id",
                    columns.get(Households.HOUSEHOLD_ID_AT).label()));
            id = null;
        }
        Object name = extras.object(Households.HEAD_NAME_AT);
        if (name != null && ResidentId.holdsRun((String) name)) {
            reject(RejectionCode.IDENTITY_NUMBER_MISPLACED, Msg.of("household.row.number_in_name",
                    columns.get(Households.HEAD_NAME_AT).label()));
        }
        members(extras, columns);
        if (!reasons.isEmpty()) {
            return null;
        }
        return new Entity(id, (String) extras.object(Households.HEAD_NAME_AT), EntityType.HOUSEHOLD,
                (String) extras.object(Households.REGION_CODE_AT), null, null, null, null, null, 0, 0,
                BigDecimal.ZERO, false, false, 0, 0, 0, 0, 0, 0, null, BigDecimal.ZERO, null, null, 0, extras);
    }

    /**
     * A household's persons counted by kind (the elderly, the disabled, students by level) are among its
     * members: none may count more people than 家庭人口数 says the household has, when the list gives it.
     * The policy's own counts are not checked: what they count is the policy's to say.
     */
    private void members(Extras extras, List<ExtraColumn> columns) {
        ExtraColumn members = columns.get(Households.MEMBERS_AT);
        int at = header.indexOf(members);
        if (at < 0 || at >= record.size() || record.get(at).isBlank()) {
            return;
        }
        long n = extras.get(Households.MEMBERS_AT);
        for (int i = Households.MEMBERS_AT + 1; i < Households.columns().size(); i++) {
            ExtraColumn c = columns.get(i);
            if (c.kind() == Column.Kind.COUNT && extras.get(i) > n) {
                reject(RejectionCode.MORE_THAN_MEMBERS, Msg.of("household.row.more_than_members", c.label(),
                        extras.get(i), members.label(), n));
            }
        }
    }

    /** The last household row's head identity number when valid, else null (always null for firms). */
    String person() {
        return person;
    }

    List<Text> reasons() {
        return reasons;
    }

    /** The code of each of {@link #reasons()}, in the same order. */
    List<String> codes() {
        return codes;
    }

    private void reject(RejectionCode code, Text reason) {
        reasons.add(reason);
        codes.add(code.code());
    }

    /**
     * A lease date, or null with a reason when its year is before {@link #FIRST_LEASE_YEAR} or after
     * {@link #LAST_LEASE_YEAR}: such a date is a placeholder (9999-12-31 for "no end") or a typo, and
     * computed it would pay a waiver on dates nobody leased.
     */
    private LocalDate plausibleLease(Column c, LocalDate d) {
        if (d == null || (d.getYear() >= FIRST_LEASE_YEAR && d.getYear() <= LAST_LEASE_YEAR)) {
            return d;
        }
        reject(RejectionCode.IMPLAUSIBLE_LEASE_DATE, Msg.of(c == Column.LEASE_END ? "input.row.implausible_lease_end"
                : "input.row.implausible_lease", c.label(), cut(raw(c).strip()), FIRST_LEASE_YEAR, LAST_LEASE_YEAR));
        return null;
    }

    /**
     * The last row's entity_id cell (a household list's household_id) as a clerk would look it up:
     * trimmed, upper case, "" when absent.
     */
    String rawId() {
        String v;
        if (header.schema().households()) {
            int i = header.indexOf(header.schema().extras().get(Households.HOUSEHOLD_ID_AT));
            v = i >= 0 && i < record.size() ? record.get(i) : null;
        } else {
            v = raw(Column.ENTITY_ID);
        }
        return v == null ? "" : Ids.normalize(v);
    }

    /** The last row's credit code when it was valid, even if other cells were not: duplicates count on it. */
    String id() {
        return id;
    }

    private Extras extras() {
        List<ExtraColumn> columns = header.schema().extras();
        if (columns.isEmpty()) {
            return Extras.NONE;
        }
        long[] values = new long[columns.size()];
        Object[] objects = null;
        for (ExtraColumn x : columns) {
            int i = header.indexOf(x);
            int at = i >= 0 && i < record.size() ? i : -1;
            String v = text(x, at >= 0 ? record.get(at) : null, at);
            if (v == null) {
                continue;
            }
            try {
                switch (x.kind()) {
                    case BOOLEAN -> values[x.index()] = Cells.bool(v) ? 1 : 0;
                    case COUNT -> values[x.index()] = Cells.count(v);
                    default -> {
                        if (objects == null) {
                            objects = new Object[columns.size()];
                        }
                        objects[x.index()] = object(x, v);
                    }
                }
            } catch (CellException e) {
                // A person's number is quoted masked, whatever is wrong with it: a reason is read by many.
                reject(e.code(), problem(x, v, e.text()));
            }
        }
        return objects == null ? new Extras(values) : new Extras(values, objects);
    }

    /** A cell of a policy's money, rate, date or code column. */
    private static Object object(ExtraColumn x, String v) throws CellException {
        return switch (x.kind()) {
            case MONEY -> Cells.fen(Cells.money(v));
            case RATE -> Cells.rate(v);
            case NUMBER -> Cells.number(v);
            case DATE -> Cells.date(v);
            case CODE -> Cells.code(x.valueWords().getOrDefault(v, v), x.values(), x.valueWords());
            case TEXT -> v;
            case REGION -> Cells.region(v);
            case HOUSEHOLD_ID -> Cells.householdId(v);
            case RESIDENT_ID -> Cells.residentId(v);
            default -> throw new IllegalStateException(x + " is read as a number");
        };
    }

    /** The raw cell, or null when the file has no such column or the row is too short for it. */
    private String raw(Column c) {
        int i = at(c);
        return i >= 0 ? record.get(i) : null;
    }

    /** Where column c is in this row, or -1 when the file has no such column or the row is too short for it. */
    private int at(Column c) {
        int i = header.indexOf(c);
        return i >= 0 && i < record.size() ? i : -1;
    }

    private String text(Column c) {
        return text(c, raw(c), at(c));
    }

    /** @param i where the cell is in the record, or -1 when the row has none */
    private String text(ColumnRef c, String v, int i) {
        if (v == null || v.isBlank()) {
            if ((c instanceof Column base && base.required()) || (c instanceof ExtraColumn x && x.mandatory())) {
                reject(RejectionCode.MISSING_VALUE, Msg.of("input.cell.required", c.label()));
            }
            return null;
        }
        if (v.length() > MAX_CELL) {
            reject(RejectionCode.CELL_TOO_LONG, Msg.of("input.cell.too_long", c.label(), quote(c, v), v.length(), MAX_CELL));
            return null;
        }
        // NUL is a character every encoding has, so a cell holding one is not the encoding's fault; nor is
        // a replacement character that the file holds as such (an earlier conversion lost a character there).
        if (v.indexOf('\0') >= 0) {
            reject(RejectionCode.NUL_CHARACTER, Msg.of("input.cell.nul", c.label(), quote(c, v)));
            return null;
        }
        if (v.indexOf('\uFFFD') >= 0) {
            boolean malformed = i < 0 || record.malformed(i);
            reject(malformed ? RejectionCode.NOT_TEXT_IN_ENCODING : RejectionCode.REPLACEMENT_CHARACTER,
                    malformed ? problem(c, v, notText) : Msg.of("input.cell.replacement", c.label(), quote(c, v)));
            return null;
        }
        return v.strip();
    }

    /**
     * Where column c's cell is when it can be read from its bytes; {@link #BLANK} when it is empty
     * (said so if the column is required); -1 when only its text can tell (quoted, or no such cell).
     */
    private int plainCell(Column c) {
        int i = at(c);
        if (i < 0 || !record.raw(i)) {
            return -1;
        }
        if (record.start(i) == record.end(i)) {
            text(c, "", i);
            return BLANK;
        }
        return i;
    }

    /** Column c's value, read from the bytes when it is written plainly, else from its text. */
    private <T> T read(Column c, Column.Kind kind, Plain<T> plain) {
        int i = plainCell(c);
        if (i == BLANK) {
            return null;
        }
        if (i >= 0) {
            T v = plain.read(record.bytes(), record.start(i), record.end(i));
            if (v != null) {
                return v;
            }
        }
        return read(c, kind);
    }

    /*
     * Counts, amounts and flags, two thirds of the cells, are read without a Plain: called through one
     * interface for every kind, the readers could not be compiled into the parser and each cell paid
     * for the indirection.
     */

    private long count(Column c) {
        return count(c, 0);
    }

    private long count(Column c, long blank) {
        int i = plainCell(c);
        if (i == BLANK) {
            return blank;
        }
        if (i >= 0) {
            long v = CellBytes.count(record.bytes(), record.start(i), record.end(i));
            if (v != CellBytes.NOT_PLAIN) {
                return v;
            }
        }
        Long v = read(c, Column.Kind.COUNT);
        return v == null ? blank : v;
    }

    private BigDecimal money(Column c) {
        return money(c, BigDecimal.ZERO);
    }

    private BigDecimal money(Column c, BigDecimal blank) {
        int i = plainCell(c);
        if (i == BLANK) {
            return blank;
        }
        if (i >= 0) {
            BigDecimal v = CellBytes.money(record.bytes(), record.start(i), record.end(i));
            if (v != null) {
                return v;
            }
        }
        BigDecimal v = read(c, Column.Kind.MONEY);
        return v == null ? blank : v;
    }

    private boolean flag(Column c) {
        int i = plainCell(c);
        if (i == BLANK) {
            return false;
        }
        if (i >= 0) {
            int v = CellBytes.bool(record.bytes(), record.start(i), record.end(i));
            if (v >= 0) {
                return v == 1;
            }
        }
        Boolean v = read(c, Column.Kind.BOOLEAN);
        return v != null && v;
    }

    @SuppressWarnings("unchecked")
    private <T> T read(Column c, Column.Kind kind) {
        String v = text(c);
        if (v == null) {
            return null;
        }
        try {
            return (T) switch (kind) {
                case CREDIT_CODE -> Cells.creditCode(v);
                case TEXT -> v;
                case ENTITY_TYPE -> EntityType.parse(v).orElseThrow(
                        () -> new CellException(RejectionCode.UNKNOWN_ENTITY_TYPE, Cells.UNKNOWN_ENTITY_TYPE));
                case REGION -> Cells.region(v);
                case INDUSTRY -> Cells.industry(v);
                case SIZE -> SizeClass.parse(v).orElseThrow(
                        () -> new CellException(RejectionCode.UNKNOWN_SIZE_CLASS, Cells.UNKNOWN_SIZE));
                case COUNT -> Cells.count(v);
                case MONEY -> Cells.money(v);
                case BOOLEAN -> Cells.bool(v);
                case LANDLORD -> LandlordType.parse(v).orElseThrow(
                        () -> new CellException(RejectionCode.UNKNOWN_LANDLORD_TYPE, Cells.UNKNOWN_LANDLORD));
                case DATE -> Cells.date(v);
                case RATE -> Cells.rate(v);
                case NUMBER -> Cells.number(v);
                case CODE -> Cells.code(v, List.of());
                case HOUSEHOLD_ID -> Cells.householdId(v);
                case RESIDENT_ID -> Cells.residentId(v);
            };
        } catch (CellException e) {
            reject(e.code(), problem(c, v, e.text()));
            return null;
        }
    }

    /** A cell's problem: its column, its value and {@code why} ("is not a whole number"). */
    private Msg problem(ColumnRef c, String v, Text why) {
        return Msg.of("input.cell.problem", c.label(), quote(c, v), why);
    }

    /**
     * A cell's value as a reason quotes it ({@link #cut}); in a household list, an identity number in it
     * masked ({@link ResidentId#mask}): the head's whole cell, and in any other cell a run of digits that
     * may be one (an identity number in the wrong column). A reason is read by more people than the list.
     */
    private String quote(ColumnRef c, String v) {
        if (!header.schema().households()) {
            // A firm list's cells are quoted as written: a credit code may start with 17 digits, which a
            // mask of digit runs would hide from the clerk who has to correct it.
            return cut(v);
        }
        return cut(c != null && c.kind() == Column.Kind.RESIDENT_ID ? ResidentId.mask(v) : ResidentId.maskRuns(v));
    }

    /** A value for a message, which quotes it ({@link Escape#quoted}). */
    static String cut(String v) {
        return Escape.quoted(v);
    }
}
