package subsidy.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import subsidy.entity.Entity;

/**
 * One data row as read, before anyone has asked whether its id came earlier: the entity, or every
 * reason it is not one. Parsing is done apart from the duplicate check so that chunks can be parsed
 * on several threads while duplicates are still decided in input order.
 *
 * @param entity  null when {@code reasons} is not empty
 * @param id      the row's credit code when it is valid, even if other cells are not; null otherwise
 * @param rawId   the entity_id cell as a clerk would look it up: trimmed, upper case, "" when absent
 */
public record ParsedRow(String file, long line, String[] cells, Entity entity, List<String> reasons, String id,
        String rawId) {

    /**
     * The duplicate rule, asked in input order: this row rejected because an earlier row had its
     * credit code, or null when it is the first (and from now on its code counts as seen).
     */
    public Rejection duplicate(SeenIds seen) {
        return id != null && !seen.add(id)
                ? rejection("entity_id " + id + " appears on an earlier row; only the first is computed")
                : null;
    }

    /** This row rejected for its own reasons and then {@code more}. */
    public Rejection rejection(String... more) {
        List<String> all = new ArrayList<>(reasons.size() + more.length);
        all.addAll(reasons);
        all.addAll(Arrays.asList(more));
        return new Rejection(file, line, rawId, Arrays.asList(cells), all);
    }
}
