package subsidy.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongSupplier;
import subsidy.calc.Progress;
import subsidy.text.Texts;

/**
 * One self-overwriting line on standard error: {@code subsidy: 1,234,567 rows · 412,000 rows/s · 38% · about
 * 0:07 left}. The rate is over the whole run so far: steadier than a recent rate, and easy to check against
 * the summary. Percentage and time left come from the bytes read, so they appear only when both the size of
 * the inputs and the bytes done are known.
 *
 * <p>Called from the batch's one thread; {@link #messages()} must be used from that thread too.
 */
final class ProgressMeter implements Progress {
    /** Four redraws a second: lively enough, and nothing a slow terminal or ssh link notices. */
    static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final boolean always;
    private final Texts texts;

    private long totalBytes;
    private long startedAt;
    private long nextDrawAt;
    private boolean drawn;
    /** Characters of the line now on screen, 0 when none, so a shorter line can blank out the rest. */
    private int onScreen;

    /**
     * @param out       where to draw (standard error)
     * @param nanoClock {@link System#nanoTime}, or a fake one in tests
     * @param always    draw a final line even when the run ended before the first redraw (--progress); otherwise
     *                  a short run leaves no trace
     */
    ProgressMeter(PrintStream out, LongSupplier nanoClock, boolean always) {
        this(out, nanoClock, always, Texts.EN);
    }

    ProgressMeter(PrintStream out, LongSupplier nanoClock, boolean always, Texts texts) {
        this.texts = texts;
        this.out = out;
        this.nanoClock = nanoClock;
        this.always = always;
    }

    @Override
    public void start(long totalBytes) {
        this.totalBytes = Math.max(0, totalBytes);
        startedAt = nanoClock.getAsLong();
        nextDrawAt = startedAt + INTERVAL_NANOS;
    }

    @Override
    public void advance(long rows, long bytes) {
        long now = nanoClock.getAsLong();
        if (now - nextDrawAt < 0) { // subtract, don't compare: nanoTime may wrap
            return;
        }
        nextDrawAt = now + INTERVAL_NANOS;
        long elapsed = now - startedAt;
        StringBuilder line = new StringBuilder(texts.get("cli.progress.rows", format("%,d", rows)))
                .append(rate(rows, elapsed));
        if (totalBytes > 0 && bytes > 0) {
            long left = Math.max(0, totalBytes - bytes);
            double nanosLeft = (double) elapsed * left / bytes;
            line.append(texts.get("cli.progress.left", format("%d", Math.min(100, bytes * 100 / totalBytes)),
                    clock((long) Math.ceil(nanosLeft / 1e9))));
        }
        draw(line.toString());
    }

    @Override
    public void finish(long rows) {
        if (!drawn && !always) {
            return;
        }
        long elapsed = nanoClock.getAsLong() - startedAt;
        draw(texts.get("cli.progress.done", format("%,d", rows), clock(elapsed / 1_000_000_000L)) + rate(rows, elapsed));
        out.println();
        onScreen = 0;
    }

    /**
     * Standard error for the run's other messages (rejected rows): each write first blanks the progress line,
     * so a message never runs on from the middle of it; the next redraw puts the line back below. Control
     * characters in them are escaped; only the progress line's own carriage returns reach the terminal.
     * A write the meter's stream could not make is passed on as a failure, so the returned stream's
     * {@link PrintStream#checkError()} tells of it (a PrintStream under a PrintStream would hide it).
     */
    PrintStream messages() {
        return new PrintStream(new TerminalText(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                erase();
                out.write(b);
                checked();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                erase();
                out.write(b, off, len);
                checked();
            }

            @Override
            public void flush() throws IOException {
                out.flush();
                checked();
            }
        }), true, StandardCharsets.UTF_8);
    }

    private void checked() throws IOException {
        if (out.checkError()) {
            throw new IOException("standard error could not be written");
        }
    }

    private void erase() {
        if (onScreen > 0) {
            out.print('\r' + " ".repeat(onScreen) + '\r');
            onScreen = 0;
        }
    }

    private void draw(String line) {
        int width = columns(line);
        out.print('\r' + line + " ".repeat(Math.max(0, onScreen - width)));
        out.flush();
        onScreen = width;
        drawn = true;
    }

    private String rate(long rows, long elapsedNanos) {
        return elapsedNanos <= 0 ? "" : texts.get("cli.progress.rate", format("%,d", Math.round(rows * 1e9 / elapsedNanos)));
    }

    /**
     * The terminal columns a line takes: a Chinese character takes two (East Asian wide, from U+1100 on, roughly),
     * so that the blanks after a shorter line cover all of a longer one; ASCII and the middle dot take one.
     */
    static int columns(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            n += c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                    || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
                    || c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
        }
        return n;
    }

    /** 0:07, 12:30, 1:02:03. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? format("%d:%02d:%02d", h, m, s) : format("%d:%02d", m, s);
    }

    /** Locale.ROOT: the same separators on every machine, and what the tests expect. */
    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
