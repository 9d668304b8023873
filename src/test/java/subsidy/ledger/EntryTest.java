package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One used-up entry as entity_state holds it: {@code program|period|batch|amount|months}. */
class EntryTest {
    @Test
    void anEntryReadsBackWhatItWroteScalesAndAll() {
        for (Entry e : new Entry[] {
            new Entry("stable_job_refund", "2022-01", 1, new BigDecimal("27654.98"), null),
            new Entry("rent_waiver", "2022-05", 13, new BigDecimal("1200.00"), new BigDecimal("3.00")),
            new Entry("rent_waiver", "2021-12", 2, new BigDecimal("0.00"), new BigDecimal("2.47")),
            new Entry("hire", "2023-02", 9_999_999_999L, new BigDecimal("1000"), null),
        }) {
            assertEquals(e, Entry.decode(e.encode()), e.encode());
        }
        assertEquals("rent_waiver|2022-05|13|1200.00|3.00",
                new Entry("rent_waiver", "2022-05", 13, new BigDecimal("1200.00"), new BigDecimal("3.00")).encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hire", "hire|2022-05|1|1.00", "hire|2022-05|1|1.00||", "hire|2022-05|x|1.00|",
        "hire|2022-05||1.00|", "hire|2022-05|1|one|", "hire|2022-05|1|1.00|three"})
    void aCellThatIsNotAnEntryIsRefused(String cell) {
        assertThrows(IllegalArgumentException.class, () -> Entry.decode(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"27654.98", "0.00", "0", "1000", "-1.50", "-0.00", "5.", ".5", "007.10",
        "999999999999999999", "1234567890123456789", "12345678901234567.891", "1E+3", "1.5e2", "+5", "2.47"})
    void anAmountIsReadAsBigDecimalReadsItValueAndScale(String amount) {
        BigDecimal expected = new BigDecimal(amount);
        BigDecimal read = Entry.decode("hire|2022-05|1|" + amount + "|" + amount).amount();
        assertEquals(expected, read, amount); // equals: the same value at the same scale
        assertEquals(expected, Entry.decimal("x" + amount + "|", 1, 1 + amount.length()), amount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", ".", "1.2.3", "1-2", "--1", "1,5", " 1", "abc", "1e"})
    void anAmountThatIsNoNumberIsRefusedAsBigDecimalRefusesIt(String amount) {
        assertThrows(NumberFormatException.class, () -> new BigDecimal(amount));
        assertThrows(NumberFormatException.class, () -> Entry.decimal(amount, 0, amount.length()));
    }

    @Test
    void theYearIsThePeriodsFirstFourDigits() {
        assertEquals(2022, new Entry("hire", "2022-05", 1, BigDecimal.ONE, null).year());
        assertEquals(1999, new Entry("hire", "1999-12", 1, BigDecimal.ONE, null).year());
        assertThrows(NumberFormatException.class, () -> new Entry("hire", "22-05", 1, BigDecimal.ONE, null).year());
        assertThrows(NumberFormatException.class, () -> new Entry("hire", "", 1, BigDecimal.ONE, null).year());
    }

    @Test
    void aStateIsItsEntriesBetweenSemicolonsAsItWasWritten() {
        String two = "hire|2022-05|1|1000.00|;rent_waiver|2022-06|2|1200.00|3.00";
        Prior p = Prior.decode(two);
        assertEquals(2, p.entries().size());
        assertEquals(new BigDecimal("3.00"), p.entries().get(1).months());
        assertEquals(two, p.encode(), "kept as read");
        assertEquals(1, Prior.decode("hire|2022-05|1|1000.00|;").entries().size(), "a ';' at the end, as split reads it");
        assertEquals(0, Prior.decode("").entries().size());
        assertThrows(IllegalArgumentException.class, () -> Prior.decode("hire|2022-05|1|1000.00|;;hire|2022-06|2|1.00|"));
        assertThrows(IllegalArgumentException.class, () -> Prior.decode(";hire|2022-05|1|1000.00|"));
    }
}
