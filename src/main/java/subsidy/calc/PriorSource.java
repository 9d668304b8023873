package subsidy.calc;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import subsidy.ledger.Prior;

/**
 * Where a run computed against a ledger learns what entities have used up: in bulk, a chunk's
 * entities at a time. An entity missing from the answer has used up nothing.
 */
@FunctionalInterface
public interface PriorSource {
    Map<String, Prior> lookup(List<String> entityIds) throws IOException;
}
