package subsidy.policy;

import java.util.List;
import java.util.Map;
import subsidy.program.Program;
import subsidy.size.SizeTable;

/**
 * A policy table as loaded: its programs in report-column order, the listings they consult, the
 * firm-size standard, the documents cited, and the SHA-256 of the file it was read from.
 */
public record Policy(String id, String title, Map<String, Source> sources, Map<String, RegionList> regionLists,
        List<Program> programs, SizeTable sizeTable, String origin, String sha256) {
    public Policy {
        sources = Map.copyOf(sources);
        regionLists = Map.copyOf(regionLists);
        programs = List.copyOf(programs);
    }
}
