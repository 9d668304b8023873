package subsidy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The tool's version, as Maven stamped it into the jar, and the commit it was built from
 * ({@code git rev-parse --short HEAD} at build time; {@code unknown} for a build without git, such as
 * one from a source tarball).
 */
public final class Version {
    /** The commit of a build that could not ask git (no git, no repository, or not built by Maven). */
    public static final String UNKNOWN_COMMIT = "unknown";
    private static final Properties STAMPED = load();
    private static final String VERSION = STAMPED.getProperty("version", "dev");
    private static final String COMMIT = commit(STAMPED.getProperty("commit"));

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /** The short hash of the commit the build was made from, or {@link #UNKNOWN_COMMIT}. */
    public static String commit() {
        return COMMIT;
    }

    /** A stamped commit as it is shown: a hash, else (nothing stamped, or the placeholder left unfiltered) unknown. */
    static String commit(String stamped) {
        return stamped == null || !stamped.strip().matches("[0-9a-f]{4,40}") ? UNKNOWN_COMMIT : stamped.strip();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/subsidy/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the defaults: dev, unknown
        }
        return p;
    }
}
