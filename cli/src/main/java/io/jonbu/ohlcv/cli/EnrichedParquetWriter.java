package io.jonbu.ohlcv.cli;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.intType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import io.jonbu.ohlcv.model.enriched.FeatureSchema;
import io.jonbu.ohlcv.model.enriched.IndicatorKey;
import io.jonbu.ohlcv.model.enriched.MarketContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Enriched candles as rows of a Parquet file: the CSV export's columns, typed, plus the embedding
 * vector. Strings are UTF-8 strings, {@code start}/{@code end} INT64 timestamps adjusted to UTC,
 * {@code volume}/{@code trade_count} INT64, every price, indicator, context value and feature an
 * optional DOUBLE that is null while not known (never NaN), {@code patterns} a list of strings and
 * {@code embedding_vector} a list of floats. Snappy-compressed, as pandas and Spark write by default.
 *
 * <p>Timestamps are in microseconds, not the nanoseconds the job keeps: every candle boundary is a
 * whole minute, so nothing is lost, and micros are what every reader takes natively (pyarrow and
 * pandas, Spark, DuckDB, BigQuery), while Spark refuses INT64 TIMESTAMP(NANOS) columns.
 */
final class EnrichedParquetWriter implements ExportCommand.Rows {
    static final MessageType SCHEMA = schema();

    private final ParquetWriter<EnrichedCandle> writer;

    /** Writes to {@code file}, replacing what it held. */
    EnrichedParquetWriter(Path file) throws IOException {
        // A plain configuration: a Hadoop one would look for core-site.xml and pull in an XML parser
        writer = new Builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }

    @Override
    public void write(EnrichedCandle candle) throws IOException {
        writer.write(candle);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static MessageType schema() {
        Types.MessageTypeBuilder m = Types.buildMessage();
        m.required(BINARY).as(stringType()).named("symbol");
        m.required(BINARY).as(stringType()).named("timeframe");
        m.required(INT64).as(timestampType(true, MICROS)).named("start");
        m.required(INT64).as(timestampType(true, MICROS)).named("end");
        for (String price : new String[] {"open", "high", "low", "close"}) {
            m.optional(DOUBLE).named(price);
        }
        m.required(INT64).named("volume");
        m.required(INT64).named("trade_count");
        m.optional(DOUBLE).named("vwap");
        for (IndicatorKey key : IndicatorKey.values()) {
            m.optional(DOUBLE).named(ExportCommand.column(key));
        }
        m.requiredList().requiredElement(BINARY).as(stringType()).named("patterns");
        m.optional(BINARY).as(stringType()).named("regime");
        for (String level : new String[] {"support", "resistance", "trend_slope_deg", "trend_strength"}) {
            m.optional(DOUBLE).named(level);
        }
        m.required(INT32).as(intType(32, true)).named("feature_schema_version");
        for (FeatureSchema feature : FeatureSchema.values()) {
            m.optional(DOUBLE).named("f_" + feature.jsonName());
        }
        m.required(BINARY).as(stringType()).named("description");
        m.requiredList().requiredElement(FLOAT).named("embedding_vector");
        return m.named("enriched_candle");
    }

    private static final class Builder extends ParquetWriter.Builder<EnrichedCandle, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<EnrichedCandle> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriter();
        }

        @Override
        @Deprecated
        protected WriteSupport<EnrichedCandle> getWriteSupport(Configuration conf) {
            return new RowWriter();
        }
    }

    /** One candle as one record; a field left out is a null. */
    private static final class RowWriter extends WriteSupport<EnrichedCandle> {
        private RecordConsumer out;

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @Override
        @Deprecated
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SCHEMA, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(EnrichedCandle e) {
            Candle c = e.ohlcv();
            out.startMessage();
            string("symbol", c.symbol());
            string("timeframe", c.timeframe().label());
            int64("start", Math.floorDiv(c.start(), 1_000L));
            int64("end", Math.floorDiv(c.end(), 1_000L));
            number("open", c.open());
            number("high", c.high());
            number("low", c.low());
            number("close", c.close());
            int64("volume", c.volume());
            int64("trade_count", c.tradeCount());
            number("vwap", c.vwap());
            for (IndicatorKey key : IndicatorKey.values()) {
                number(ExportCommand.column(key), e.indicator(key));
            }
            list("patterns", e.patterns().length, i -> out.addBinary(Binary.fromString(e.patterns()[i])));
            MarketContext context = e.context();
            if (context.regime() != null) {
                string("regime", context.regime().jsonName());
            }
            number("support", context.support());
            number("resistance", context.resistance());
            number("trend_slope_deg", context.trendSlopeDeg());
            number("trend_strength", context.trendStrength());
            int index = field("feature_schema_version");
            out.addInteger(FeatureSchema.VERSION);
            out.endField("feature_schema_version", index);
            for (FeatureSchema feature : FeatureSchema.values()) {
                number("f_" + feature.jsonName(), e.feature(feature));
            }
            string("description", e.description());
            float[] embedding = e.embeddingVector();
            list("embedding_vector", embedding.length, i -> out.addFloat(embedding[i]));
            out.endMessage();
        }

        private int field(String name) {
            int index = SCHEMA.getFieldIndex(name);
            out.startField(name, index);
            return index;
        }

        private void string(String name, String value) {
            int index = field(name);
            out.addBinary(Binary.fromString(value));
            out.endField(name, index);
        }

        private void int64(String name, long value) {
            int index = field(name);
            out.addLong(value);
            out.endField(name, index);
        }

        /** NaN, the job's "not known yet", is written as null, as the other exports do. */
        private void number(String name, double value) {
            if (!Double.isFinite(value)) {
                return;
            }
            int index = field(name);
            out.addDouble(value);
            out.endField(name, index);
        }

        /** The three-level LIST layout: {@code group name (LIST) { repeated group list { element } }}. */
        private void list(String name, int size, IntConsumer element) {
            int index = field(name);
            out.startGroup();
            if (size > 0) {
                out.startField("list", 0);
                for (int i = 0; i < size; i++) {
                    out.startGroup();
                    out.startField("element", 0);
                    element.accept(i);
                    out.endField("element", 0);
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
            out.endField(name, index);
        }
    }
}
