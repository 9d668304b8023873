package subsidy.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent to PostgreSQL with {@code COPY … FROM STDIN} (text format), as the server reads a table's
 * dump: far less of its time a row than an INSERT's, and in the order given. Only ever loaded for a
 * PostgreSQL ledger.
 */
final class Copy {
    /** Bytes sent at a time. */
    private static final int SEND = 1 << 16;

    private Copy() {
    }

    /** What writes the rows, each with {@link StateSnapshot.Rows#row}. */
    interface Source {
        void rows(StateSnapshot.Rows out) throws SQLException;
    }

    /** Runs {@code copy} (a {@code COPY table (a, b) FROM STDIN}) on {@code c} with the two-column rows of {@code source}. */
    static void in(Connection c, String copy, Source source) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            Buffer buffer = new Buffer();
            source.rows((a, b) -> {
                buffer.field(a);
                buffer.add((byte) '\t');
                buffer.field(b);
                buffer.add((byte) '\n');
                if (buffer.size >= SEND) {
                    in.writeToCopy(buffer.bytes, 0, buffer.size);
                    buffer.size = 0;
                }
            });
            if (buffer.size > 0) {
                in.writeToCopy(buffer.bytes, 0, buffer.size);
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Bytes being gathered for the server. */
    static final class Buffer {
        byte[] bytes = new byte[SEND * 2];
        int size;

        void add(byte b) {
            if (size == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }

        /** A value of COPY's text format: the backslash, tab, newline and carriage return escaped. */
        void field(byte[] value) {
            for (byte b : value) {
                switch (b) {
                    case '\\' -> add((byte) '\\');
                    case '\t' -> {
                        add((byte) '\\');
                        b = 't';
                    }
                    case '\n' -> {
                        add((byte) '\\');
                        b = 'n';
                    }
                    case '\r' -> {
                        add((byte) '\\');
                        b = 'r';
                    }
                    default -> {
                    }
                }
                add(b);
            }
        }
    }
}
