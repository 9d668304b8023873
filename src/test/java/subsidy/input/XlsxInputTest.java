package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a typed cell of a workbook reads: as Excel shows it, never with digits Excel did not keep. */
class XlsxInputTest {
    @Test
    void aNumberCellReadsAsItsPlainDigitsWithAtMostFifteenSignificant() {
        assertEquals("4200", XlsxInput.number("4200"));
        assertEquals("4200.5", XlsxInput.number("4200.5"));
        assertEquals("4200", XlsxInput.number("4.2E3"));
        assertEquals("0.3", XlsxInput.number("0.30000000000000004"));
        assertEquals("0.00001", XlsxInput.number("1E-5"));
        assertEquals("530402", XlsxInput.number("530402"));
        assertEquals("0", XlsxInput.number("0"));
    }

    @Test
    void anEighteenDigitCodeStoredAsANumberReadsInExponentFormNotAsMadeUpDigits() {
        String v = XlsxInput.number("9.1530402123456794E+17");
        assertEquals("9.15304021234568E+17", v);
        assertTrue(v.matches("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+"), "the reader's exponent pattern");
        assertEquals("1E+15", XlsxInput.number("1000000000000000"));
    }

    @Test
    void aDateCellReadsAsTheDayItShows() {
        assertEquals("2022-04-15", XlsxInput.date("44666", false));
        assertEquals("2022-04-15 12:00:00", XlsxInput.date("44666.5", false));
        assertEquals("1900-01-01", XlsxInput.date("1", false));
        assertEquals("1900-03-01", XlsxInput.date("61", false));
        assertEquals("2022-04-15", XlsxInput.date(Long.toString(44666 - 1462), true));
    }

    @Test
    void dateFormatsAreTheBuiltInOnesChinaUsesAndCustomOnesWithDateCodes() {
        assertTrue(XlsxBook.isDateFormat(14, null));
        assertTrue(XlsxBook.isDateFormat(31, null)); // yyyy"年"m"月"d"日"
        assertTrue(XlsxBook.isDateFormat(176, "yyyy\"年\"m\"月\"d\"日\";@"));
        assertTrue(XlsxBook.isDateFormat(177, "[$-804]yyyy/m/d"));
        assertFalse(XlsxBook.isDateFormat(2, null));
        assertFalse(XlsxBook.isDateFormat(178, "#,##0.00\"元\""));
        assertFalse(XlsxBook.isDateFormat(179, "[Red]0.00;[Blue]-0.00"));
        assertFalse(XlsxBook.isDateFormat(180, "General"));
    }

    @Test
    void officeEscapesInTextAreUndone() {
        assertEquals("a\rb_x", XlsxBook.unescape("a_x000D_b_x"));
        assertEquals("_x0041_", XlsxBook.unescape("_x005F_x0041_"));
    }

    @Test
    void aColumnReferenceIsItsIndex() {
        assertEquals(0, XlsxInput.column("A1", 0));
        assertEquals(27, XlsxInput.column("AB12", 0));
        assertEquals(10, XlsxInput.column("A1:K100", 3));
    }
}
