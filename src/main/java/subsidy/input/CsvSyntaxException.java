package subsidy.input;

import subsidy.text.Msg;

/** The bytes cannot be split into CSV records at all; the message names the line. */
public final class CsvSyntaxException extends Exception {
    private final Msg text;

    CsvSyntaxException(Msg message) {
        super(message.toString());
        this.text = message;
    }

    /** The message in any language; {@link #getMessage()} is its English. */
    public Msg text() {
        return text;
    }
}
