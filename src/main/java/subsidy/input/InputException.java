package subsidy.input;

/**
 * An input file that cannot be used at all (missing, unreadable, no usable header): exit 3. The
 * message names a path and may quote the file, so its control characters are escaped.
 */
public final class InputException extends Exception {
    public InputException(String message) {
        super(Escape.controls(message), null, false, false);
    }
}
