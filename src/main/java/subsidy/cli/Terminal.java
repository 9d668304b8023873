package subsidy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard output or standard error is a terminal. Java 17 has no isatty, and
 * {@code System.console() != null} only says that standard input and output both are (and from Java 22 it
 * is non-null even when they are not), so on Linux we ask /proc which device the descriptor is open on.
 * Where /proc is missing (macOS, Windows) the console is the best proxy left.
 */
final class Terminal {
    private Terminal() {
    }

    static boolean stdout() {
        return isTerminal(1);
    }

    static boolean stderr() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            return isTerminalDevice(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** A pseudo-terminal (ssh, terminal emulators) or a real one; a pipe shows as "pipe:[…]", a file as its path. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    }
}
