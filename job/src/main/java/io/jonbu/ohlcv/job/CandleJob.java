package io.jonbu.ohlcv.job;

import io.jonbu.ohlcv.job.candle.CandleAggregator;
import io.jonbu.ohlcv.job.enrich.EnrichmentFunction;
import io.jonbu.ohlcv.job.feed.FeedParser;
import io.jonbu.ohlcv.job.feed.TradeWatermarks;
import io.jonbu.ohlcv.job.pattern.chart.ChartPatterns;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The candle pipeline: raw Alpaca messages, parsed once into trades, stamped with event time, keyed
 * by symbol and aggregated into candles of every timeframe by one operator; then, keyed by symbol and
 * timeframe, each final candle enriched with indicators and candlestick patterns, and the enriched
 * series searched for chart patterns.
 *
 * <pre>
 *   feed -> parse --(dead letters)--> sinks
 *             |
 *        watermarks -> keyBy(symbol) -> candles --(late trades)--> sinks
 *                                          |
 *                                        sinks, and keyBy(symbol, timeframe) -> enrichment -> sinks
 *                                                                                   |
 *                                                                           chart patterns -> sinks
 * </pre>
 *
 * The source and the sinks come from outside, so the same pipeline runs on a live feed into
 * PostgreSQL, on a file into CSV (batch mode), and in tests. Every operator has a stable uid so
 * savepoints survive upgrades.
 */
public final class CandleJob {
    private final Source<String, ?, ?> feed;
    private final String feedName;
    private final CandleSinks sinks;
    private final CandleJobConfig config;

    public CandleJob(Source<String, ?, ?> feed, String feedName, CandleSinks sinks, CandleJobConfig config) {
        this.feed = feed;
        this.feedName = feedName;
        this.sinks = sinks;
        this.config = config;
    }

    /** Adds the pipeline to {@code env}, and forbids Kryo there: every type must have a real serializer. */
    public void addTo(StreamExecutionEnvironment env) {
        Configuration strict = new Configuration();
        strict.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(strict);

        SingleOutputStreamOperator<Trade> trades = env
                .fromSource(feed, WatermarkStrategy.noWatermarks(), feedName)
                .uid("feed-source")
                .process(new FeedParser(feedName))
                .uid("feed-parser")
                .name("parse Alpaca messages");

        SingleOutputStreamOperator<Candle> candles = trades
                .assignTimestampsAndWatermarks(new TradeWatermarks(config.outOfOrderness(), config.idleTimeout()))
                .uid("trade-watermarks")
                .name("event time")
                .keyBy(Trade::symbol)
                .process(new CandleAggregator(config.timeframes(), config.allowedLateness()))
                .uid("candle-aggregator")
                .name("candles " + config.timeframes());

        SingleOutputStreamOperator<EnrichedCandle> enriched = candles
                .keyBy(EnrichmentFunction.BY_SERIES)
                .process(new EnrichmentFunction(config.allowedLateness()))
                .uid("enrichment")
                .name("indicators and patterns");

        sinks.candles(candles);
        sinks.enrichedCandles(enriched);
        sinks.chartPatterns(ChartPatterns.defaults().detect(enriched));
        sinks.lateTrades(candles.getSideOutput(CandleAggregator.LATE_TRADES));
        sinks.deadLetters(trades.getSideOutput(FeedParser.DEAD_LETTERS));
    }
}
