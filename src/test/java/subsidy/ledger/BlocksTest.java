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

    private static java.sql.Connection table() throws java.sql.SQLException {
        java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID");
        }
        return c;
    }

    private static final String INSERT = "INSERT INTO t (k, v) SELECT j.key, j.value FROM json_each(?) AS j";

    @Test
    void pairsSentAheadArriveEveryOneAndInOrder() throws Exception {
        try (java.sql.Connection c = table(); java.sql.PreparedStatement p = c.prepareStatement(INSERT)) {
            Blocks.PairSender send = Blocks.PairSender.objectsAhead(p);
            for (int i = 0; i < 4_567; i++) { // two full blocks and a part one
                send.add(String.format("K%05d", i), "v" + i);
            }
            assertEquals(4_567, send.finish());
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT count(*), min(k), max(k), sum(v = 'v' || CAST(substr(k, 2) AS INTEGER)) FROM t")) {
                rs.next();
                assertEquals(4_567, rs.getLong(1));
                assertEquals("K00000", rs.getString(2));
                assertEquals("K04566", rs.getString(3));
                assertEquals(4_567, rs.getLong(4), "each value with its key");
            }
        }
    }

    @Test
    void pairsSentAheadAsObjectsArriveEveryOneAsGivenEveryCharacterToo() throws Exception {
        List<String> odd = List.of("a \"quoted\" id", "back\\slash", "tab\there", "new\nline", "统一社会信用代码", "é", "",
                "{\"json\": [1]}", "\u0001");
        try (java.sql.Connection c = table(); java.sql.PreparedStatement p = c.prepareStatement(
                "INSERT INTO t (k, v) SELECT j.key, j.value FROM json_each(?) AS j")) {
            Blocks.PairSender send = Blocks.PairSender.objectsAhead(p);
            for (int i = 0; i < 4_567; i++) { // two full blocks and a part one
                send.add(String.format("K%05d", i), i < odd.size() ? odd.get(i) : "v" + i);
            }
            for (String k : odd) {
                send.add(k, k);
            }
            assertEquals(4_567 + odd.size(), send.finish());
            java.util.Map<String, String> expected = new java.util.HashMap<>();
            for (int i = 0; i < 4_567; i++) {
                expected.put(String.format("K%05d", i), i < odd.size() ? odd.get(i) : "v" + i);
            }
            odd.forEach(k -> expected.put(k, k));
            java.util.Map<String, String> read = new java.util.HashMap<>();
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT k, v, typeof(k) || typeof(v) FROM t")) {
                while (rs.next()) {
                    read.put(rs.getString(1), rs.getString(2));
                    assertEquals("texttext", rs.getString(3), rs.getString(1));
                }
            }
            assertEquals(expected, read);
        }
    }

    @Test
    void aBlockTheDatabaseRefusesWhenSentAheadFailsTheSenderNotLater() throws Exception {
        try (java.sql.Connection c = table(); java.sql.PreparedStatement p = c.prepareStatement(INSERT)) {
            Blocks.PairSender send = Blocks.PairSender.objectsAhead(p);
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> {
                for (int i = 0; i < 10_000; i++) {
                    send.add("same key", "v" + i); // the primary key refuses the second
                }
                send.finish();
            });
            assertTrue(e.getMessage().contains("UNIQUE") || e.getMessage().contains("PRIMARY"), e.getMessage());
        }
    }

    @Test
    void aSenderAheadGivenUpLeavesNoThreadWaiting() throws Exception {
        try (java.sql.Connection c = table(); java.sql.PreparedStatement p = c.prepareStatement(INSERT)) {
            Blocks.PairSender send = Blocks.PairSender.objectsAhead(p);
            send.add("K1", "v1"); // a caller that fails here, before finish()
            send.abandon();
            for (int i = 0; i < 100 && senderAlive(); i++) {
                Thread.sleep(20);
            }
            assertTrue(!senderAlive(), "the sending thread ended");
        }
    }

    private static boolean senderAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("subsidy-ledger-states") && t.isAlive());
    }
}
