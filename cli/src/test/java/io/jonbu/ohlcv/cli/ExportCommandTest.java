package io.jonbu.ohlcv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jonbu.ohlcv.job.enrich.SeriesEnricher;
import io.jonbu.ohlcv.job.sink.PostgresSinks;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
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
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
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
        assertThat(err.toString()).contains("export: 300 1m candles of AAPL,MSFT to")
                .contains("export [##############################] 100%  300/300 candles");
    }

    @Test
    void csvHasOneColumnPerValueAndARowPerCandle() throws Exception {
        Path out = dir.resolve("aapl.csv");

        assertThat(jonbu("export", "aapl", "--start", "2024-03-08T14:30:00Z", "--end", "2024-03-08T14:40:00Z",
                "--format", "csv", "--out", out.toString(), "--db-url", db.jdbcUrl())).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1 + 10);
        assertThat(lines.get(0)).startsWith("symbol,timeframe,start,end,open,high,low,close,volume,trade_count,vwap,sma_20,")
                .endsWith(",description").contains(",f_rsi_14,").contains(",session_vwap,");
        assertThat(lines.get(0).split(",")).as("pandas would rename a repeated column").doesNotHaveDuplicates();
        assertThat(lines.get(1)).startsWith("AAPL,1m,2024-03-08T14:30:00Z,2024-03-08T14:31:00Z,")
                .endsWith(",\"" + STORED.get(0).description() + "\"");
        assertThat(lines.get(1).split(",", -1).length).as("a value per header column (the description has no commas here)")
                .isGreaterThanOrEqualTo(lines.get(0).split(",").length);
    }

    @Test
    void parquetHasTheCsvColumnsTypedAndEveryValueOfTheJsonLinesExport() throws Exception {
        Path jsonl = dir.resolve("aapl.jsonl");
        Path parquet = dir.resolve("aapl.parquet");
        String[] range = {"export", "AAPL", "--start", "2024-03-08", "--end", "2024-03-09", "--db-url", db.jdbcUrl()};

        assertThat(jonbu(with(range, "--out", jsonl.toString()))).as(err.toString()).isZero();
        assertThat(jonbu(with(range, "--format", "parquet", "--out", parquet.toString()))).as(err.toString()).isZero();

        assertThat(err.toString()).contains("export: 300 1m candles of AAPL to " + parquet.toAbsolutePath());
        assertThat(dir.toFile().list()).as("no temporary file left").containsExactlyInAnyOrder("aapl.jsonl", "aapl.parquet");
        List<String> lines = Files.readAllLines(jsonl);
        MessageType schema;
        List<Group> rows = new ArrayList<>();
        try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(parquet),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(rowGroup, new GroupRecordConverter(schema));
                for (long r = 0; r < rowGroup.getRowCount(); r++) {
                    rows.add(records.read());
                }
            }
        }
        List<String> columns = schema.getFields().stream().map(Type::getName).toList();
        List<String> csvColumns = List.of(ExportCommand.csvHeader().split(","));
        assertThat(columns).as("the CSV's columns, then the vector").isEqualTo(with(csvColumns, "embedding_vector"))
                .doesNotHaveDuplicates();
        assertThat(schema.getType("start").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("start").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        assertThat(schema.getType("rsi_14").isRepetition(Type.Repetition.OPTIONAL)).isTrue();
        assertThat(schema.getType("patterns").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.listType());

        assertThat(rows).hasSize(lines.size()).hasSize(STORED.size());
        int nulls = 0;
        for (int i = 0; i < rows.size(); i++) {
            Group row = rows.get(i);
            JsonNode json = ApiJson.mapper().readTree(lines.get(i));
            JsonNode ohlcv = json.path("ohlcv");
            JsonNode context = json.path("context");
            JsonNode features = json.path("features");
            for (String column : columns) {
                String at = "candle " + i + " column " + column;
                switch (column) {
                    case "symbol", "timeframe" -> assertThat(row.getString(column, 0)).as(at).isEqualTo(ohlcv.path(column).asText());
                    case "start", "end" -> assertThat(row.getLong(column, 0) * 1_000).as(at)
                            .isEqualTo(EpochNanos.parse(ohlcv.path(column).asText()));
                    case "volume", "trade_count" -> assertThat(row.getLong(column, 0)).as(at).isEqualTo(ohlcv.path(column).asLong());
                    case "open", "high", "low", "close", "vwap" -> assertThat(number(row, column)).as(at).isEqualTo(number(ohlcv.path(column)));
                    case "patterns" -> assertThat(strings(row.getGroup(column, 0))).as(at).isEqualTo(strings(json.path(column)));
                    case "regime" -> assertThat(row.getFieldRepetitionCount(column) == 0 ? null : row.getString(column, 0)).as(at)
                            .isEqualTo(context.path(column).isNull() ? null : context.path(column).asText());
                    case "support", "resistance", "trend_slope_deg", "trend_strength" ->
                            assertThat(number(row, column)).as(at).isEqualTo(number(context.path(column)));
                    case "feature_schema_version" -> assertThat(row.getInteger(column, 0)).as(at).isEqualTo(features.path("schema_version").asInt());
                    case "description" -> assertThat(row.getString(column, 0)).as(at).isEqualTo(json.path(column).asText());
                    case "embedding_vector" -> {
                        Group vector = row.getGroup(column, 0);
                        JsonNode want = json.path(column);
                        assertThat(vector.getFieldRepetitionCount("list")).as(at).isEqualTo(want.size()).isEqualTo(FeatureSchema.COUNT);
                        for (int v = 0; v < want.size(); v++) {
                            assertThat(vector.getGroup("list", v).getFloat("element", 0)).as(at).isEqualTo((float) want.get(v).asDouble());
                        }
                    }
                    default -> {
                        JsonNode want = column.startsWith("f_")
                                ? features.path("values").get(indexOf(features.path("names"), column.substring(2)))
                                : json.path("indicators").path(indicatorKey(column));
                        assertThat(want).as(at + " is in the JSON").isNotNull();
                        assertThat(want.isMissingNode()).as(at + " is in the JSON").isFalse();
                        assertThat(number(row, column)).as(at).isEqualTo(number(want));
                        nulls += want.isNull() ? 1 : 0;
                    }
                }
            }
        }
        assertThat(nulls).as("values before warm-up are compared too").isPositive();
    }

    private static String[] with(String[] args, String... more) {
        return with(List.of(args), more).toArray(String[]::new);
    }

    private static List<String> with(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    /** An optional double column's value, null where Parquet has none. */
    private static Double number(Group row, String column) {
        return row.getFieldRepetitionCount(column) == 0 ? null : row.getDouble(column, 0);
    }

    private static Double number(JsonNode value) {
        return value.isNull() ? null : value.asDouble();
    }

    private static List<String> strings(Group list) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
            out.add(list.getGroup("list", i).getString("element", 0));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String indicatorKey(String column) {
        for (IndicatorKey key : IndicatorKey.values()) {
            if (ExportCommand.column(key).equals(column)) {
                return key.jsonName();
            }
        }
        throw new AssertionError("no indicator column " + column);
    }

    private static int indexOf(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no feature " + name + " in " + names);
    }

    @Test
    void badRangesAndFormatsAreUsageErrors() {
        assertThat(jonbu("export", "AAPL", "--start", "2024-03-09", "--end", "2024-03-08", "--out", "x", "--db-url", db.jdbcUrl()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--start: must be before --end");
        assertThat(jonbu("export", "AAPL", "--start", "2024-03-08", "--format", "xlsx", "--out", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--format").contains("xlsx");
    }
}
