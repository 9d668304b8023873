package subsidy.input;

import java.util.Locale;

/** An entity_id as a person gives it (explain --id), read the way an entity_id cell is read. */
public final class Ids {
    private Ids() {
    }

    /**
     * The id as calc reads it from a cell: full-width digits and letters as ASCII (a clerk copies them
     * from a Chinese document), spaces of any kind trimmed, upper case. Not checked: an id that is not
     * a valid credit code still finds the row that holds it, which was rejected.
     */
    public static String normalize(String id) {
        return Cells.normalize(id).toUpperCase(Locale.ROOT);
    }
}
