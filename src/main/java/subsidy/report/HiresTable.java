package subsidy.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import subsidy.hire.HireRun;
import subsidy.text.Texts;

/**
 * hires.csv (calc --hires): every hire of the hire list that was read, in the file's order, with its
 * outcome — line, the firm, the person's identity number (in full: the clerk pays the firm for this
 * person and must know whom; the number is masked everywhere else), category, hire date, the programs
 * that count the category, the amount paid for the person (0.00 when none), a stable outcome code and a
 * note saying why not (the firm that was paid, the earlier period and batch, the firm's reason). The rows
 * rejected are in rejected.csv instead, so hires.csv's rows and the rejected hires add up to the rows read.
 *
 * <p>Blocks of rows are rendered on every core and written in order: a million rows are most of the
 * time a hire list adds to a run.
 */
public final class HiresTable {
    private static final List<String> COLUMNS = List.of("line", "entity_id", "id_number", "category", "hire_date",
            "program", "amount", "outcome", "note");
    private static final int BLOCK = 8192;

    private HiresTable() {
    }

    public static List<String> header(Texts texts) {
        List<String> h = new ArrayList<>(COLUMNS.size());
        for (String c : COLUMNS) {
            h.add(texts.get("hires.col." + c));
        }
        return h;
    }

    /** Writes every hire's outcome to {@code out} (closed at the end). */
    public static void write(HireRun run, OutputStream out, Texts texts) throws IOException {
        run.prepare(texts);
        int n = run.list().size();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "subsidy-hires-writer");
            t.setDaemon(true);
            return t;
        });
        try (Csv csv = Csv.open(out, header(texts))) {
            Deque<Future<byte[]>> pending = new ArrayDeque<>();
            for (int from = 0; from < n; from += BLOCK) {
                int a = from;
                int b = Math.min(n, from + BLOCK);
                pending.add(pool.submit(() -> render(run, a, b, texts)));
                if (pending.size() >= 2 * threads) {
                    csv.write(take(pending));
                }
            }
            while (!pending.isEmpty()) {
                csv.write(take(pending));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] take(Deque<Future<byte[]>> pending) throws IOException {
        try {
            return pending.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing hires.csv");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Rows [from, to) as CSV lines. */
    private static byte[] render(HireRun run, int from, int to, Texts texts) {
        CsvLine line = new CsvLine();
        for (int i = from; i < to; i++) {
            HireRun.Result r = run.result(i, texts);
            line.number(r.line()).text(r.entityId()).text(r.idNumber()).text(r.category().word(texts))
                    .text(r.hireDate()).text(r.programs()).amount(r.amount()).text(r.outcome().code()).text(r.note())
                    .end();
        }
        return line.bytes();
    }
}
