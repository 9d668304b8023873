package subsidy.size;

/** SPEC §5 size_source: where the size class in the report came from. */
public enum SizeSource {
    DECLARED("declared"),
    DERIVED("derived"),
    DECLARED_MISMATCH("declared_mismatch");

    private final String code;

    SizeSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
