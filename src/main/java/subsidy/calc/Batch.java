package subsidy.calc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import subsidy.input.Chunk;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.ParsedRow;
import subsidy.input.Rejection;
import subsidy.input.SeenIds;
import subsidy.ledger.Prior;

/**
 * A calc run: every row of every input, in order, through the {@link Calculator} into a
 * {@link ResultSink}, keeping the control totals. Every row read is either computed or rejected,
 * as {@link Acceptance} decides.
 *
 * <p>The work is spread over the machine's cores and the output stays in input order:
 * <ol>
 * <li>a reader thread cuts each file into chunks of whole records and hands each chunk to the pool;
 * <li>worker threads parse, size, compute and render a chunk each, all at once;
 * <li>the calling thread takes the chunks back in the order they were read, decides duplicates
 *     (only it sees the rows in order, so "the first" means what it says), adds up the totals and
 *     passes every row to the sink.
 * </ol>
 * The queue between the reader and the calling thread is short, so only a few chunks are ever in
 * memory, and the bytes written are the same as a single thread's.
 */
public final class Batch {
    private final Acceptance acceptance;
    private final Calculator calculator;
    private final int workers;
    /** With a ledger: what each chunk's entities have used up; null without one. */
    private final PriorSource priors;

    public Batch(Calculator calculator) {
        this(calculator, Runtime.getRuntime().availableProcessors());
    }

    /** @param workers threads that parse and compute; the reader and the caller come on top */
    public Batch(Calculator calculator, int workers) {
        this(calculator, workers, null);
    }

    /**
     * @param priors with a ledger ({@link Calculator#withLedger}), where each chunk's entities' earlier
     *               payments are read, a chunk at a time; null without one
     */
    public Batch(Calculator calculator, int workers, PriorSource priors) {
        // A run over many rows: the same reasons and size rows are asked for again and again.
        this.calculator = calculator.memoised();
        this.acceptance = new Acceptance(this.calculator);
        this.workers = Math.max(1, workers);
        this.priors = priors;
    }

    /** What one chunk, or the end of something, leaves for the calling thread. */
    private sealed interface Part {
    }

    /** A chunk's rows, each with its result (null when it has none) and its rendering, and the sums of the results. */
    private record Rows(List<Row> rows, Sums sums, long end) implements Part {
    }

    private record Row(ParsedRow parsed, EntityResult result, Object rendered) {
    }

    private record FileEnd(InputFile.Reading reading) implements Part {
    }

    private record End() implements Part {
    }

    public <R> Totals run(List<InputFile> inputs, ResultSink<R> sink) throws InputException, IOException {
        return run(inputs, sink, Progress.NONE);
    }

