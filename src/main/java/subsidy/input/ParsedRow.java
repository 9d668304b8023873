package subsidy.input;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import subsidy.Reason;
import subsidy.entity.Entity;
import subsidy.text.Msg;
import subsidy.text.Text;

/**
 * One data row as read, before anyone has asked whether its id came earlier: the entity, or every
 * reason it is not one. Parsing is done apart from the duplicate check so that chunks can be parsed
 * on several threads while duplicates are still decided in input order.
 *
 * <p>A row that parsed keeps its record's bytes rather than its cells: only a row rejected later
 * (a duplicate, an enterprise that cannot be sized) needs them as text, and few are.
 */
public final class ParsedRow {
    private final String file;
    private final long line;
    private final Chunk record;
    private final Charset charset;
    private final Entity entity;
    private final List<Text> reasons;
    private final List<String> codes;
    private final String id;
    private final String rawId;
    private final boolean household;
    private final String person;
    private String[] cells;

    /**
     * @param record  the record's bytes, read again if its cells are asked for
     * @param cells   the cells, or null to decode them from {@code record} when asked
     * @param entity  null when {@code reasons} is not empty
     * @param codes   the code of each of {@code reasons}, in the same order
     * @param id      the row's credit code when it is valid, even if other cells are not; null otherwise
     * @param rawId   the entity_id cell as a clerk would look it up: trimmed, upper case, "" when absent
     * @param household whether the row is a household list's: then {@code id} is its household id
     * @param person  a household row's head identity number when valid, else null
     */
    ParsedRow(String file, long line, Chunk record, Charset charset, String[] cells, Entity entity,
            List<Text> reasons, List<String> codes, String id, String rawId, boolean household, String person) {
        this.file = file;
        this.line = line;
        this.record = record;
        this.charset = charset;
        this.cells = cells;
        this.entity = entity;
        this.reasons = reasons;
        this.codes = codes;
        this.id = id;
        this.rawId = rawId;
        this.household = household;
        this.person = person;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** The entity, or null when the row was rejected. */
    public Entity entity() {
        return entity;
    }

    /** The row's credit code when it is valid, even if other cells are not; null otherwise. */
    public String id() {
        return id;
    }

    /** The entity_id cell as a clerk would look it up: trimmed, upper case, "" when absent; valid or not. */
    public String entityId() {
        return rawId;
    }

    /**
     * The duplicate rule, asked in input order: this row rejected because an earlier row had its
     * credit code, or null when it is the first (and from now on its code counts as seen).
     */
    public Rejection duplicate(SeenIds seen) {
        if (household) {
            return householdDuplicate(seen);
        }
        return id != null && !seen.add(id)
                ? rejection(RejectionCode.DUPLICATE_ENTITY_ID, Msg.of("input.row.duplicate", id))
                : null;
    }

    /**
     * A household row is a duplicate when an earlier row had its household id, or — for a household not
     * seen before — had its head as the head of another household (one person heads one household). A
     * household listed twice is said once, as the repeat it is, whoever its head.
     */
    private Rejection householdDuplicate(SeenIds seen) {
        boolean sameId = id != null && !seen.addKey(id);
        boolean headSeen = person != null && !seen.addPerson(person);
        if (sameId) {
            return rejection(RejectionCode.DUPLICATE_ENTITY_ID, Msg.of("household.row.duplicate", id));
        }
        return headSeen ? rejection(RejectionCode.DUPLICATE_HEAD_ID,
                Msg.of("household.row.duplicate_head", subsidy.entity.ResidentId.mask(person))) : null;
    }

    /**
     * The reader's verdict, asked once per row and in input order: this row rejected as a duplicate
     * ({@link #duplicate}), else for its own reasons when it is not an entity, else null (and its
     * code counts as seen from now on). What the calculator then makes of an entity is
     * {@code subsidy.calc.Acceptance}'s to decide.
     */
    public Rejection rejection(SeenIds seen) {
        Rejection duplicate = duplicate(seen);
        return duplicate != null || entity != null ? duplicate : rejection();
    }

    /** This row rejected for its own reasons and then {@code more}, whose texts read the same in every language. */
    public Rejection rejection(Reason... more) {
        List<Text> all = new ArrayList<>(reasons.size() + more.length);
        List<String> allCodes = new ArrayList<>(reasons.size() + more.length);
        all.addAll(reasons);
        allCodes.addAll(codes);
        for (Reason r : more) {
            all.add(InputTexts.literal(r.text()));
            allCodes.add(r.code());
        }
        return Rejection.of(file, line, rawId, Arrays.asList(cells()), all, allCodes);
    }

    /** This row rejected for its own reasons and then for {@code reason}, a text of the catalogue. */
    public Rejection rejection(RejectionCode code, Text reason) {
        List<Text> all = new ArrayList<>(reasons.size() + 1);
        List<String> allCodes = new ArrayList<>(reasons.size() + 1);
        all.addAll(reasons);
        allCodes.addAll(codes);
        all.add(reason);
        allCodes.add(code.code());
        return Rejection.of(file, line, rawId, Arrays.asList(cells()), all, allCodes);
    }

    private String[] cells() {
        if (cells == null) {
            RecordParser parser = new RecordParser(charset);
            parser.reset(record);
            parser.next();
            cells = parser.cells();
        }
        return cells;
    }
}
