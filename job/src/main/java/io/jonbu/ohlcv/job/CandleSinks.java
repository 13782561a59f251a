package io.jonbu.ohlcv.job;

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
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where the job's outputs go. Production wires PostgreSQL, replay a CSV file, tests a
 * collecting sink; each implementation names its sinks and gives them stable uids.
 */
public interface CandleSinks {
    /** Final candles, and revisions of them when late trades, corrections or cancels change them. */
    void candles(DataStream<Candle> candles);

    /** Final candles with their indicators and patterns, each once, when it can no longer change. */
    void enrichedCandles(DataStream<EnrichedCandle> enriched);

    /** Chart patterns found in the enriched candles, each once per the candle that completed it. */
    void chartPatterns(DataStream<ChartPatternEvent> patterns);

    /**
     * Whether {@link #enrichedCandles} keeps them. Operators whose output no sink keeps still run in
     * Flink, and indicators and chart patterns cost more than the candles: sinks that drop them say so,
     * and the job does not build them.
     */
    default boolean keepsEnrichedCandles() {
        return true;
    }

    /** Whether {@link #chartPatterns} keeps them; see {@link #keepsEnrichedCandles}. */
    default boolean keepsChartPatterns() {
        return true;
    }

    /** Trades that arrived after their candle closed and the allowed lateness passed. */
    void lateTrades(DataStream<Trade> lateTrades);

    /** Every trade correction and cancel, and whether it was applied to the candles (and if not, why). */
    void corrections(DataStream<CorrectionOutcome> corrections);

    /** Feed messages that could not be parsed. */
    void deadLetters(DataStream<DeadLetter> deadLetters);

    /** The feed's quotes, when subscribed: many more than trades. */
    void quotes(DataStream<Quote> quotes);

    /** The provider's minute, updated and daily bars, when subscribed. */
    void providerBars(DataStream<ProviderBar> bars);

    /** Trading status changes (halts, resumptions), when subscribed. */
    void tradingStatuses(DataStream<TradingStatus> statuses);

    /** The live source's reports on its connections and its REST circuit, for the health check. */
    void feedStatus(DataStream<FeedStatus> reports);
}
