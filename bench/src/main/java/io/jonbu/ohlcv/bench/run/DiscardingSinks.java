package io.jonbu.ohlcv.bench.run;

import io.jonbu.ohlcv.job.CandleSinks;
import io.jonbu.ohlcv.job.candle.CorrectionOutcome;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradingStatus;
import io.jonbu.ohlcv.model.enriched.ChartPatternEvent;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** Every output of the candle job dropped as it arrives: the benchmarks measure the job, not a store. */
public final class DiscardingSinks implements CandleSinks {
    private static <T> void discard(DataStream<T> stream, String what) {
        stream.sinkTo(new DiscardingSink<>()).uid("discard-" + what).name("discard " + what);
    }

    @Override
    public void candles(DataStream<Candle> candles) {
        discard(candles, "candles");
    }

    @Override
    public void enrichedCandles(DataStream<EnrichedCandle> enriched) {
        discard(enriched, "enriched-candles");
    }

    @Override
    public void chartPatterns(DataStream<ChartPatternEvent> patterns) {
        discard(patterns, "chart-patterns");
    }

    @Override
    public void lateTrades(DataStream<Trade> lateTrades) {
        discard(lateTrades, "late-trades");
    }

    @Override
    public void corrections(DataStream<CorrectionOutcome> corrections) {
        discard(corrections, "corrections");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        discard(deadLetters, "dead-letters");
    }

    @Override
    public void quotes(DataStream<Quote> quotes) {
        discard(quotes, "quotes");
    }

    @Override
    public void providerBars(DataStream<ProviderBar> bars) {
        discard(bars, "provider-bars");
    }

    @Override
    public void tradingStatuses(DataStream<TradingStatus> statuses) {
        discard(statuses, "trading-statuses");
    }

    @Override
    public void feedStatus(DataStream<FeedStatus> reports) {
        discard(reports, "feed-status");
    }
}
