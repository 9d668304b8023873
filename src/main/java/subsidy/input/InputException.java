package subsidy.input;

/** An input file that cannot be used at all (missing, unreadable, no usable header): exit 3. */
public final class InputException extends Exception {
    public InputException(String message) {
        super(message, null, false, false);
    }
}
