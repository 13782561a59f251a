package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.job.enrich.SeriesEnricher;
import io.jonbu.ohlcv.job.sink.PostgresSinks;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.json.ApiJson;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jonbu export} of enriched candles the job stored, from a real PostgreSQL. */
class ExportCommandTest {
    private static final long START = EpochNanos.parse("2024-03-08T14:30:00Z");
    private static EmbeddedDatabase db;
    private static final List<EnrichedCandle> STORED = new ArrayList<>();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void store() throws Exception {
        db = EmbeddedDatabase.startTemporary();
        Random random = new Random(3);
        SeriesEnricher enricher = new SeriesEnricher(5);
        double close = 100;
        for (int i = 0; i < 300; i++) {
            long s = START + i * Timeframe.M1.nominalNanos();
            double open = close;
            close = Math.round((open + random.nextGaussian() * 0.3) * 100) / 100.0;
            Candle c = new Candle("AAPL", Timeframe.M1, s, Timeframe.M1.end(s), open, Math.max(open, close) + 0.05,
                    Math.min(open, close) - 0.05, close, 1000 + random.nextInt(9000), 50, (open + close) / 2, true, 0);
            STORED.add(enricher.enrich(c));
        }
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement candles = c.prepareStatement(PostgresSinks.UPSERT_CANDLE);
             PreparedStatement enriched = c.prepareStatement(PostgresSinks.UPSERT_ENRICHED)) {
            for (EnrichedCandle e : STORED) {
                PostgresSinks.bindCandle(candles, e.ohlcv());
                candles.addBatch();
                PostgresSinks.bindEnriched(enriched, e);
                enriched.addBatch();
            }
            candles.executeBatch();
            enriched.executeBatch();
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private int jonbu(String... args) {
        return JonbuInProcess.run(System.getenv(), err, args);
    }

    @Test
    void jsonLinesReadBackToTheStoredEnrichedCandles() throws Exception {
        Path out = dir.resolve("aapl.jsonl");

        assertThat(jonbu("export", "AAPL", "MSFT", "--timeframe", "1m", "--start", "2024-03-08", "--end", "2024-03-09",
                "--out", out.toString(), "--db-url", db.jdbcUrl())).as(err.toString()).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(STORED.size());
        for (int i = 0; i < lines.size(); i++) {
            EnrichedCandle got = ApiJson.mapper().readValue(lines.get(i), EnrichedCandle.class);
            EnrichedCandle want = STORED.get(i);
            assertThat(got.ohlcv()).isEqualTo(want.ohlcv());
            assertThat(got.indicators()).containsExactly(want.indicators());
            assertThat(got.patterns()).containsExactly(want.patterns());
            assertThat(got.context()).isEqualTo(want.context());
            assertThat(got.description()).isEqualTo(want.description());
            for (int f = 0; f < want.features().length; f++) {
                // PostgreSQL keeps features as real (float): what a vector store takes anyway
                assertThat(Float.valueOf((float) got.features()[f])).as("feature %d of candle %d", f, i)
                        .isEqualTo(Float.valueOf((float) want.features()[f]));
            }
        }
        assertThat(err.toString()).contains("export: 300 1m candles of AAPL,MSFT to");
    }

    @Test
    void csvHasOneColumnPerValueAndARowPerCandle() throws Exception {
        Path out = dir.resolve("aapl.csv");

        assertThat(jonbu("export", "aapl", "--start", "2024-03-08T14:30:00Z", "--end", "2024-03-08T14:40:00Z",
                "--format", "csv", "--out", out.toString(), "--db-url", db.jdbcUrl())).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1 + 10);
        assertThat(lines.get(0)).startsWith("symbol,timeframe,start,end,open,high,low,close,volume,trade_count,vwap,sma_20,")
                .endsWith(",description").contains(",f_rsi_14,");
        assertThat(lines.get(1)).startsWith("AAPL,1m,2024-03-08T14:30:00Z,2024-03-08T14:31:00Z,")
                .endsWith(",\"" + STORED.get(0).description() + "\"");
        assertThat(lines.get(1).split(",", -1).length).as("a value per header column (the description has no commas here)")
                .isGreaterThanOrEqualTo(lines.get(0).split(",").length);
    }

    @Test
    void badRangesAndFormatsAreUsageErrors() {
        assertThat(jonbu("export", "AAPL", "--start", "2024-03-09", "--end", "2024-03-08", "--out", "x", "--db-url", db.jdbcUrl()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--start: must be before --end");
        assertThat(jonbu("export", "AAPL", "--start", "2024-03-08", "--format", "parquet", "--out", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--format");
    }
}
