package subsidy.cli;

/** SPEC §6 exit codes. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int SOME_REJECTED = 1;
    public static final int USAGE = 2;
    public static final int UNUSABLE = 3;
    public static final int MISMATCH = 4;

    private ExitCode() {
    }
}
