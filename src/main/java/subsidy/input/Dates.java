package subsidy.input;

import java.time.LocalDate;
import subsidy.text.Texts;

/** The date forms an input cell may take (SPEC §2: 2022-03-01, 2022/3/1), for options that take a date too. */
public final class Dates {
    private Dates() {
    }

    /** @throws IllegalArgumentException saying in English what is wrong with {@code text}, quoting it */
    public static LocalDate parse(String text) {
        return parse(text, Texts.EN);
    }

    /** @throws IllegalArgumentException saying in the language of {@code texts} what is wrong with {@code text}, quoting it */
    public static LocalDate parse(String text, Texts texts) {
        try {
            return Cells.date(text);
        } catch (CellException e) {
            throw new IllegalArgumentException(texts.get("input.date.problem", Escape.controls(text), e.text()));
        }
    }
}
