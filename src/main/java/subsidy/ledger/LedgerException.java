package subsidy.ledger;

import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * A ledger that cannot be used as asked, in words for a clerk: not a ledger, from a newer version,
 * damaged, busy, or a batch that is already recorded. Nothing was changed when this is thrown. An
 * IOException, so that it passes through a run's reading and writing as their failures do; a command
 * tells it apart from them by its type.
 */
public class LedgerException extends java.io.IOException implements subsidy.text.Localized {
    /** What went wrong, which decides the exit code: a usage error (2) or an unusable ledger (3). */
    public enum Kind {
        /** Exit 3: the file or database is not a subsidy ledger. */
        NOT_OURS,
        /** Exit 3: written by a newer subsidy. */
        NEWER,
        /** Exit 3: damaged, or it failed while being read or written. */
        DAMAGED,
        /** Exit 3: another run held it for longer than the wait. */
        BUSY,
        /** Exit 2: these inputs are recorded for this period already (--replace). */
        DUPLICATE,
        /** Exit 2: a batch, entity or program named that the ledger does not have, or not as asked. */
        NOT_FOUND
    }

    private final Kind kind;
    private final Text text;

    /** A message already in words (the command line's, until they come from the catalogue). */
    public LedgerException(Kind kind, String message) {
        this(kind, texts -> message, null);
    }

    public LedgerException(Kind kind, Text text) {
        this(kind, text, null);
    }

    public LedgerException(Kind kind, Text text, Throwable cause) {
        super(text.in(Texts.EN), cause);
        this.kind = kind;
        this.text = text;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this is the user's to fix by what they asked (exit 2) rather than the ledger's state (exit 3). */
    public boolean usage() {
        return kind == Kind.DUPLICATE || kind == Kind.NOT_FOUND;
    }

    /** The message in a language; {@link #getMessage()} is the English. */
    @Override
    public String message(Texts texts) {
        return text.in(texts);
    }
}
