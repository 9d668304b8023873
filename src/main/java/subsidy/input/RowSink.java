package subsidy.input;

import java.io.IOException;
import subsidy.entity.Entity;

/**
 * Receives every data row of an input as the reader leaves it, in order: each either an entity or
 * rejected (a duplicate, or cells that do not read), never both. Nothing is computed here; calc,
 * verify, explain and {@code subsidy test} go on to {@code subsidy.calc.Acceptance}, which also
 * decides the rows an entity's size rejects.
 */
public interface RowSink {
    void accepted(Entity entity, String file, long line) throws IOException;

    void rejected(Rejection rejection) throws IOException;
}
