package subsidy.calc;

import java.io.IOException;
import subsidy.input.Rejection;

/** Where a batch sends each row's outcome, in input order. */
public interface ResultSink {
    void computed(EntityResult result) throws IOException;

    void rejected(Rejection rejection) throws IOException;
}
