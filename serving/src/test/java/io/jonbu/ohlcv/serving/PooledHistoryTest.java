package io.jonbu.ohlcv.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;

/**
 * The production pool prepares statements on the server, so results come in binary and times are
 * read from their bytes; a bare connection gets text. Both must answer the same bytes.
 */
class PooledHistoryTest {
    /** Times on both sides of 2000-01-01, PostgreSQL's epoch, down to the microsecond it keeps. */
    private static final List<Candle> CANDLES = IntStream.range(0, 30)
            .mapToObj(i -> {
                long start = EpochNanos.parse(i % 2 == 0 ? "1999-12-31T23:00:00Z" : "2024-03-08T14:30:00Z")
                        + i * Timeframe.M1.nominalNanos();
                return new Candle("AAPL", Timeframe.M1, start, start + 59_999_999_000L + i * 1_000L, 100.5 + i, 101.25 + i,
                        99.125 + i, 100.0625 + i, 1_000L + i, 10L + i, 100.1 + i / 3.0, i % 3 == 0, i);
            })
            .toList();

    private static EmbeddedDatabase db;
    private static HikariDataSource pool;
    private static ServingServer pooled;
    private static ServingServer bare;
    private static ApiClient pooledApi;
    private static ApiClient bareApi;

    @BeforeAll
    static void start() throws SQLException {
        db = EmbeddedDatabase.startTemporary();
        CandleRows.insert(db.dataSource(), CANDLES);
        pool = DatabasePool.open(db.jdbcUrl(), db.user(), null);
        pooled = new ServingServer(pool, 0);
        bare = new ServingServer(db.dataSource(), 0);
        pooledApi = new ApiClient(pooled.start());
        bareApi = new ApiClient(bare.start());
    }

    @AfterAll
    static void stop() {
        pooledApi.close();
        bareApi.close();
        pooled.close();
        bare.close();
        pool.close();
        db.close();
    }

    @Test
    void thePoolsStatementsAnswerInBinary() throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT start_time, open FROM candles WHERE symbol = ?")) {
            s.setString(1, "AAPL");
            try (ResultSet rs = s.executeQuery()) {
                PGResultSetMetaData meta = rs.getMetaData().unwrap(PGResultSetMetaData.class);
                assertThat(meta.getFormat(1)).isEqualTo(1);
                assertThat(meta.getFormat(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void historyOverThePoolIsTheSameBytesAsOverABareConnection() {
        for (String path : List.of("/api/v1/ohlcv/AAPL/history?start=1999-01-01&limit=7",
                "/api/v1/ohlcv/AAPL/history?start=1999-01-01&limit=50000", "/api/v1/ohlcv/AAPL/history?end=2025-01-01&limit=12")) {
            // again and again: the driver may change how it asks once a statement has run a few times
            for (int i = 0; i < 8; i++) {
                ApiClient.Reply viaPool = pooledApi.get(path);
                assertThat(viaPool.status()).isEqualTo(200);
                assertThat(viaPool.text()).as(path).isEqualTo(bareApi.get(path).text());
            }
        }
        assertThat(pooledApi.get("/api/v1/ohlcv/AAPL/history?start=1999-01-01&limit=50000").json().get("candles")).hasSize(30);
        assertThat(pooledApi.get("/api/v1/ohlcv/AAPL/history?start=1999-01-01&limit=1").json().at("/candles/0/end").asText())
                .isEqualTo(EpochNanos.format(CANDLES.get(0).end()));
    }
}
