package subsidy.text;

import java.io.IOException;

/** An I/O failure with a message from the catalogue (a run that stopped, an output it could not write). */
public class TextIOException extends IOException implements Localized {
    private final transient Text text;

    public TextIOException(Text text) {
        this(text, null);
    }

    public TextIOException(Text text, Throwable cause) {
        super(text.in(Texts.EN), cause);
        this.text = text;
    }

    @Override
    public String message(Texts texts) {
        return text.in(texts);
    }
}
