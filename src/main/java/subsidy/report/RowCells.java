package subsidy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import subsidy.money.Money;

/**
 * Receives a row's cells one by one: {@link CsvLine} writes them as bytes, {@link AsList} keeps them
 * as text for a comparison. A table describes its row once, for both.
 */
public interface RowCells {
    RowCells text(String value);

    /** A text cell that recurs from row to row (an enum's code, a region code); the same as {@link #text}. */
    RowCells code(String value);

    /** An amount, to be shown with exactly two decimals. */
    RowCells amount(BigDecimal value);

    /** Starts a text cell given in pieces, so that a long one (the notes) is never built as a String. */
    RowCells textStart();

    RowCells piece(String text);

    RowCells textEnd();

    /**
     * A sink that holds each cell as a value: a text given in pieces is joined and given to
     * {@link #text}, and a code is a text. {@link AsList} and the workbook writer are two.
     */
    abstract class Held implements RowCells {
        private StringBuilder pieces;

        @Override
        public RowCells code(String value) {
            return text(value);
        }

        @Override
        public RowCells textStart() {
            pieces = new StringBuilder();
            return this;
        }

        @Override
        public RowCells piece(String text) {
            pieces.append(text);
            return this;
        }

        @Override
        public RowCells textEnd() {
            String t = pieces.toString();
            pieces = null;
            return text(t);
        }
    }

    /** The cells as the strings a reader of the CSV gets back (before {@link SafeText}). */
    final class AsList extends Held {
        private final List<String> cells = new ArrayList<>();

        @Override
        public RowCells text(String value) {
            cells.add(value == null ? "" : value);
            return this;
        }

        @Override
        public RowCells amount(BigDecimal value) {
            cells.add(Money.format(value));
            return this;
        }

        public List<String> cells() {
            return cells;
        }
    }
}
