package subsidy.ledger;

import subsidy.text.Msg;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each entity of a chunk has used up, read from {@code entity_state} in bulk: one query for up
 * to {@value #PER_QUERY} entities. Each thread reads on a connection of its own, outside the run's
 * transaction: it sees the ledger as it stood when the run took the lock, which is what a batch is
 * computed against. A batch being replaced is left out of what it reads.
 */
public final class StateReader implements AutoCloseable {
    static final int PER_QUERY = 500;

    private final Ledger ledger;
    private final Long without;
    private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Reader> mine = new ThreadLocal<>();

    StateReader(Ledger ledger, Long without) {
        this.ledger = ledger;
        this.without = without;
    }

    private final class Reader {
        final Connection c;
        final PreparedStatement query;

        Reader() throws SQLException {
            c = ledger.connect();
            opened.add(c);
            if (ledger.dialect() == Ledger.Dialect.SQLITE) {
                // The keys as one JSON array, the states found as another: one value bound and one read
                // per query rather than one per key (Blocks).
                query = c.prepareStatement("SELECT json_group_array(json_array(s.entity, s.state)) "
                        + "FROM json_each(?) AS j JOIN entity_state AS s ON s.entity = j.value");
            } else {
                query = c.prepareStatement("SELECT entity, state FROM entity_state WHERE entity = ANY(?)");
            }
        }
    }

    /** Each entity's prior payments; an entity the ledger never paid is not in the map. */
    public Map<String, Prior> lookup(List<String> entities) throws LedgerException {
        Map<String, Prior> out = new HashMap<>();
        try {
            Reader r = mine.get();
            if (r == null) {
                r = new Reader();
                mine.set(r);
            }
            for (int from = 0; from < entities.size(); from += PER_QUERY) {
                List<String> part = entities.subList(from, Math.min(entities.size(), from + PER_QUERY));
                if (ledger.dialect() == Ledger.Dialect.SQLITE) {
                    r.query.setString(1, json(part));
                } else {
                    Array array = r.c.createArrayOf("text", part.toArray());
                    r.query.setArray(1, array);
                }
                try (ResultSet rs = r.query.executeQuery()) {
                    while (rs.next()) {
                        if (ledger.dialect() == Ledger.Dialect.SQLITE) {
                            String found = rs.getString(1);
                            List<String[]> pairs;
                            try {
                                pairs = Blocks.pairs(found);
                            } catch (IllegalArgumentException garbled) {
                                throw ledger.unreadable(Msg.of("ledger.entity_state_of", part.get(0)), found);
                            }
                            for (String[] pair : pairs) {
                                put(out, pair[0], pair[1]);
                            }
                        } else {
                            put(out, rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw ledger.damaged(e);
        }
        return out;
    }

    private void put(Map<String, Prior> out, String entity, String cell) throws LedgerException {
        Prior p;
        try {
            p = Prior.decode(cell);
        } catch (IllegalArgumentException | IndexOutOfBoundsException garbled) {
            throw ledger.unreadable(Msg.of("ledger.entity_state_of", entity), cell);
        }
        out.put(entity, without == null ? p : p.without(without));
    }

    /** The keys as a JSON array of strings. */
    static String json(List<String> keys) {
        StringBuilder sb = new StringBuilder(keys.size() * 21 + 2).append('[');
        for (String k : keys) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            Blocks.quote(sb, k);
        }
        return sb.append(']').toString();
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // read-only; nothing is lost
                }
            }
            opened.clear();
        }
    }
}