    public <R> Totals run(List<InputFile> inputs, ResultSink<R> sink, Progress progress)
            throws InputException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "subsidy-worker");
            t.setDaemon(true);
            return t;
        });
        // Enough chunks queued that no worker waits for the reader, few enough to keep memory flat.
        BlockingQueue<Future<Part>> queue = new ArrayBlockingQueue<>(3 * workers);
        Thread reader = new Thread(() -> read(inputs, sink, pool, queue), "subsidy-reader");
        reader.setDaemon(true);
        Totals totals = new Totals(calculator.policy());
        long totalBytes = 0;
        for (InputFile input : inputs) {
            totalBytes += input.size();
        }
        progress.start(totalBytes);
        reader.start();
        SeenIds seen = new SeenIds();
        long done = 0; // bytes of the files already finished
        long read = 0;
        long accepted = 0;
        try {
            while (true) {
                Part part = take(queue);
                if (part instanceof End) {
                    return totals;
                } else if (part instanceof FileEnd f) {
                    totals.input(f.reading().stats(read, accepted));
                    done += f.reading().size();
                    read = 0;
                    accepted = 0;
                    continue;
                }
                Rows chunk = (Rows) part;
                boolean[] dropped = null; // computed rows that turned out duplicates: the chunk's sums are off
                for (int i = 0; i < chunk.rows().size(); i++) {
                    Row row = chunk.rows().get(i);
                    read++;
                    Rejection rejected = acceptance.rejection(row.parsed(), row.result(), seen);
                    if (rejected == null) {
                        accepted++;
                        @SuppressWarnings("unchecked")
                        R rendered = (R) row.rendered();
                        sink.computed(row.result(), rendered);
                    } else {
                        if (row.result() != null) { // computed, then found a duplicate
                            dropped = dropped == null ? new boolean[chunk.rows().size()] : dropped;
                            dropped[i] = true;
                        }
                        totals.reject();
                        sink.rejected(rejected);
                    }
                }
                if (dropped != null) {
                    addWithout(chunk, dropped, totals);
                } else {
                    totals.add(chunk.sums());
                }
                progress.advance(totals.read(), done + chunk.end());
            }
        } finally {
            progress.finish(totals.read());
            reader.interrupt(); // a no-op when it has finished; stops it when writing failed
            pool.shutdownNow();
        }
    }

    /** Adds a chunk's results row by row, leaving out those dropped as duplicates. */
    private static void addWithout(Rows chunk, boolean[] dropped, Totals totals) {
        for (int i = 0; i < dropped.length; i++) {
            EntityResult r = chunk.rows().get(i).result();
            if (r != null && !dropped[i]) {
                totals.add(r);
            }
        }
    }

    /**
     * Chunks a worker takes at once: one; with a ledger eight (some 400 rows), so that each look-up in
     * the ledger asks for a few hundred entities rather than a few dozen — a query costs the database
     * about as much as the rows it finds, on PostgreSQL a round trip more.
     */
    private int chunksPerWork() {
        return priors == null ? 1 : 8;
    }

    /** The reader thread: chunks to the pool, and their futures to the queue in file order. */
    private void read(List<InputFile> inputs, ResultSink<?> sink, ExecutorService pool,
            BlockingQueue<Future<Part>> queue) {
        try {
            for (InputFile input : inputs) {
                try (InputFile.Reading reading = input.open()) {
                    List<Chunk> group = new ArrayList<>();
                    for (Chunk chunk = reading.next(); chunk != null; chunk = reading.next()) {
                        group.add(chunk);
                        if (group.size() == chunksPerWork()) {
                            List<Chunk> g = group;
                            queue.put(pool.submit(() -> work(reading, g, sink)));
                            group = new ArrayList<>();
                        }
                    }
                    if (!group.isEmpty()) {
                        List<Chunk> g = group;
                        queue.put(pool.submit(() -> work(reading, g, sink)));
                    }
                    queue.put(CompletableFuture.completedFuture(new FileEnd(reading)));
                }
            }
            queue.put(CompletableFuture.completedFuture(new End()));
        } catch (InterruptedException e) {
            // the calling thread has stopped listening
        } catch (Exception | Error e) {
            try {
                queue.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException stopped) {
                // likewise
            }
        }
    }

    /** A worker: chunks parsed, sized, computed and rendered, in their order. */
    private Part work(InputFile.Reading reading, List<Chunk> chunks, ResultSink<?> sink) throws IOException {
        List<ParsedRow> parsed;
        if (chunks.size() == 1) {
            parsed = reading.rows(chunks.get(0));
        } else {
            parsed = new ArrayList<>();
            for (Chunk chunk : chunks) {
                parsed.addAll(reading.rows(chunk));
            }
        }
        List<Row> rows = new ArrayList<>(parsed.size());
        Sums sums = new Sums(calculator.policy().programs().size());
        Map<String, Prior> prior = priors == null ? null : priors.lookup(entityIds(parsed));
        for (ParsedRow p : parsed) {
            EntityResult result = prior == null ? acceptance.compute(p)
                    : acceptance.compute(p, p.entity() == null ? null : prior.getOrDefault(p.entity().entityId(), Prior.NONE));
            if (result == null) {
                rows.add(new Row(p, null, null));
                continue;
            }
            sums.add(result);
            rows.add(new Row(p, result, sink.render(result)));
        }
        return new Rows(rows, sums, chunks.get(chunks.size() - 1).end());
    }

    /** The credit codes of the rows that read as entities, for one look-up in the ledger. */
    static List<String> entityIds(List<ParsedRow> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        for (ParsedRow p : rows) {
            if (p.entity() != null) {
                ids.add(p.entity().entityId());
            }
        }
        return ids;
    }

    private static Part take(BlockingQueue<Future<Part>> queue) throws InputException, IOException {
        try {
            return queue.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for input rows", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable t) throws InputException, IOException {
        if (t instanceof InputException e) {
            throw e;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
