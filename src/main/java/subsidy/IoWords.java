package subsidy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words a clerk reads: "permission denied", "no space left on device",
 * never a Java exception's class name. The operating system's own reason is kept where it gives one.
 */
public final class IoWords {
    private IoWords() {
    }

    /** "PATH: permission denied" when the exception names a file, else the reason alone. */
    public static String describe(IOException e) {
        String reason = reason(e);
        return e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " + reason : reason;
    }

    /** The reason alone: "permission denied", "no space left on device". */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lower(f.getReason());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : lower(m);
    }

    /** "No space left on device" reads as "no space left on device" inside a sentence. */
    private static String lower(String reason) {
        return reason.length() > 1 && Character.isUpperCase(reason.charAt(0)) && Character.isLowerCase(reason.charAt(1))
                ? Character.toLowerCase(reason.charAt(0)) + reason.substring(1) : reason;
    }
}
