package subsidy.input;

import java.io.IOException;
import subsidy.Reason;
import subsidy.entity.Entity;

/** Receives every data row of the inputs, in order: each either accepted or rejected, never both. */
public interface RowSink {
    /**
     * A row that reads as an entity. The sink may still refuse it (an enterprise whose size cannot
     * be settled, say) by returning the reason; the row is then passed to {@link #rejected}.
     *
     * @return null when the entity was taken, else why not, with its code
     */
    Reason accepted(Entity entity, String file, long line) throws IOException;

    void rejected(Rejection rejection) throws IOException;
}
