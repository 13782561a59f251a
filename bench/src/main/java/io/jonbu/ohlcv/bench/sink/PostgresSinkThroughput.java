package io.jonbu.ohlcv.bench.sink;

import io.jonbu.ohlcv.bench.report.BenchArgs;
import io.jonbu.ohlcv.bench.report.Figure.Goal;
import io.jonbu.ohlcv.bench.report.Figure.Point;
import io.jonbu.ohlcv.bench.report.Figure.Series;
import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import io.jonbu.ohlcv.bench.report.MachineLoad;
import io.jonbu.ohlcv.job.sink.PostgresConnection;
import io.jonbu.ohlcv.job.sink.PostgresSinks;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Figure 6, the PostgreSQL sink: final 1m candles through the job's own JDBC sink
 * ({@link PostgresSinks#candles}) on a MiniCluster at parallelism 2, into an empty table (every row an
 * insert) and again over the same rows (every row an update). The anchor is the server's ceiling for
 * the same rows: one {@code INSERT ... SELECT FROM unnest(arrays)} with the sink's own
 * {@code ON CONFLICT DO UPDATE}, timed by the client around that single statement.
 *
 * <p>Usage: {@code PostgresSinkThroughput [--quick] [--out DIR]}
 */
public final class PostgresSinkThroughput {
    private static final int SYMBOLS = 100;
    private static final long FIRST_MINUTE = EpochNanos.parse("2025-03-03T14:30:00Z");
    private static final String VALUES = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())";
    /** The sink's upsert with its one row of values replaced by all rows at once, as arrays. */
    private static final String UPSERT_ALL = anchorStatement();

    private PostgresSinkThroughput() {}

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        int n = args.pick(200_000, 1_000_000);
        // five rounds in both: the medians of three swung too much on a shared machine
        int runs = 5;
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            List<Candle> rows = new ArrayList<>(n);
            for (long i = 0; i < n; i++) {
                rows.add(candle(i));
            }
            String loadBefore = MachineLoad.averages();
            truncate(db);
            sinkRun(db, n / 10); // warm-up: class loading and the JIT, not counted
            List<Double> sinkInsert = new ArrayList<>();
            List<Double> sinkUpdate = new ArrayList<>();
            List<Double> anchorInsert = new ArrayList<>();
            List<Double> anchorUpdate = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                truncate(db);
                sinkInsert.add(sinkRun(db, n));
                sinkUpdate.add(sinkRun(db, n));
                truncate(db);
                anchorInsert.add(anchorRun(db, rows));
                anchorUpdate.add(anchorRun(db, rows));
            }
            Figure figure = new Figure("pg-sink", "PostgreSQL sink: candle upserts per second",
                    String.format(Locale.ROOT, "%,d final 1m candles (%d symbols, minute by minute) generated in the job"
                            + " (fromSequence) on a Flink MiniCluster at parallelism 2, through the job's candle sink"
                            + " (PostgresSinks.candles: flink-connector-jdbc's JdbcOutputFormat, at-least-once, its batch size"
                            + " and interval; a batch folded to one row per key and sent by pgjdbc as multi-row upserts,"
                            + " reWriteBatchedInserts) into embedded PostgreSQL with the project's schema: into an empty table (insert),"
                            + " then the same rows again (every row takes the ON CONFLICT DO UPDATE path). Rate = rows /"
                            + " Flink's net job runtime (submission to finish; the MiniCluster's start is not counted)."
                            + " Anchor: the same rows in one INSERT ... SELECT FROM unnest(14 arrays) with the sink's"
                            + " ON CONFLICT clause, timed around that statement: the server's ceiling. One warm-up job"
                            + " (a tenth of the rows) is not counted; the table is truncated before each insert.", n, SYMBOLS),
                    "rows/s", true, Figure.Plot.BARS,
                    List.of(new Series("job's JDBC sink", false,
                                    List.of(new Point("insert", sinkInsert), new Point("update", sinkUpdate))),
                            new Series("one multi-row INSERT ... ON CONFLICT", true,
                                    List.of(new Point("insert", anchorInsert), new Point("update", anchorUpdate)))),
                    List.of(goal(sinkInsert, "insert"), goal(sinkUpdate, "update")),
                    List.of("ANCHORS.md measured 115-180k rows/s for 100k rows in one statement on this kind of machine.",
                            "A JDBC batch is 1,000 candles (or 200 ms); the sink keeps one per (symbol, timeframe, start),"
                                    + " the newest revision, since PostgreSQL refuses a multi-row ON CONFLICT DO UPDATE that"
                                    + " touches a row twice, and pgjdbc sends the rest as a few multi-row upserts (a"
                                    + " power of two rows each: 512, 256, ... for a full batch). Until then it sent one single-row upsert per candle, which PostgreSQL"
                                    + " executed one by one: 0.54x the anchor (bench/optimizations.md).",
                            MachineLoad.note(loadBefore)));
            System.out.println("pg-sink: wrote " + Figures.write(figure, args.out()));
        }
    }

    private static Goal goal(List<Double> runs, String what) {
        double median = Figures.median(runs);
        return new Goal(">= 100k upserts/s (" + what + ")", median >= 100_000,
                String.format(Locale.ROOT, "%,.0f rows/s median", median));
    }

    /** A final 1m candle: the i-th of minute i / SYMBOLS, symbol i % SYMBOLS. */
    static Candle candle(long i) {
        long start = FIRST_MINUTE + (i / SYMBOLS) * Timeframe.M1.nominalNanos();
        double price = 100 + (i % SYMBOLS) + (i % 17) * 0.01;
        return new Candle(String.format("S%03d", i % SYMBOLS), Timeframe.M1, start, Timeframe.M1.end(start),
                price, price + 0.05, price - 0.05, price + 0.01, 1000 + i % 100, 10 + i % 7, price + 0.005, true, 0);
    }

    /** One job writing {@code n} candles through the sink; rows per second of its net runtime. */
    private static double sinkRun(EmbeddedDatabase db, int n) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        new PostgresSinks(new PostgresConnection(db.jdbcUrl(), db.user(), null))
                .candles(env.fromSequence(0, n - 1).map(PostgresSinkThroughput::candle).returns(TypeInformation.of(Candle.class)));
        long millis = env.execute("pg-sink benchmark").getNetRuntime(TimeUnit.MILLISECONDS);
        long stored = count(db);
        if (stored != n) {
            throw new IllegalStateException("the sink stored " + stored + " candles of " + n);
        }
        return n / (millis / 1000.0);
    }

    /** The rows in one upsert statement; rows per second of its execution. */
    private static double anchorRun(EmbeddedDatabase db, List<Candle> rows) throws SQLException {
        int n = rows.size();
        Object[][] columns = new Object[14][n];
        for (int i = 0; i < n; i++) {
            Candle c = rows.get(i);
            Object[] row = {c.symbol(), c.timeframe().label(), utc(c.start()), utc(c.end()), c.open(), c.high(), c.low(),
                c.close(), c.volume(), c.tradeCount(), c.vwap(), c.isFinal(), c.revision(), c.session().jsonName()};
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
        }
        String[] types = {"text", "text", "timestamptz", "timestamptz", "float8", "float8", "float8", "float8", "int8",
            "int8", "float8", "bool", "int4", "text"};
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(UPSERT_ALL)) {
            for (int col = 0; col < columns.length; col++) {
                s.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            long started = System.nanoTime();
            s.executeUpdate();
            double seconds = (System.nanoTime() - started) / 1e9;
            long stored = count(db);
            if (stored != n) {
                throw new IllegalStateException("the statement stored " + stored + " candles of " + n);
            }
            return n / seconds;
        }
    }

    private static String anchorStatement() {
        if (!PostgresSinks.UPSERT_CANDLE.contains(VALUES)) {
            throw new IllegalStateException("the sink's candle upsert no longer has " + VALUES);
        }
        return PostgresSinks.UPSERT_CANDLE.replace(VALUES, "SELECT *, now() FROM unnest(?::text[], ?::text[],"
                + " ?::timestamptz[], ?::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::int8[],"
                + " ?::int8[], ?::float8[], ?::bool[], ?::int4[], ?::text[])");
    }

    private static void truncate(EmbeddedDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE candles");
        }
    }

    private static long count(EmbeddedDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM candles")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static OffsetDateTime utc(long epochNanos) {
        return EpochNanos.toInstant(epochNanos).atOffset(ZoneOffset.UTC);
    }
}
