package io.jonbu.ohlcv.job;

import io.jonbu.ohlcv.job.candle.CandleAggregator;
import io.jonbu.ohlcv.job.enrich.EnrichmentFunction;
import io.jonbu.ohlcv.job.feed.FeedEventTypeInfo;
import io.jonbu.ohlcv.job.feed.FeedSplitter;
import io.jonbu.ohlcv.job.feed.TradeFeed;
import io.jonbu.ohlcv.job.feed.TradeWatermarks;
import io.jonbu.ohlcv.job.pattern.chart.ChartPatterns;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The candle pipeline: Alpaca messages decoded once into trades, corrections and cancels stamped
 * with event time, keyed by symbol and aggregated into candles of every timeframe by one operator
 * (corrections and cancels revising them); then, keyed by symbol and
 * timeframe, each final candle enriched with indicators and candlestick patterns, and the enriched
 * series searched for chart patterns (unless the config turns enrichment off: candles only).
 *
 * <pre>
 *   feed (decoded, event time) -> split --(dead letters, quotes, provider bars, statuses)--> sinks
 *                                   |
 *                             keyBy(symbol) -> candles --(late trades, corrections)--> sinks
 *                                                |
 *                                              sinks, and keyBy(symbol, timeframe) -> enrichment -> sinks
 *                                                                                         |
 *                                                                                 chart patterns -> sinks
 * </pre>
 *
 * The feed and the sinks come from outside, so the same pipeline runs on a live feed into
 * PostgreSQL, on a file into CSV (batch mode), and in tests. Every operator has a stable uid so
 * savepoints survive upgrades.
 */
public final class CandleJob {
    private final TradeFeed feed;
    private final CandleSinks sinks;
    private final CandleJobConfig config;

    public CandleJob(TradeFeed feed, CandleSinks sinks, CandleJobConfig config) {
        this.feed = feed;
        this.sinks = sinks;
        this.config = config;
    }

    /** Adds the pipeline to {@code env}, and forbids Kryo there: every type must have a real serializer. */
    public void addTo(StreamExecutionEnvironment env) {
        Configuration strict = new Configuration();
        strict.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(strict);

        DataStream<FeedEvent> events = feed.open(env, new TradeWatermarks(config.outOfOrderness(), config.idleTimeout()));
        // at the feed's own parallelism, so the splitter chains to it: a rebalance here could let a
        // correction overtake the trade it corrects on the way to the candle operator
        SingleOutputStreamOperator<FeedEvent> tape = events
                .process(new FeedSplitter(), FeedEventTypeInfo.INSTANCE)
                .setParallelism(events.getParallelism())
                .uid("feed-splitter")
                .name("trades, corrections, other channels and dead letters");

        SingleOutputStreamOperator<Candle> candles = tape
                .keyBy(FeedEvent::symbol)
                .process(new CandleAggregator(config.timeframes(), config.allowedLateness(), config.correctionHorizon(),
                        config.saleConditions(), config.dailySession(), config.partialUpdates()))
                .uid("candle-aggregator")
                .name("candles " + config.timeframes());

        sinks.candles(candles);
        if (config.enrichment() && (sinks.keepsEnrichedCandles() || sinks.keepsChartPatterns())) {
            // indicators move once per candle: a partial update is a view of a candle not yet closed
            SingleOutputStreamOperator<EnrichedCandle> enriched = candles
                    .filter(Candle::isFinal)
                    .uid("final-candles")
                    .name("final candles")
                    .keyBy(EnrichmentFunction.BY_SERIES)
                    .process(new EnrichmentFunction(config.allowedLateness()))
                    .uid("enrichment")
                    .name("indicators and patterns");
            if (sinks.keepsEnrichedCandles()) {
                sinks.enrichedCandles(enriched);
            }
            if (sinks.keepsChartPatterns()) {
                sinks.chartPatterns(ChartPatterns.defaults().detect(enriched));
            }
        }
        sinks.lateTrades(candles.getSideOutput(CandleAggregator.LATE_TRADES));
        sinks.corrections(candles.getSideOutput(CandleAggregator.CORRECTIONS));
        sinks.deadLetters(tape.getSideOutput(FeedSplitter.DEAD_LETTERS));
        sinks.quotes(tape.getSideOutput(FeedSplitter.QUOTES));
        sinks.providerBars(tape.getSideOutput(FeedSplitter.PROVIDER_BARS));
        sinks.tradingStatuses(tape.getSideOutput(FeedSplitter.STATUSES));
        sinks.feedStatus(tape.getSideOutput(FeedSplitter.FEED_STATUS));
    }
}
