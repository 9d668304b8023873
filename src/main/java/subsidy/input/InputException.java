package subsidy.input;

/**
 * An input file that cannot be used at all (missing, unreadable, no usable header): exit 3. The
 * message names a path and may quote the file, so its control characters are escaped.
 */
public final class InputException extends Exception {
    public InputException(String message) {
        super(Escape.controls(message), null, false, false);
    }

    /**
     * The message in a language. Until this exception's texts come from the catalogue it is the
     * English {@link #getMessage()}; the owner of this class replaces that.
     */
    public String message(subsidy.text.Texts texts) {
        return getMessage();
    }
}
