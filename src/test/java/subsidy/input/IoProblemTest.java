package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IoProblem.describe: why a file operation failed, in words, never as an exception's class. */
class IoProblemTest {
    @TempDir
    Path dir;

    @Test
    void theCommonReasonsAreSaidInWords() {
        assertEquals("permission denied", IoProblem.describe(new AccessDeniedException("/x/a.csv")));
        assertEquals("no such file", IoProblem.describe(new NoSuchFileException("/x/a.csv")));
        assertEquals("not a directory", IoProblem.describe(new NotDirectoryException("/x/a.csv")));
        assertEquals("no space left on device",
                IoProblem.describe(new FileSystemException("/x/a.csv", null, "No space left on device")));
        assertEquals("no space left on device", IoProblem.describe(new IOException("No space left on device")));
        assertEquals("input/output error", IoProblem.describe(new IOException("Input/output error")));
        assertEquals("the system gave no reason", IoProblem.describe(new IOException()));
        assertEquals("the system gave no reason", IoProblem.describe(new FileSystemException("/x/a.csv")));
        assertEquals("GBK not supported", IoProblem.describe(new IOException("GBK not supported")));
    }

    /** What the JDK throws for a path through a file: "not a directory", not the path said again. */
    @Test
    void aPathThroughAFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("file.csv"), "x");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Files.newInputStream(file.resolve("a.csv")).close());
        assertEquals("not a directory", IoProblem.describe(e));
        IOException missing = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Files.newInputStream(dir.resolve("none/a.csv")).close());
        assertEquals("no such file", IoProblem.describe(missing));
    }
}
