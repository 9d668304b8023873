package subsidy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** GB 32100-2015: weights 3^i mod 31, check = (31 − Σ mod 31) mod 31 over the alphabet without I O S V Z. */
class CreditCodeTest {
    @Test
    void publishedCodesPassTheCheck() {
        assertNull(CreditCode.problem("91440300708461136T"));
        assertNull(CreditCode.problem("91310000775785552L"));
    }

    @Test
    void checkCharacterWorkedByHand() {
        // 9153010200000000?: values 9,1,5,3,0,1,0,2,0… with weights 1,3,9,27,19,26,16,17,20,…
        // 9·1 + 1·3 + 5·9 + 3·27 + 0·19 + 1·26 + 0·16 + 2·17 = 198; 198 mod 31 = 12; 31 − 12 = 19 → 'K'
        assertEquals('K', CreditCode.checkCharacter("91530102000000000"));
    }

    @Test
    void wrongCheckCharacterLengthAndAlphabetAreNamed() {
        assertEquals("check character is 'X', expected 'T'", CreditCode.problem("91440300708461136X"));
        assertEquals("must be 18 characters, has 17", CreditCode.problem("9144030070846113T"));
        assertEquals("character 'I' at position 10 is not allowed (0-9 A-H J-N P-R T U W-Y)",
                CreditCode.problem("914403007I8461136T"));
    }
}
