package io.jonbu.ohlcv.serving.symbol;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tracked-symbol list in the {@code symbols} table: the control-plane configuration that the job's
 * source polls (see the job's JDBC symbol directory). The one place the serving layer writes.
 */
public final class SymbolRepository {
    private static final String LIST = "SELECT symbol, added_at, active FROM symbols ORDER BY symbol";
    // a symbol tracked before keeps its added_at; a removed one comes back active
    private static final String TRACK = "INSERT INTO symbols (symbol) VALUES (?)"
            + " ON CONFLICT (symbol) DO UPDATE SET active = true WHERE NOT symbols.active";
    private static final String UNTRACK = "UPDATE symbols SET active = false WHERE symbol = ?";

    private final DataSource dataSource;

    /** @param dataSource a writable one: the serving layer's read pool refuses writes */
    public SymbolRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<TrackedSymbol> all() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(LIST);
             ResultSet rs = s.executeQuery()) {
            List<TrackedSymbol> symbols = new ArrayList<>();
            while (rs.next()) {
                symbols.add(new TrackedSymbol(rs.getString("symbol"),
                        rs.getObject("added_at", OffsetDateTime.class).toInstant().toString(), rs.getBoolean("active")));
            }
            return symbols;
        }
    }

    /** Tracks every symbol, new or inactive, in one transaction. */
    public void track(List<String> symbols) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(TRACK)) {
            c.setAutoCommit(false);
            try {
                for (String symbol : symbols) {
                    s.setString(1, symbol);
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Marks a symbol inactive; false when it was never tracked. */
    public boolean untrack(String symbol) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UNTRACK)) {
            s.setString(1, symbol);
            return s.executeUpdate() == 1;
        }
    }
}
