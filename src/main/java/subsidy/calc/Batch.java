package subsidy.calc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import subsidy.entity.Entity;
import subsidy.input.InputException;
import subsidy.input.InputFile;
import subsidy.input.InputStats;
import subsidy.input.Rejection;
import subsidy.input.RowSink;
import subsidy.input.SeenIds;
import subsidy.size.SizeDecision;

/**
 * A calc run: streams every input in order through the {@link Calculator} into a {@link ResultSink},
 * and keeps the control totals. Every row read is either computed or rejected.
 *
 * <p>Two threads share the work, so a two-core machine reads and computes at once: a reader parses
 * rows and settles their size, handing them over in chunks through a small bounded queue; the
 * calling thread computes and writes them. One reader and one writer keep the input order, so the
 * output is the same bytes as a single-threaded run, and the queue bounds the memory in flight.
 */
public final class Batch {
    private static final int CHUNK = 512;
    private static final int CHUNKS_IN_FLIGHT = 8;
    private static final Object END = new Object();

    private final Calculator calculator;

    public Batch(Calculator calculator) {
        this.calculator = calculator;
    }

    /** A row read and sized, waiting to be computed. */
    private record Sized(Entity entity, SizeDecision size, String file, long line) {
    }

    /** What stopped the reader, handed to the calling thread to throw. */
    private record Failure(Throwable cause) {
    }

    public Totals run(List<InputFile> inputs, ResultSink sink) throws InputException, IOException {
        return run(inputs, sink, Progress.NONE);
    }

    public Totals run(List<InputFile> inputs, ResultSink sink, Progress progress) throws InputException, IOException {
        BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        Thread reader = new Thread(() -> read(inputs, queue), "subsidy-reader");
        reader.setDaemon(true);
        reader.start();
        Totals totals = new Totals(calculator.policy());
        progress.start(0);
        try {
            while (true) {
                progress.advance(totals.read(), 0);
                for (Object event : take(queue)) {
                    if (event == END) {
                        return totals;
                    } else if (event instanceof Sized s) {
                        EntityResult result = calculator.compute(s.entity(), s.size(), s.file(), s.line());
                        totals.add(result);
                        sink.computed(result);
                    } else if (event instanceof Rejection r) {
                        totals.reject();
                        sink.rejected(r);
                    } else if (event instanceof InputStats stats) {
                        totals.input(stats);
                    } else if (event instanceof Failure f) {
                        throw rethrow(f.cause());
                    }
                }
            }
        } finally {
            progress.finish(totals.read());
            reader.interrupt(); // a no-op when it has finished; stops it when writing failed
        }
    }

    private void read(List<InputFile> inputs, BlockingQueue<List<Object>> queue) {
        List<Object>[] chunk = new List[] {new ArrayList<>(CHUNK)};
        SeenIds seen = new SeenIds();
        try {
            RowSink rows = new RowSink() {
                @Override
                public String accepted(Entity entity, String file, long line) {
                    SizeDecision size = calculator.size(entity, false);
                    if (size == null) {
                        return Calculator.unsizedReason(entity);
                    }
                    hand(new Sized(entity, size, file, line));
                    return null;
                }

                @Override
                public void rejected(Rejection rejection) {
                    hand(rejection);
                }

                private void hand(Object event) {
                    chunk[0].add(event);
                    if (chunk[0].size() == CHUNK) {
                        put(queue, chunk[0]);
                        chunk[0] = new ArrayList<>(CHUNK);
                    }
                }
            };
            for (InputFile input : inputs) {
                chunk[0].add(input.read(seen, rows));
            }
            chunk[0].add(END);
        } catch (Cancelled e) {
            return;
        } catch (Exception | Error e) {
            chunk[0].add(new Failure(e));
        }
        try {
            put(queue, chunk[0]);
        } catch (Cancelled e) {
            // the calling thread has stopped listening
        }
    }

    private static void put(BlockingQueue<List<Object>> queue, List<Object> chunk) {
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    private static List<Object> take(BlockingQueue<List<Object>> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for input rows", e);
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

    /** Unwinds the reader when the calling thread has given up. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
