package subsidy.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import subsidy.text.Lang;
import subsidy.text.Text;

/**
 * An input column a policy can name: one of the canonical columns of SPEC §2, or a column a
 * policy declares for itself (a regime that counts hires by tenure, a workshop's wages paid).
 * Each gives its value for an entity in the accessor of its kind.
 */
public interface ColumnRef {
    /** The canonical header, as policies and messages name it. */
    String header();

    /** The Chinese header the column may also have, or null. */
    default String chinese() {
        return null;
    }

    /**
     * The column as a message names it: its canonical header in English, its Chinese header in
     * Chinese (the canonical one when it has none), so that a clerk finds it in a Chinese header row.
     */
    default Text label() {
        return texts -> {
            String zh = chinese();
            return texts.lang() == Lang.ZH && zh != null && !zh.isBlank() ? zh.strip() : header();
        };
    }

    Column.Kind kind();

    /** The column's whole-number value for an entity (kind COUNT; BOOLEAN gives 1 or 0). */
    long count(Entity e);

    default boolean flag(Entity e) {
        return count(e) != 0;
    }

    /**
     * Kind MONEY: the amount in yuan; null only for a blank figure that is not zero (revenue, assets).
     * Kind NUMBER: the quantity (m², 亩).
     */
    default BigDecimal money(Entity e) {
        throw new IllegalArgumentException(header() + " is not a money column");
    }

    /** Kind RATE: a rate between 0 and 1, null when blank. */
    default BigDecimal rate(Entity e) {
        throw new IllegalArgumentException(header() + " is not a rate column");
    }

    /** Kind DATE: the date, null when blank. */
    default LocalDate date(Entity e) {
        throw new IllegalArgumentException(header() + " is not a date column");
    }

    /** A code (kind CODE, region, industry, entity type, landlord type): the code, null when blank. */
    default String code(Entity e) {
        throw new IllegalArgumentException(header() + " is not a code column");
    }
}
