package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.source.stream.SymbolDirectory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code symbols} table as the stream source's {@link SymbolDirectory}: the active rows are the
 * symbols to stream. The serving layer's {@code /symbols} routes write it; the source's enumerator
 * polls it, so a symbol added there is streamed without a restart.
 *
 * <p>Plain JDBC with a connection per poll: a poll every few seconds does not need a pool, and the
 * directory travels in the job graph, so it holds only the connection settings.
 */
public record SymbolTable(PostgresConnection db) implements SymbolDirectory {
    private static final long serialVersionUID = 1L;
    private static final String ACTIVE = "SELECT symbol FROM symbols WHERE active";
    /** Seconds; a database that hangs holds up only the next polls, never the job, but should not do so forever. */
    private static final String TIMEOUT_SECONDS = "10";

    @Override
    public Set<String> activeSymbols() throws SQLException {
        Properties properties = new Properties();
        if (db.user() != null) {
            properties.setProperty("user", db.user());
        }
        if (db.password() != null) {
            properties.setProperty("password", db.password());
        }
        properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
        properties.setProperty("socketTimeout", TIMEOUT_SECONDS);
        properties.setProperty("readOnly", "true");
        try (Connection c = DriverManager.getConnection(db.url(), properties);
             PreparedStatement s = c.prepareStatement(ACTIVE);
             ResultSet rs = s.executeQuery()) {
            Set<String> symbols = new HashSet<>();
            while (rs.next()) {
                symbols.add(rs.getString(1));
            }
            return symbols;
        }
    }

    @Override
    public String toString() {
        return "the symbols table at " + db.url();
    }
}
