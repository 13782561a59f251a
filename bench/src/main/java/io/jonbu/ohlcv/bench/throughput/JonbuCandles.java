package io.jonbu.ohlcv.bench.throughput;

import io.jonbu.ohlcv.bench.run.DiscardingSinks;
import io.jonbu.ohlcv.bench.run.LocalFlink;
import io.jonbu.ohlcv.bench.tape.TradeTape;
import io.jonbu.ohlcv.job.CandleJob;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.job.feed.FeedSplitter;
import io.jonbu.ohlcv.job.testing.CollectingSinks;
import io.jonbu.ohlcv.model.Candle;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The real candle job ({@link CandleJob}) over a tape on the shared cluster. */
final class JonbuCandles {
    private JonbuCandles() {}

    /** One timed run, every output discarded. */
    static double tradesPerSecond(LocalFlink flink, TradeTape tape, CandleJobConfig config) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.environment();
        new CandleJob(tape.feed(), new DiscardingSinks(), config).addTo(env);
        LocalFlink.Run run = flink.run(env);
        long trades = run.result().<Long>getAccumulatorResult(FeedSplitter.TRADES_ACCUMULATOR);
        if (trades != tape.trades().size()) {
            throw new IllegalStateException("the job read " + trades + " of " + tape.trades().size() + " trades");
        }
        return trades / run.seconds();
    }

    /** An untimed run that keeps the candles, to compare with the oracle. */
    static List<Candle> candles(LocalFlink flink, TradeTape tape, CandleJobConfig config) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.environment();
        CollectingSinks sinks = new CollectingSinks();
        new CandleJob(tape.feed(), sinks, config).addTo(env);
        flink.run(env);
        return sinks.candles.received();
    }
}
