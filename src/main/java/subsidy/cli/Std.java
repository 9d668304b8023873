package subsidy.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output and error as the commands use them. Every text is UTF-8 whatever the
 * locale (cron runs jobs under {@code LC_ALL=C}); every text meant for a person has its control
 * characters escaped ({@link TerminalText}); and no write failure goes unseen: the byte streams throw
 * (a report cut short by a full disk or a closed pipe stops the run), and the text streams, which
 * like every {@link PrintStream} only remember a failure, are asked by {@link Main} at the end.
 */
final class Std {
    /** Raw standard output: the report and verify's differences, whose writes must throw on failure. */
    final OutputStream out;
    /** Raw standard error, for the progress line's carriage returns. */
    final OutputStream err;
    /** Messages on standard error, escaped. */
    final PrintStream messages;
    /** Text on standard output (explain, policy, help), escaped. */
    final PrintWriter text;
    /** picocli's error writer (usage errors), escaped, over {@link #messages}. */
    final PrintWriter errorText;

    Std(OutputStream out, OutputStream err) {
        this.out = out;
        this.err = err;
        this.messages = new PrintStream(new TerminalText(err), true, StandardCharsets.UTF_8);
        this.text = new PrintWriter(new OutputStreamWriter(new TerminalText(out), StandardCharsets.UTF_8), true);
        this.errorText = new PrintWriter(new OutputStreamWriter(messages, StandardCharsets.UTF_8), true);
    }

    /** A write to standard output that failed (a full disk, a closed pipe): what it was is in the cause. */
    static final class Failed extends IOException {
        Failed(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Standard output whose failures are told apart from those of the files a command writes. */
    static final class Checked extends FilterOutputStream {
        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws Failed {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new Failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws Failed {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new Failed(e);
            }
        }

        @Override
        public void flush() throws Failed {
            try {
                out.flush();
            } catch (IOException e) {
                throw new Failed(e);
            }
        }
    }

    /** Whether any write to a text stream failed (each is flushed first, so a buffered failure shows). */
    boolean failed() {
        text.flush();
        errorText.flush();
        messages.flush();
        return text.checkError() | errorText.checkError() | messages.checkError();
    }
}
