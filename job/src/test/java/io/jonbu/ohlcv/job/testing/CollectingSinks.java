package io.jonbu.ohlcv.job.testing;

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
import org.apache.flink.streaming.api.datastream.DataStream;

/** All outputs of the candle job, collected in memory; a test extends it to wire a changed job version. */
public class CollectingSinks implements CandleSinks {
    public final CollectingSink<Candle> candles = new CollectingSink<>();
    public final CollectingSink<EnrichedCandle> enriched = new CollectingSink<>();
    public final CollectingSink<ChartPatternEvent> chartPatterns = new CollectingSink<>();
    public final CollectingSink<Trade> lateTrades = new CollectingSink<>();
    public final CollectingSink<CorrectionOutcome> corrections = new CollectingSink<>();
    public final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    public final CollectingSink<Quote> quotes = new CollectingSink<>();
    public final CollectingSink<ProviderBar> providerBars = new CollectingSink<>();
    public final CollectingSink<TradingStatus> statuses = new CollectingSink<>();
    public final CollectingSink<FeedStatus> feedStatus = new CollectingSink<>();
    private final boolean keepsEnrichment;

    public CollectingSinks() {
        this(true);
    }

    /** @param keepsEnrichment false for sinks that keep neither enriched candles nor chart patterns */
    public CollectingSinks(boolean keepsEnrichment) {
        this.keepsEnrichment = keepsEnrichment;
    }

    @Override
    public boolean keepsEnrichedCandles() {
        return keepsEnrichment;
    }

    @Override
    public boolean keepsChartPatterns() {
        return keepsEnrichment;
    }

    @Override
    public void candles(DataStream<Candle> stream) {
        stream.sinkTo(candles).uid("test-candles");
    }

    @Override
    public void enrichedCandles(DataStream<EnrichedCandle> stream) {
        stream.sinkTo(enriched).uid("test-enriched");
    }

    @Override
    public void chartPatterns(DataStream<ChartPatternEvent> stream) {
        stream.sinkTo(chartPatterns).uid("test-chart-patterns");
    }

    @Override
    public void lateTrades(DataStream<Trade> stream) {
        stream.sinkTo(lateTrades).uid("test-late-trades");
    }

    @Override
    public void corrections(DataStream<CorrectionOutcome> stream) {
        stream.sinkTo(corrections).uid("test-corrections");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> stream) {
        stream.sinkTo(deadLetters).uid("test-dead-letters");
    }

    @Override
    public void quotes(DataStream<Quote> stream) {
        stream.sinkTo(quotes).uid("test-quotes");
    }

    @Override
    public void providerBars(DataStream<ProviderBar> stream) {
        stream.sinkTo(providerBars).uid("test-provider-bars");
    }

    @Override
    public void tradingStatuses(DataStream<TradingStatus> stream) {
        stream.sinkTo(statuses).uid("test-trading-statuses");
    }

    @Override
    public void feedStatus(DataStream<FeedStatus> stream) {
        stream.sinkTo(feedStatus).uid("test-feed-status");
    }
}
