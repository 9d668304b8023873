package subsidy.calc;

/**
 * Told how far a batch has got, so a long run can show it. Called from one thread, in input order,
 * about once per chunk of rows: often enough for a display, too seldom to cost anything.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void start(long totalBytes) {
        }

        @Override
        public void advance(long rows, long bytes) {
        }

        @Override
        public void finish(long rows) {
        }
    };

    /** @param totalBytes the size of all inputs together, for the estimate of the time left */
    void start(long totalBytes);

    /** @param rows data rows done so far; @param bytes input bytes done so far (both cumulative) */
    void advance(long rows, long bytes);

    /** The batch has ended (completed or not); a display should leave the terminal line clean. */
    void finish(long rows);
}
