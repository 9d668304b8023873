package subsidy.text;

/**
 * Something a user reads, rendered in the language of a catalogue: a {@link Msg} (a key and its
 * arguments), or a value that names itself differently in each language.
 */
@FunctionalInterface
public interface Text {
    String in(Texts texts);
}
