package subsidy.size;

import java.util.List;
import subsidy.entity.SizeClass;
import subsidy.program.Words;
import subsidy.text.Texts;

/**
 * How an entity's size class was settled. For unsized entity types every field but {@code steps}
 * is null. {@code steps} lists each tier test with its figures, for auditors.
 */
public record SizeDecision(SizeClass size, SizeSource source, SizeClass declared, SizeClass derived,
        SizeRow row, List<String> steps) {
    public static final SizeDecision UNSIZED = new SizeDecision(null, null, null, null, null, List.of());

    /** The note for a declared class the figures contradict, else null. */
    public String mismatchNote() {
        return mismatchNote(Texts.EN);
    }

    /** As {@link #mismatchNote()}, in the language of {@code texts}. */
    public String mismatchNote(Texts texts) {
        if (source != SizeSource.DECLARED_MISMATCH) {
            return null;
        }
        return texts.get("reasons.size.mismatch", Words.name(declared), row.label(), Words.name(derived));
    }
}
