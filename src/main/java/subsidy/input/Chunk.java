package subsidy.input;

/**
 * A run of whole CSV records cut from one input, so workers can parse chunks apart and still agree
 * with a reader that went through the file from the top: {@code bytes[from, to)} starts at the
 * beginning of a record, on line {@code firstLine}, and ends just after a record's line break (or
 * at the end of the file).
 *
 * @param sequence the chunk's place in its file, from 0
 * @param end      the file offset just after the chunk, for progress
 * @param delimiter the byte between cells: a comma, or the tab or semicolon the file was found to use
 */
public record Chunk(int sequence, byte[] bytes, int from, int to, long firstLine, long end, byte delimiter) {
    Chunk from(int newFrom, long newFirstLine) {
        return new Chunk(sequence, bytes, newFrom, to, newFirstLine, end, delimiter);
    }
}
