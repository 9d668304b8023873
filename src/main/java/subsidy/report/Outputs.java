package subsidy.report;

import java.util.List;

/**
 * The names of the files a calc run writes in --out (SPEC §6): what the run writes and what verify
 * reads back and recomputes.
 */
public final class Outputs {
    public static final String REPORT = "report.csv";
    public static final String REJECTED = "rejected.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String DETAILS = "details.csv";
    public static final String MANIFEST = "manifest.json";
    public static final String SIZE_CHECK = "size_check.csv";
    /** Each hire of a hire list (calc --hires) with its outcome. */
    public static final String HIRES = "hires.csv";
    /** Every file a run may write in --out. */
    public static final List<String> OUTPUTS = List.of(REPORT, REJECTED, SIZE_CHECK, SUMMARY, MANIFEST, DETAILS,
            HIRES);

    private Outputs() {
    }
}
