package subsidy.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows written and read a block at a time, as JSON arrays: a batch's payments (table
 * {@code payment_block}, schema version 3, one database row per block of up to {@value #ROWS} payment
 * rows), the states a run leaves (its temporary {@code new_state}) and the states a run reads (one
 * result per query). A database row costs about as much to write or read as the few dozen bytes of one
 * payment, so a million payments written one row each cost more than the run's own computing; as blocks
 * they are a few hundred rows, and the databases' JSON functions ({@code json_each},
 * {@code json_array_elements}) show them one per row to SQL that asks (the view {@code payment}).
 */
final class Blocks {
    /** Payment rows per block at most. */
    static final int ROWS = 2000;

    private Blocks() {
    }

    /** Inserts one block of payments: batch, first row, the block. */
    static String insertPayments(Ledger.Dialect dialect) {
        return dialect == Ledger.Dialect.SQLITE
                ? "INSERT INTO payment_block (batch, first_row, data) VALUES (?, ?, ?)"
                : "INSERT INTO payment_block (batch, first_row, data) VALUES (?, ?, CAST(? AS json))";
    }

    /**
     * Writes {@code block}, a payment block begun with {@code [} ({@link #payment}), as the payments of
     * {@code batch} from {@code firstRow} by {@code insert} ({@link #insertPayments}), and begins the next.
     */
    static void writePayments(PreparedStatement insert, long batch, long firstRow, StringBuilder block)
            throws SQLException {
        insert.setLong(1, batch);
        insert.setLong(2, firstRow);
        insert.setString(3, block.append(']').toString());
        insert.executeUpdate();
        block.setLength(0);
        block.append('[');
    }

    /** Appends {@code [row,"entity","period","paid"]} to a block being built ({@code [} opened by the caller). */
    static void payment(StringBuilder block, long row, String entity, String period, String paid) {
        block.append(block.length() > 1 ? ",[" : "[").append(row).append(',');
        recorded(block, entity);
        block.append(',');
        recorded(block, period);
        block.append(',');
        recorded(block, paid);
        block.append(']');
    }

    /**
     * Pairs sent a block of up to {@value #ROWS} at a time, as the one value ({@code ?}) of a statement:
     * the insert into a run's temporary new_state, SQLite's upsert of the states written back.
     */
    static final class PairSender implements StateSnapshot.Rows {
        private static final String END = new String("end");

        private final PreparedStatement statement;
        /** Whether a block is a JSON object ({"id":"state",…}) rather than an array of pairs. */
        private final boolean object;
        private final StringBuilder block;
        private int inBlock;
        private long sent;
        /** With {@link #objectsAhead}: the blocks made, and the thread that sends them. */
        private final java.util.concurrent.BlockingQueue<String> made;
        private final Thread sender;
        private volatile SQLException failed;

        PairSender(PreparedStatement statement) {
            this(statement, false, false);
        }

        private PairSender(PreparedStatement statement, boolean ahead, boolean object) {
            this.statement = statement;
            this.object = object;
            this.block = new StringBuilder(object ? "{" : "[");
            this.made = ahead ? new java.util.concurrent.ArrayBlockingQueue<>(2) : null;
            this.sender = ahead ? new Thread(this::sendMade, "subsidy-ledger-states") : null;
            if (sender != null) {
                sender.setDaemon(true);
                sender.start();
            }
        }

        /**
         * One that sends each block on a thread of its own while the caller makes the next (for a run's last
         * statement, which nothing else runs beside; the statement is not to be used by the caller until
         * {@link #finish}), each block one JSON object, {@code {"id":"state",…}} (the ids are a table's key:
         * none twice): SQLite's {@code json_each} gives its key and value as they are, where each pair of an
         * array is parsed again by {@code ->>} (a million states: 0.73 s against 1.6 s written).
         */
        static PairSender objectsAhead(PreparedStatement statement) {
            return new PairSender(statement, true, true);
        }

        void add(String first, String second) throws SQLException {
            if (object) {
                block.append(block.length() > 1 ? "," : "");
                recorded(block, first);
                block.append(':');
                recorded(block, second);
            } else {
                pair(block, first, second);
            }
            if (++inBlock == ROWS) {
                send();
            }
        }

