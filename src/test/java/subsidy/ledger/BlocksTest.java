package subsidy.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A block of rows as a JSON array: what the writer builds is what the reader reads back. */
class BlocksTest {
    @Test
    void aBlockOfPairsReadsBackEveryCharacterItWasGiven() {
        String[][] given = {
            {"91530102MA6K0001X1", "stable_job_refund|2022-01|1|27654.98|"},
            {"a \"quoted\" id", "back\\slash"},
            {"control\u0001\n\t", ""},
            {"云南某某有限公司", "rent_waiver|2022-05|3|1200.00|3.00;x|2022-06|4|1.00|"},
        };
        StringBuilder block = new StringBuilder("[");
        for (String[] p : given) {
            Blocks.pair(block, p[0], p[1]);
        }
        List<String[]> read = Blocks.pairs(block.append(']').toString());
        assertEquals(given.length, read.size());
        for (int i = 0; i < given.length; i++) {
            assertArrayEquals(given[i], read.get(i));
        }
    }

    @Test
    void theEscapesADatabaseWritesAreRead() {
        List<String[]> read = Blocks.pairs("[ [\"a\\/b\", \"\\u00e9\\t\\r\\n\\b\\f\"] , [\"\",\"x\"] ]");
        assertArrayEquals(new String[] {"a/b", "é\t\r\n\b\f"}, read.get(0));
        assertArrayEquals(new String[] {"", "x"}, read.get(1));
        assertEquals(0, Blocks.pairs("[]").size());
        assertEquals(0, Blocks.pairs(null).size(), "no row found: json_group_array of nothing is read as none");
    }

    @Test
    void aPaymentRowIsAnArrayOfItsRowEntityPeriodAndPaid() {
        StringBuilder block = new StringBuilder("[");
        Blocks.payment(block, 7, "E\"1", "2022-05", "*hire=1000.00;training=12.50");
        Blocks.payment(block, 9, "E2", "2022-05", "hire=3.00/1.50");
        assertEquals("[[7,\"E\\\"1\",\"2022-05\",\"*hire=1000.00;training=12.50\"],[9,\"E2\",\"2022-05\",\"hire=3.00/1.50\"]]",
                block.append(']').toString());
    }

    @Test
    void aNulCharacterIsRefusedNotWrittenAsItCouldNotBeReadBack() {
        StringBuilder block = new StringBuilder("[");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Blocks.pair(block, "E\u00001", "x"));
        assertTrue(e.getMessage().contains("E?1"), e.getMessage());
    }

    @Test
    void theKeysOfALookUpAreQuotedWhateverTheyHoldForTheyAreNotKept() {
        assertEquals("[\"a\\u0000b\",\"c\\\"d\"]", StateReader.json(List.of("a\u0000b", "c\"d")));
    }

    @Test
    void whatIsNotABlockOfPairsIsRefusedNamingWhere() {
        for (String bad : List.of("[[\"a\"]]", "[[\"a\",\"b\"]", "x", "[[\"a\",\"b\"]]x", "[[\"a\\q\",\"b\"]]",
                "[[\"a\\u12\",\"b\"]]", "[[\"a\\u1", "[[\"a\",\"b\"];[\"c\",\"d\"]]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blocks.pairs(bad), bad);
            assertTrue(e.getMessage().contains("at character"), e.getMessage());
        }
    }
}
