package subsidy.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;
import subsidy.text.Msg;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * Says in plain words why a file operation failed, for messages a clerk reads: never the
 * exception's class name, and never the path again (the caller names it once).
 */
public final class IoProblem {
    private IoProblem() {
    }

    /**
     * The reason with the file it is about, "reports/x.csv: permission denied", for a failure whose
     * caller cannot name the file (one of several a step touches); the reason alone when none is known.
     */
    public static String located(IOException e) {
        return located(e, Texts.EN);
    }

    /** {@link #located(IOException)} in a language. */
    public static String located(IOException e, Texts texts) {
        return locatedText(e).in(texts);
    }

    /** {@link #located(IOException)} as a text, for a message that names no file of its own. */
    public static Text locatedText(IOException e) {
        Text reason = problem(e);
        return e instanceof FileSystemException f && f.getFile() != null
                ? Msg.of("input.io.located", Escape.controls(f.getFile()), reason) : reason;
    }

    /**
     * "permission denied", "no such file", "not a directory", "no space left on device", …: the
     * reason the operating system gave, in lower case, or a sentence saying it gave none.
     */
    public static String describe(IOException e) {
        return problem(e).in(Texts.EN);
    }

    /** {@link #describe(IOException)} in a language. */
    public static String describe(IOException e, Texts texts) {
        return problem(e).in(texts);
    }

    /**
     * {@link #describe(IOException)} as a text: the common failures from the catalogue
     * ({@code input.io.*}), any other in the operating system's own words, which are the same in every language.
     */
    public static Text problem(IOException e) {
        if (e instanceof subsidy.text.Localized l) { // subsidy's own failure, worded in the catalogue already
            return texts -> Escape.controls(l.message(texts));
        }
        String key = e instanceof AccessDeniedException ? "input.io.permission_denied"
                : e instanceof NoSuchFileException ? "input.io.no_such_file"
                : e instanceof NotDirectoryException ? "input.io.not_a_directory"
                : e instanceof FileAlreadyExistsException ? "input.io.already_exists"
                : e instanceof DirectoryNotEmptyException ? "input.io.directory_not_empty"
                : e instanceof NotLinkException ? "input.io.not_a_link"
                : e instanceof FileSystemLoopException ? "input.io.loop" : null;
        if (key != null) {
            return Msg.of(key);
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return Msg.of("input.io.no_reason");
        }
        reason = reason.strip();
        if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0)) && !Character.isUpperCase(reason.charAt(1))) {
            reason = reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return InputTexts.literal(Escape.controls(reason));
    }
}