        @Override
        public void row(byte[] first, byte[] second) throws SQLException {
            add(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
        }

        /** Sends what is left (and waits for the sender, if any); returns how many pairs it sent in all. */
        long finish() throws SQLException {
            if (inBlock > 0) {
                send();
            }
            if (sender != null) {
                hand(END);
                try {
                    sender.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the states were being written", e);
                }
                if (failed != null) {
                    throw failed;
                }
            }
            return sent;
        }

        /** Stops the sending thread, if any, when the caller gives up before {@link #finish} (a failure). */
        void abandon() {
            if (sender != null && sender.isAlive()) {
                sender.interrupt();
            }
        }

        private void send() throws SQLException {
            String b = block.append(object ? '}' : ']').toString();
            block.setLength(0);
            block.append(object ? '{' : '[');
            sent += inBlock;
            inBlock = 0;
            if (sender == null) {
                execute(b);
            } else {
                hand(b);
            }
        }

        private void hand(String b) throws SQLException {
            if (failed != null) {
                throw failed;
            }
            try {
                while (!made.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (failed != null) {
                        throw failed;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while the states were being written", e);
            }
        }

        private void execute(String b) throws SQLException {
            statement.setString(1, b);
            statement.executeUpdate();
        }

        private void sendMade() {
            try {
                for (String b = made.take(); b != END; b = made.take()) {
                    execute(b);
                }
            } catch (SQLException e) {
                failed = e;
            } catch (InterruptedException e) {
                failed = new SQLException("interrupted while the states were being written", e);
            }
        }
    }

    /** Appends {@code ["entity","state"]} to a block being built ({@code [} opened by the caller). */
    static void pair(StringBuilder block, String first, String second) {
        block.append(block.length() > 1 ? ",[" : "[");
        recorded(block, first);
        block.append(',');
        recorded(block, second);
        block.append(']');
    }

    /**
     * {@code s} quoted into a block the ledger keeps.
     *
     * @throws IllegalArgumentException for a NUL character, which PostgreSQL's JSON takes in and then cannot
     *                                  give back (the ledger's text columns never held one)
     */
    private static void recorded(StringBuilder block, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be recorded: " + s.replace('\0', '?'));
        }
        quote(block, s);
    }

    /** {@code s} as a JSON string. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && s.charAt(plain) >= 0x20 && s.charAt(plain) != '"' && s.charAt(plain) != '\\') {
            plain++;
        }
        sb.append(s, 0, plain); // ids and states rarely need escaping: copied in one go up to the first that does
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /**
     * The pairs of {@code [["a","b"],["c","d"],…]} as the database wrote them ({@code json_group_array}); null
     * or empty: none.
     *
     * @throws IllegalArgumentException when it is not such an array
     */
    static List<String[]> pairs(String json) {
        List<String[]> out = new ArrayList<>();
        if (json == null || json.isEmpty()) {
            return out;
        }
        Parser p = new Parser(json);
        p.expect('[');
        if (p.peek() == ']') {
            p.expect(']');
            p.end();
            return out;
        }
        while (true) {
            p.expect('[');
            String a = p.string();
            p.expect(',');
            String b = p.string();
            p.expect(']');
            out.add(new String[] {a, b});
            char next = p.next();
            if (next == ']') {
                p.end();
                return out;
            }
            if (next != ',') {
                throw p.bad();
            }
        }
    }

    /** A reader of the one shape above; JSON's blanks between tokens allowed. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        private void blanks() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r'
                    || s.charAt(i) == '\t')) {
                i++;
            }
        }

        char peek() {
            blanks();
            if (i >= s.length()) {
                throw bad();
            }
            return s.charAt(i);
        }

        char next() {
            char c = peek();
            i++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw bad();
            }
        }

        void end() {
            blanks();
            if (i != s.length()) {
                throw bad();
            }
        }

        String string() {
            expect('"');
            int start = i;
            while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\\') {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '"') {
                return s.substring(start, i++);
            }
            StringBuilder sb = new StringBuilder().append(s, start, i);
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw bad();
                        }
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(i++), 16);
                            if (d < 0) {
                                throw bad();
                            }
                            code = code * 16 + d;
                        }
                        sb.append((char) code);
                    }
                    default -> throw bad();
                }
            }
            throw bad();
        }

        IllegalArgumentException bad() {
            return new IllegalArgumentException("not a block of pairs at character " + i + ": "
                    + s.substring(Math.max(0, i - 20), Math.min(s.length(), i + 20)));
        }
    }
}
