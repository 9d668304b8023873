package subsidy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** The progress line, drawn against a fake clock: what it says, when it redraws, how it ends. */
class ProgressMeterTest {
    private static final String NL = System.lineSeparator();

    /** nanoTime has an arbitrary origin; the tests start the clock away from zero to show it does not matter. */
    private final Clock clock = new Clock(5_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stderr = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static final class Clock implements LongSupplier {
        private long now;

        Clock(long origin) {
            now = origin;
        }

        void advanceMillis(long ms) {
            now += ms * 1_000_000L;
        }

        @Override
        public long getAsLong() {
            return now;
        }
    }

    private ProgressMeter meter(boolean always) {
        return new ProgressMeter(stderr, clock, always);
    }

    private String drawn() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneLineSaysRowsRowsPerSecondShareOfBytesAndTimeLeft() {
        ProgressMeter m = meter(false);
        m.start(10_000);
        clock.advanceMillis(2_000);
        m.advance(824_000, 2_000);
        // 824,000 rows in 2 s; 2,000 of 10,000 bytes took 2 s, so 8,000 more take 8 s.
        assertEquals("\rsubsidy: 824,000 rows · 412,000 rows/s · 20% · about 0:08 left", drawn());
    }

    @Test
    void nothingIsDrawnBeforeTheFirstIntervalHasPassed() {
        ProgressMeter m = meter(false);
        m.start(10_000);
        clock.advanceMillis(249);
        m.advance(1_000, 100);
        assertEquals("", drawn());
        clock.advanceMillis(1);
        m.advance(2_000, 200);
        assertEquals("\rsubsidy: 2,000 rows · 8,000 rows/s · 2% · about 0:13 left", drawn());
    }

    @Test
    void callsWithinTheRedrawIntervalDrawNothing() {
        ProgressMeter m = meter(false);
        m.start(0);
        clock.advanceMillis(250);
        m.advance(1_000, 0);
        for (int i = 0; i < 249; i++) {
            clock.advanceMillis(1);
            m.advance(1_000 + i, 0);
        }
        assertEquals("\rsubsidy: 1,000 rows · 4,000 rows/s", drawn(), "no redraw within 250 ms of the last");
        clock.advanceMillis(1);
        m.advance(3_000, 0);
        assertEquals("\rsubsidy: 1,000 rows · 4,000 rows/s\rsubsidy: 3,000 rows · 6,000 rows/s", drawn());
    }

    @Test
    void aShorterLineBlanksOutTheRestOfTheLongerOne() {
        ProgressMeter m = meter(false);
        m.start(0);
        clock.advanceMillis(250);
        m.advance(1_000_000, 0);
        clock.advanceMillis(9_750);
        m.advance(1_000_000, 0);
        assertEquals("\rsubsidy: 1,000,000 rows · 4,000,000 rows/s"
                + "\rsubsidy: 1,000,000 rows · 100,000 rows/s  ", drawn());
    }

    @Test
    void unknownTotalBytesGiveNoShareAndNoTimeLeft() {
        ProgressMeter m = meter(false);
        m.start(0);
        clock.advanceMillis(2_000);
        m.advance(824_000, 2_000);
        assertEquals("\rsubsidy: 824,000 rows · 412,000 rows/s", drawn());
    }

    @Test
    void noBytesDoneGiveNoShareAndNoTimeLeft() {
        ProgressMeter m = meter(false);
        m.start(10_000);
        clock.advanceMillis(2_000);
        m.advance(824_000, 0);
        assertEquals("\rsubsidy: 824,000 rows · 412,000 rows/s", drawn());
    }

    @Test
    void timeLeftIsRoundedUpSoItNeverSaysNothingIsLeftWhileWorkRemains() {
        ProgressMeter m = meter(false);
        m.start(1_000);
        clock.advanceMillis(250);
        m.advance(100_000, 999); // 1 byte left at 4 bytes/ms: a quarter of a millisecond
        assertEquals("\rsubsidy: 100,000 rows · 400,000 rows/s · 99% · about 0:01 left", drawn());
    }

    @Test
    void timeLeftOverAnHourShowsHours() {
        ProgressMeter m = meter(false);
        m.start(1_000_000);
        clock.advanceMillis(60_000);
        m.advance(60_000, 10_000); // 1% in a minute: 99 minutes left
        assertEquals("\rsubsidy: 60,000 rows · 1,000 rows/s · 1% · about 1:39:00 left", drawn());
    }

    @Test
    void finishAfterADrawShowsTheFinalCountAndEndsTheLine() {
        ProgressMeter m = meter(false);
        m.start(0);
        clock.advanceMillis(250);
        m.advance(1_000_000, 0);
        clock.advanceMillis(2_250);
        m.finish(1_000_000);
        assertEquals("\rsubsidy: 1,000,000 rows · 4,000,000 rows/s"
                + "\rsubsidy: 1,000,000 rows in 0:02 · 400,000 rows/s" + NL, drawn());
    }

    @Test
    void aRunShorterThanTheIntervalLeavesNoTraceAndNoNewline() {
        ProgressMeter m = meter(false);
        m.start(10_000);
        clock.advanceMillis(100);
        m.advance(47, 5_000);
        clock.advanceMillis(20);
        m.finish(47);
        assertEquals("", drawn());
    }

    @Test
    void aForcedMeterDrawsTheFinalCountEvenWhenTheRunWasShort() {
        ProgressMeter m = meter(true);
        m.start(10_000);
        clock.advanceMillis(100);
        m.advance(47, 5_000);
        m.finish(47);
        assertEquals("\rsubsidy: 47 rows in 0:00 · 470 rows/s" + NL, drawn());
    }

    @Test
    void aMessageFirstBlanksTheProgressLineAndTheNextDrawPutsItBack() {
        ProgressMeter m = meter(false);
        PrintStream messages = m.messages();
        m.start(0);
        clock.advanceMillis(250);
        m.advance(1_000, 0);
        messages.println("rejected: a.csv line 7: employees: -3");
        clock.advanceMillis(250);
        m.finish(2_000);
        String line = "subsidy: 1,000 rows · 4,000 rows/s";
        assertEquals("\r" + line + "\r" + " ".repeat(line.length()) + "\r"
                + "rejected: a.csv line 7: employees: -3" + NL
                + "\rsubsidy: 2,000 rows in 0:00 · 4,000 rows/s" + NL, drawn());
    }

    @Test
    void messagesPassThroughUnchangedWhenNoLineIsShown() {
        ProgressMeter m = meter(false);
        m.start(0);
        m.messages().println("subsidy: left out, not in force: x");
        assertEquals("subsidy: left out, not in force: x" + NL, drawn());
    }

    @Test
    void aClockThatWrapsAroundStillRedrawsOnTime() {
        Clock nearTheEnd = new Clock(Long.MAX_VALUE - 100_000_000L);
        ProgressMeter m = new ProgressMeter(stderr, nearTheEnd, false);
        m.start(0);
        nearTheEnd.advanceMillis(249);
        m.advance(1_000, 0);
        assertEquals("", drawn());
        nearTheEnd.advanceMillis(1);
        m.advance(1_000, 0);
        assertEquals("\rsubsidy: 1,000 rows · 4,000 rows/s", drawn());
    }
}
