package subsidy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import subsidy.text.Texts;

class ResidentIdTest {
    /** The standard's own example (GB 11643-1999, annex): 11010519491231002X. */
    @Test
    void theStandardsExampleIsValidWithCheckCharacterX() {
        assertNull(ResidentId.why("11010519491231002X"));
        assertEquals('X', ResidentId.checkCharacter("11010519491231002"));
        assertEquals(LocalDate.of(1949, 12, 31), ResidentId.birthDate("11010519491231002X"));
    }

    @Test
    void aLowerCaseXIsReadAsX() {
        assertEquals("11010519491231002X", ResidentId.normalize(" 11010519491231002x "));
    }

    @Test
    void aWrongCheckCharacterSaysWhichWasExpected() {
        assertEquals("check character is '5', expected 'X'",
                ResidentId.why("110105194912310025").in(Texts.EN));
    }

    @Test
    void lengthLettersAndImpossibleBirthDatesAreRefused() {
        assertEquals("must be 18 characters, has 15", ResidentId.why("110105491231002").in(Texts.EN));
        assertEquals("character 3 is not allowed (17 digits and a last digit or X)",
                ResidentId.why("11A10519491231002X").in(Texts.EN));
        // 1949-02-30 is no date; the check character is right for its digits
        String feb30 = "11010519490230002";
        assertEquals("characters 7 to 14 are not a birth date (a real date from 1875 to 2099)",
                ResidentId.why(feb30 + ResidentId.checkCharacter(feb30)).in(Texts.EN));
    }

    @Test
    void theMaskHidesTheBirthDateAndSequence() {
        assertEquals("110105********002X", ResidentId.mask("11010519491231002X"));
        assertEquals("110105*********", ResidentId.mask("110105491231002"));
        assertEquals("*****", ResidentId.mask("12345"));
        assertTrue(ResidentId.mask("11010519491231002X").indexOf("19491231") < 0);
    }
}
