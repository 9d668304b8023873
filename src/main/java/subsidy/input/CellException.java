package subsidy.input;

import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * A cell that cannot be read as its column's kind; the message says why, without the value, and the code names the kind.
 * The message is a catalogue text ({@link #text()}, what follows the column and the value: "is not a whole
 * number"); {@link #getMessage()} is its English, made only when asked for.
 */
final class CellException extends Exception {
    private final RejectionCode code;
    private final Text text;

    CellException(RejectionCode code, Text message) {
        super(null, null, false, false);
        this.code = code;
        this.text = message;
    }

    /** A message that reads the same in every language (tests make their own). */
    CellException(RejectionCode code, String message) {
        this(code, InputTexts.literal(message));
    }

    RejectionCode code() {
        return code;
    }

    /** Why, in any language. */
    Text text() {
        return text;
    }

    @Override
    public String getMessage() {
        return text.in(Texts.EN);
    }
}
