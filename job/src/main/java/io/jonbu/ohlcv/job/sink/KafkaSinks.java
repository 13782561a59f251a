package io.jonbu.ohlcv.job.sink;

import io.jonbu.ohlcv.job.CandleSinks;
import io.jonbu.ohlcv.job.candle.CorrectionOutcome;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradingStatus;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Publishes candles and enriched candles to Kafka, the live path that serving fans out to WebSocket
 * clients, and quotes, which only Kafka takes; and hands every output, these included, to the history
 * sinks (PostgreSQL) as well.
 */
public final class KafkaSinks implements CandleSinks {
    private final CandleSinks history;
    private final KafkaSettings settings;

    public KafkaSinks(CandleSinks history, KafkaSettings settings) {
        this.history = history;
        this.settings = settings;
    }

    @Override
    public void candles(DataStream<Candle> candles) {
        history.candles(candles);
        candles.sinkTo(sink(candles, "candles", new JsonRecordSerializer<>(settings.candlesTopic(), Candle.class, Candle::symbol)))
                .uid("candles-kafka").name("candles to Kafka " + settings.candlesTopic());
    }

    @Override
    public void enrichedCandles(DataStream<EnrichedCandle> enriched) {
        history.enrichedCandles(enriched);
        enriched.sinkTo(sink(enriched, "enriched",
                        new JsonRecordSerializer<>(settings.enrichedTopic(), EnrichedCandle.class, e -> e.ohlcv().symbol())))
                .uid("enriched-candles-kafka").name("enriched candles to Kafka " + settings.enrichedTopic());
    }

    @Override
    public void chartPatterns(DataStream<ChartPatternEvent> patterns) {
        history.chartPatterns(patterns);
    }

    @Override
    public void lateTrades(DataStream<Trade> lateTrades) {
        history.lateTrades(lateTrades);
    }

    @Override
    public void corrections(DataStream<CorrectionOutcome> corrections) {
        history.corrections(corrections);
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        history.deadLetters(deadLetters);
    }

    @Override
    public void quotes(DataStream<Quote> quotes) {
        history.quotes(quotes);
        quotes.sinkTo(sink(quotes, "quotes", new JsonRecordSerializer<>(settings.quotesTopic(), Quote.class, Quote::symbol)))
                .uid("quotes-kafka").name("quotes to Kafka " + settings.quotesTopic());
    }

    @Override
    public void providerBars(DataStream<ProviderBar> bars) {
        history.providerBars(bars);
    }

    @Override
    public void tradingStatuses(DataStream<TradingStatus> statuses) {
        history.tradingStatuses(statuses);
    }

    @Override
    public void feedStatus(DataStream<FeedStatus> reports) {
        history.feedStatus(reports);
    }

    private <T> KafkaSink<T> sink(DataStream<T> stream, String what, KafkaRecordSerializationSchema<T> serializer) {
        DeliveryGuarantee guarantee = settings.guarantee(stream.getExecutionEnvironment().getCheckpointConfig().isCheckpointingEnabled());
        return KafkaSink.<T>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(guarantee)
                // each sink needs its own prefix: two sinks sharing one would fence each other's producers
                .setTransactionalIdPrefix(settings.transactionalIdPrefix() + "-" + what)
                .setKafkaProducerConfig(settings.producerProperties())
                .build();
    }
}
