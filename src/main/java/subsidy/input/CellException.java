package subsidy.input;

/** A cell that cannot be read as its column's kind; the message says why, without the value, and the code names the kind. */
final class CellException extends Exception {
    private final RejectionCode code;

    CellException(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    RejectionCode code() {
        return code;
    }
}
