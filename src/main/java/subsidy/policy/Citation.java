package subsidy.policy;

/**
 * One clause as it is written in a policy file: where ({@code programs.x.versions[0].source[1]}, line)
 * and what it cites. A policy keeps every one it read, of every version and dated value, of the
 * firm-size table and the region lists too, whichever is in force, so that all can be checked
 * against their sources ({@link Citations}).
 */
public record Citation(String path, int line, Clause clause) {
}
