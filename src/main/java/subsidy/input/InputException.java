package subsidy.input;

import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * An input file that cannot be used at all (missing, unreadable, no usable header): exit 3. The
 * message names a path and may quote the file, so its control characters are escaped. It is a
 * catalogue text ({@code input.file.*}), rendered in a run's language by {@link #message(Texts)};
 * {@link #getMessage()} is the English.
 */
public final class InputException extends Exception {
    private final Text text;

    /** A message already written, the same in every language (a caller's own words). */
    public InputException(String message) {
        this(InputTexts.literal(message));
    }

    /** A message in any language, from the catalogue. */
    public InputException(Text message) {
        super(Escape.controls(message.in(Texts.EN)), null, false, false);
        this.text = message;
    }

    /** The message in a language, its control characters escaped as {@link #getMessage()}'s are. */
    public String message(Texts texts) {
        return texts.lang() == Texts.EN.lang() ? getMessage() : Escape.controls(text.in(texts));
    }

    /** The message as a text, escaped as {@link #message(Texts)}, for a caller that puts it into a message of its own. */
    public Text text() {
        return this::message;
    }
}
