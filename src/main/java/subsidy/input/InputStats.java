package subsidy.input;

/**
 * What reading one input file gave: its fingerprint, encoding and row counts.
 *
 * @param aboveHeader rows above the header (a title, notes) that were skipped; the header is on the line after
 * @param headerLine  the line the header is on
 * @param emptyRows   rows of empty cells (,,,,) that were ignored: neither computed nor rejected, nor read
 * @param delimiter   the separator between cells, in words: comma, tab, semicolon or pipe
 */
public record InputStats(String file, String sha256, String encoding, long rowsRead, long rowsAccepted,
        long rowsRejected, Header header, long aboveHeader, long headerLine, long emptyRows, String delimiter) {
}
