package subsidy.input;

/** The bytes cannot be split into CSV records at all; the message names the line. */
final class CsvSyntaxException extends Exception {
    CsvSyntaxException(String message) {
        super(message);
    }
}
