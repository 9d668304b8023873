package subsidy.input;

/** A cell that cannot be read as its column's kind; the message says why, without the value. */
final class CellException extends Exception {
    CellException(String message) {
        super(message, null, false, false);
    }
}
