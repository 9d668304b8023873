package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact set of household ids must agree with a HashSet on every key, across growths and pages. */
class TextKeysTest {
    private static final String CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_/";

    @Test
    void agreesWithAHashSetOfStrings() {
        Random r = new Random(7);
        TextKeys keys = new TextKeys();
        Set<String> reference = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(r.nextBoolean() ? 4 : 32); // short ones repeat often
            for (int j = 0; j < n; j++) {
                sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
            }
            String k = sb.toString();
            assertEquals(reference.add(k), keys.add(k), k);
        }
        assertEquals(reference.size(), keys.size());
    }

    @Test
    void aKeyAndItsPrefixAreDistinct() {
        TextKeys keys = new TextKeys();
        assertTrue(keys.add("H001"));
        assertTrue(keys.add("H0011"));
        assertTrue(keys.add("H00"));
        assertFalse(keys.add("H001"));
    }
}
