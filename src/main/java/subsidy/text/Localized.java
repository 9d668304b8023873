package subsidy.text;

/**
 * A failure whose message a user reads, in any language: the command line renders it with the run's
 * catalogue; {@link Throwable#getMessage()} stays the English text, for logs and tests.
 */
public interface Localized {
    String message(Texts texts);

    /** The message of any throwable in a language: its own when it is {@link Localized}, else its English one. */
    static String of(Throwable t, Texts texts) {
        return t instanceof Localized l ? l.message(texts) : t.getMessage();
    }
}
