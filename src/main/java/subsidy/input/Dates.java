package subsidy.input;

import java.time.LocalDate;

/** The date forms an input cell may take (SPEC §2: 2022-03-01, 2022/3/1), for options that take a date too. */
public final class Dates {
    private Dates() {
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text}, quoting it */
    public static LocalDate parse(String text) {
        try {
            return Cells.date(text);
        } catch (CellException e) {
            throw new IllegalArgumentException("'" + Escape.controls(text) + "' " + e.getMessage());
        }
    }
}
