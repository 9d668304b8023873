package subsidy.input;

/** What reading one input file gave: its fingerprint, encoding and row counts. */
public record InputStats(String file, String sha256, String encoding, long rowsRead, long rowsAccepted,
        long rowsRejected, Header header) {
}
