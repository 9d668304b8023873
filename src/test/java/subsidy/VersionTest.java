package subsidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The commit a build names: whatever git said, or unknown; never a specific one asserted here. */
class VersionTest {
    @Test
    void theCommitIsAHashOrUnknown() {
        assertTrue(Version.commit().matches("[0-9a-f]{4,40}|unknown"), Version.commit());
    }

    @Test
    void aBuildWithoutGitNamesTheCommitUnknown() {
        assertEquals("unknown", Version.commit(null));
        assertEquals("unknown", Version.commit("${subsidy.commit}")); // not filtered (built outside Maven)
        assertEquals("unknown", Version.commit("unknown"));
        assertEquals("unknown", Version.commit(""));
        assertEquals("1a2b3c4", Version.commit("1a2b3c4\n"));
    }
}
