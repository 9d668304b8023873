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
        String reason = describe(e);
        return e instanceof FileSystemException f && f.getFile() != null
                ? Escape.controls(f.getFile()) + ": " + reason : reason;
    }

    /**
     * "permission denied", "no such file", "not a directory", "no space left on device", …: the
     * reason the operating system gave, in lower case, or a sentence saying it gave none.
     */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (e instanceof NotLinkException) {
            return "not a symbolic link";
        }
        if (e instanceof FileSystemLoopException) {
            return "the path runs in a loop of links";
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "the system gave no reason";
        }
        reason = reason.strip();
        if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0)) && !Character.isUpperCase(reason.charAt(1))) {
            reason = reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return Escape.controls(reason);
    }
}
