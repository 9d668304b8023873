package subsidy.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import subsidy.text.Text;
import subsidy.text.Texts;

/**
 * A row that is not computed: where it was, what it held, and every reason with its code. The reasons are
 * texts of the catalogue, rendered in a run's language by whoever writes them ({@link #reasons(Texts)});
 * {@link #reasons()} is their English. They are for people to read, so a control character that came into
 * one from the input is escaped in the rendered text, whichever code wrote the reason
 * ({@link Escape#controls}); the cells stay as they were read.
 *
 * <p>Once a record, it keeps a record's accessors, equality (by the English reasons) and form of
 * {@link #toString()}.
 */
public final class Rejection {
    private final String file;
    private final long line;
    private final String entityId;
    private final List<String> cells;
    private final List<Text> texts;
    private final List<String> codes;
    /** The English reasons, made when first asked for. */
    private List<String> english;

    /**
     * @param entityId the row's entity_id cell, trimmed and upper-cased, valid or not ("" when blank)
     * @param reasons  reasons already written, read the same in every language
     * @param codes    the stable code of each reason ({@link RejectionCode}), in the order of {@code reasons}
     */
    public Rejection(String file, long line, String entityId, List<String> cells, List<String> reasons,
            List<String> codes) {
        this(file, line, entityId, cells, InputTexts.literals(reasons), codes, false);
    }

    private Rejection(String file, long line, String entityId, List<String> cells, List<? extends Text> reasons,
            List<String> codes, boolean unused) {
        this.file = file;
        this.line = line;
        this.entityId = entityId;
        this.cells = List.copyOf(cells);
        this.texts = List.copyOf(reasons);
        this.codes = List.copyOf(codes);
        if (this.codes.size() != this.texts.size()) {
            throw new IllegalArgumentException("one code for each reason: " + reasons() + ", " + codes);
        }
    }

    /**
     * A rejection whose reasons are texts of the catalogue.
     *
     * @param codes the stable code of each reason ({@link RejectionCode}), in the order of {@code reasons}
     */
    public static Rejection of(String file, long line, String entityId, List<String> cells,
            List<? extends Text> reasons, List<String> codes) {
        return new Rejection(file, line, entityId, cells, reasons, codes, false);
    }

    /** The same rejection, said to be of another file (a run's name for it). */
    public Rejection inFile(String name) {
        return name.equals(file) ? this : new Rejection(name, line, entityId, cells, texts, codes, false);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** The row's entity_id cell, trimmed and upper-cased, valid or not ("" when blank). */
    public String entityId() {
        return entityId;
    }

    public List<String> cells() {
        return cells;
    }

    /** Every reason in English, control characters escaped. */
    public List<String> reasons() {
        List<String> e = english;
        if (e == null) {
            e = render(Texts.EN);
            english = e;
        }
        return e;
    }

    /** Every reason in the language of {@code texts}, control characters escaped: what rejected.csv says. */
    public List<String> reasons(Texts texts) {
        return texts == Texts.EN ? reasons() : render(texts);
    }

    /** The reasons as texts, unrendered and not yet escaped. */
    public List<Text> texts() {
        return texts;
    }

    /** The stable code of each reason ({@link RejectionCode}), in the order of the reasons. */
    public List<String> codes() {
        return codes;
    }

    private List<String> render(Texts in) {
        List<String> out = new ArrayList<>(texts.size());
        for (Text t : texts) {
            out.add(Escape.controls(t.in(in)));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rejection r && Objects.equals(r.file, file) && r.line == line && Objects.equals(r.entityId, entityId)
                && r.cells.equals(cells) && r.reasons().equals(reasons()) && r.codes.equals(codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, entityId, cells, reasons(), codes);
    }

    @Override
    public String toString() {
        return "Rejection[file=" + file + ", line=" + line + ", entityId=" + entityId + ", cells=" + cells
                + ", reasons=" + reasons() + ", codes=" + codes + "]";
    }
}
