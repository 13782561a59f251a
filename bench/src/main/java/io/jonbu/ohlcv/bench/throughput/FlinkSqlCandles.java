package io.jonbu.ohlcv.bench.throughput;

import io.jonbu.ohlcv.bench.run.LocalFlink;
import io.jonbu.ohlcv.bench.tape.TradeTape;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.job.feed.TradeWatermarks;
import io.jonbu.ohlcv.job.testing.CollectingSink;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Timeframe;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * The peer a Flink user would write first: Flink SQL, one {@code TUMBLE} window TVF per timeframe,
 * {@code FIRST_VALUE}/{@code LAST_VALUE} for open and close, the daily window on the New York day
 * (a {@code TIMESTAMP_LTZ} row time and {@code table.local-time-zone}). Same trades, read by the same
 * source with the same watermarks as the job ({@code fromDataStream} with {@code SOURCE_WATERMARK()}),
 * on the same cluster; the five results go to {@code blackhole} tables.
 */
final class FlinkSqlCandles {
    private static final Map<Timeframe, String> WINDOWS = Map.of(Timeframe.M1, "INTERVAL '1' MINUTE",
            Timeframe.M5, "INTERVAL '5' MINUTE", Timeframe.M15, "INTERVAL '15' MINUTE", Timeframe.H1, "INTERVAL '1' HOUR",
            Timeframe.D1, "INTERVAL '1' DAY");

    private FlinkSqlCandles() {}

    /** One timed run into blackhole tables. */
    static double tradesPerSecond(LocalFlink flink, TradeTape tape) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.environment();
        StreamTableEnvironment tables = tables(env, tape);
        StreamStatementSet inserts = tables.createStatementSet();
        for (Timeframe tf : Timeframe.values()) {
            Table candles = tables.sqlQuery(query(tf));
            String sink = "candles_" + tf.label();
            tables.createTemporaryTable(sink, TableDescriptor.forConnector("blackhole")
                    .schema(Schema.newBuilder().fromResolvedSchema(candles.getResolvedSchema()).build()).build());
            inserts.add(candles.insertInto(sink));
        }
        inserts.attachAsDataStream();
        return tape.trades().size() / flink.run(env).seconds();
    }

    /** An untimed run that keeps the candles, to compare with the oracle. */
    static List<Candle> candles(LocalFlink flink, TradeTape tape) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.environment();
        StreamTableEnvironment tables = tables(env, tape);
        CollectingSink<Candle> sink = new CollectingSink<>();
        for (Timeframe tf : Timeframe.values()) {
            tables.toDataStream(tables.sqlQuery(query(tf)))
                    .map(row -> candle(row, tf)).returns(TypeInformation.of(Candle.class))
                    .sinkTo(sink);
        }
        flink.run(env);
        return sink.received();
    }

    /** The trades as a table {@code trades(symbol, price, size, ts)}, {@code ts} the row time, in New York's time zone. */
    private static StreamTableEnvironment tables(StreamExecutionEnvironment env, TradeTape tape) {
        CandleJobConfig job = CandleJobConfig.defaults();
        DataStream<FeedEvent> events = tape.feed().open(env, new TradeWatermarks(job.outOfOrderness(), job.idleTimeout()));
        DataStream<Row> trades = events
                .map(e -> Row.of(e.trade().symbol(), e.trade().price(), e.trade().size()))
                .returns(Types.ROW_NAMED(new String[] {"symbol", "price", "size"}, Types.STRING, Types.DOUBLE, Types.LONG))
                .name("trades as rows");
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.getConfig().setLocalTimeZone(Timeframe.MARKET_ZONE);
        tables.createTemporaryView("trades", tables.fromDataStream(trades, Schema.newBuilder()
                .columnByMetadata("ts", DataTypes.TIMESTAMP_LTZ(3), "rowtime")
                .watermark("ts", "SOURCE_WATERMARK()")
                .build()));
        return tables;
    }

    private static String query(Timeframe tf) {
        return "SELECT symbol, window_start, window_end, FIRST_VALUE(price) AS `open`, MAX(price) AS high, MIN(price) AS low, "
                + "LAST_VALUE(price) AS `close`, SUM(size) AS volume, COUNT(*) AS trade_count, SUM(price * size) / SUM(size) AS vwap "
                + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + WINDOWS.get(tf) + ")) "
                + "GROUP BY symbol, window_start, window_end";
    }

    /** A result row as a final candle; window bounds are wall-clock times of the session's zone. */
    private static Candle candle(Row row, Timeframe tf) {
        long start = nanos(row.getFieldAs("window_start"));
        return new Candle(row.getFieldAs("symbol"), tf, start, nanos(row.getFieldAs("window_end")),
                row.<Double>getFieldAs("open"), row.<Double>getFieldAs("high"), row.<Double>getFieldAs("low"),
                row.<Double>getFieldAs("close"), row.<Long>getFieldAs("volume"), row.<Long>getFieldAs("trade_count"),
                row.<Double>getFieldAs("vwap"), true, 0);
    }

    private static long nanos(LocalDateTime local) {
        return EpochNanos.of(local.atZone(Timeframe.MARKET_ZONE).toInstant());
    }
}
