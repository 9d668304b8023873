package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import subsidy.entity.CreditCode;

/** The compact duplicate set must agree with a HashSet on every code, across many growths. */
class SeenIdsTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    static String randomCode(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(r.nextBoolean() ? 31 : 3)));
        }
        return sb.append(CreditCode.checkCharacter(sb)).toString();
    }

    @Test
    void agreesWithAHashSetOfStrings() {
        Random r = new Random(42);
        SeenIds seen = new SeenIds(16);
        Set<String> reference = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String code = randomCode(r);
            assertEquals(reference.add(code), seen.add(code), code);
        }
        assertEquals(reference.size(), seen.size());
    }

    @Test
    void codesDifferingOnlyInTheFirstOrLastCountedCharacterAreDistinct() {
        SeenIds seen = new SeenIds();
        assertTrue(seen.add("91440300708461136T"));
        assertFalse(seen.add("91440300708461136T"));
        String first = "0" + "1440300708461136";
        String last = "9144030070846113" + "7";
        assertTrue(seen.add(first + CreditCode.checkCharacter(first)));
        assertTrue(seen.add(last + CreditCode.checkCharacter(last)));
        assertTrue(seen.add("00000000000000000" + CreditCode.checkCharacter("00000000000000000")));
    }
}
