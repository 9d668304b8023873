package subsidy.calc;

import java.io.IOException;
import subsidy.input.Rejection;

/**
 * Where a batch sends each row's outcome. Formatting is most of what a sink does, so it is split off:
 * {@link #render} runs on the batch's worker threads, in no particular order, and {@link #computed}
 * and {@link #rejected} then run on one thread, in input order.
 *
 * @param <R> what a rendered result is (the report row's bytes, say)
 */
public interface ResultSink<R> {
    /** Any thread, any order: must not touch shared state. A result may be rendered and then dropped. */
    R render(EntityResult result);

    void computed(EntityResult result, R rendered) throws IOException;

    void rejected(Rejection rejection) throws IOException;
}
