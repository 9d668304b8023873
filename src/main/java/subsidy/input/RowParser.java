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
import subsidy.entity.LandlordType;
import subsidy.entity.SizeClass;

/**
 * Turns one CSV record into an {@link Entity}, or into every reason it cannot be one.
 * All cells are read even after a first problem, so a clerk fixes a row once, not once per reason.
 */
final class RowParser {
    /** No valid cell of any column is longer; a longer one is a paste accident or an attack. */
    static final int MAX_CELL = 1000;
    private final Header header;
    private final List<String> reasons = new ArrayList<>();
    private String[] cells;
    private String id;

    RowParser(Header header) {
        this.header = header;
    }

    /**
     * The entity, or null with {@link #reasons()} saying why.
     *
     * @param problem what is wrong with the record's quoting, or null
     */
    Entity parse(String[] cells, String problem) {
        this.cells = cells;
        reasons.clear();
        if (problem != null) {
            reasons.add(problem);
        }
        if (cells.length != header.width()) {
            reasons.add("row has " + cells.length + " cells, the header has " + header.width());
        }
        id = read(Column.ENTITY_ID, Column.Kind.CREDIT_CODE);
        String name = text(Column.NAME);
        EntityType type = read(Column.ENTITY_TYPE, Column.Kind.ENTITY_TYPE);
        String region = read(Column.REGION_CODE, Column.Kind.REGION);
        String industry = read(Column.INDUSTRY_CODE, Column.Kind.INDUSTRY);
        SizeClass size = read(Column.SIZE_CLASS, Column.Kind.SIZE);
        Long employees = read(Column.EMPLOYEES, Column.Kind.COUNT);
        BigDecimal revenue = read(Column.REVENUE, Column.Kind.MONEY);
        BigDecimal assets = read(Column.TOTAL_ASSETS, Column.Kind.MONEY);
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
        LandlordType landlord = read(Column.LANDLORD_TYPE, Column.Kind.LANDLORD);
        BigDecimal rent = money(Column.MONTHLY_RENT);
        LocalDate start = read(Column.LEASE_START, Column.Kind.DATE);
        LocalDate end = read(Column.LEASE_END, Column.Kind.DATE);
        long granted = count(Column.RENT_FREE_MONTHS_GRANTED);
        Extras extras = extras();
        if (start != null && end != null && end.isBefore(start)) {
            reasons.add("lease_end " + end + " is before lease_start " + start);
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        return new Entity(id, name, type, region, industry, size, employees, revenue, assets, insured,
                layoffs, uiPaid, dishonest, affected, grads, youth, hardToEmploy, junior, intermediate,
                senior, landlord, rent, start, end, granted, extras);
    }

    List<String> reasons() {
        return reasons;
    }

    /** The last row's entity_id cell as a clerk would look it up: trimmed, upper case, "" when absent. */
    String rawId() {
        String v = raw(Column.ENTITY_ID);
        return v == null ? "" : Cells.normalize(v).toUpperCase(java.util.Locale.ROOT);
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
        for (ExtraColumn x : columns) {
            int i = header.indexOf(x);
            String v = text(x, i >= 0 && i < cells.length ? cells[i] : null);
            if (v == null) {
                continue;
            }
            try {
                values[x.index()] = x.kind() == Column.Kind.BOOLEAN ? (Cells.bool(v) ? 1 : 0) : Cells.count(v);
            } catch (CellException e) {
                reasons.add(x + ": " + quote(v) + " " + e.getMessage());
            }
        }
        return new Extras(values);
    }

    /** The raw cell, or null when the file has no such column or the row is too short for it. */
    private String raw(Column c) {
        int i = header.indexOf(c);
        return i >= 0 && i < cells.length ? cells[i] : null;
    }

    private String text(Column c) {
        return text(c, raw(c));
    }

    private String text(ColumnRef c, String v) {
        if (v == null || v.isBlank()) {
            if (c instanceof Column base && base.required()) {
                reasons.add(c + ": required, but blank");
            }
            return null;
        }
        if (v.length() > MAX_CELL) {
            reasons.add(c + ": " + quote(v) + " is " + v.length() + " characters long; at most " + MAX_CELL);
            return null;
        }
        if (v.indexOf('\uFFFD') >= 0 || v.indexOf('\0') >= 0) {
            reasons.add(c + ": " + quote(v) + " holds bytes that are not text in the file's encoding");
            return null;
        }
        return v.strip();
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
                        () -> new CellException("is not enterprise, individual_business or nonprofit"));
                case REGION -> Cells.region(v);
                case INDUSTRY -> Cells.industry(v);
                case SIZE -> SizeClass.parse(v).orElseThrow(
                        () -> new CellException("is not large, medium, small or micro"));
                case COUNT -> Cells.count(v);
                case MONEY -> Cells.money(v);
                case BOOLEAN -> Cells.bool(v);
                case LANDLORD -> LandlordType.parse(v).orElseThrow(() -> new CellException(
                        "is not state_enterprise, government, public_institution or private"));
                case DATE -> Cells.date(v);
            };
        } catch (CellException e) {
            reasons.add(c + ": " + quote(v) + " " + e.getMessage());
            return null;
        }
    }

    private long count(Column c) {
        Long v = read(c, Column.Kind.COUNT);
        return v == null ? 0 : v;
    }

    private BigDecimal money(Column c) {
        BigDecimal v = read(c, Column.Kind.MONEY);
        return v == null ? BigDecimal.ZERO : v;
    }

    private boolean flag(Column c) {
        Boolean v = read(c, Column.Kind.BOOLEAN);
        return v != null && v;
    }

    /** Quotes a value for a message, cut short so a megabyte cell does not become a megabyte reason. */
    static String quote(String v) {
        String s = v.length() > 60 ? v.substring(0, 57) + "..." : v;
        return "\"" + s.replace("\0", "\\0") + "\"";
    }
}
