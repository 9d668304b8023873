package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What /proc/self/fd/N points at when it is a terminal, and when it is not. */
class TerminalTest {
    @Test
    void pseudoTerminalsAndTtysAreTerminals() {
        assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
    }

    @Test
    void pipesFilesAndDevNullAreNot() {
        assertFalse(Terminal.isTerminalDevice("pipe:[56337]"));
        assertFalse(Terminal.isTerminalDevice("/tmp/err.log"));
        assertFalse(Terminal.isTerminalDevice("/dev/null"));
        assertFalse(Terminal.isTerminalDevice("socket:[1234]"));
    }
}
