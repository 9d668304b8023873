package subsidy.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dates and amounts as county clerks write them in Excel and WPS (issue 19, "input as clerks write
 * it"): 2022年4月15日 and 2022.4.15, ¥4,200.00, 4200元, 300万 (converted exactly) — and what stays
 * refused: 约300万, a date with mixed separators.
 */
class ClerksCellsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "2022年4月15日|2022-04-15",
        "2022 年 4 月 5 日|2022-04-05",
        "２０２２年４月１５日|2022-04-15",
        "2022.4.15|2022-04-15",
        "2022.04.05|2022-04-05",
        "2022-4-15|2022-04-15",
        "2022/4/15|2022-04-15"})
    void aDateIsReadInTheFormsClerksWrite(String cell, String date) throws CellException {
        assertEquals(LocalDate.parse(date), Cells.date(cell));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"2022.4/15", "2022年4月15", "2022年2月30日", "15.4.2022", "2022年4月"})
    void aDateInNoneOfThoseFormsIsRefused(String cell) {
        assertEquals(RejectionCode.BAD_DATE, assertThrows(CellException.class, () -> Cells.date(cell)).code());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "¥4,200.00|4200.00",
        "￥4200|4200",
        "4200元|4200",
        "4,200.50 元|4200.50",
        "300万|3000000",
        "4.2万元|42000.0",
        "¥ 1.23456万|12345.60000",
        "０.５万|5000.0"})
    void anAmountIsReadWithItsSignAndUnitAndWanExactly(String cell, String yuan) throws CellException {
        BigDecimal v = Cells.money(cell);
        assertEquals(new BigDecimal(yuan), v);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"约300万|NOT_A_NUMBER", "300万多|NOT_A_NUMBER", "万|NOT_A_NUMBER",
        "¥|NOT_A_NUMBER", "3百万|NOT_A_NUMBER", "-¥5|NEGATIVE_AMOUNT", "¥-5|NEGATIVE_AMOUNT"})
    void anAmountThatIsNotExactIsRefused(String cell, RejectionCode code) {
        assertEquals(code, assertThrows(CellException.class, () -> Cells.money(cell)).code());
    }
}
