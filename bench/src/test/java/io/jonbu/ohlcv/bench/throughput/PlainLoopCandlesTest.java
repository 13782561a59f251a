package io.jonbu.ohlcv.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.bench.tape.TradeTape;
import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain loop is the benchmarks' exact reference for the jobs' candles, so it must equal the oracle. */
class PlainLoopCandlesTest {
    @ParameterizedTest
    @ValueSource(ints = {3, 300})
    void candlesOfTheBenchmarkTapeEqualTheOracle(int symbols) {
        // eight hours across New York midnight, a trade every 0.48 s, each up to 1 s out of order; 3 symbols: many
        // trades per candle, often out of order; 300: a few per candle, with quiet gaps a late trade can fall into
        try (TradeTape tape = TradeTape.generate(symbols, 60_000, Duration.ofHours(8))) {
            List<Candle> loop = new ArrayList<>();
            PlainLoopCandles.run(tape.trades(), loop::add);
            List<Candle> oracle = CandleOracle.candles(tape.trades(), List.of(Timeframe.values()));

            assertThat(oracle).as("two New York days per symbol").filteredOn(c -> c.timeframe() == Timeframe.D1).hasSize(2 * symbols);
            assertThat(CandleDiff.of(loop, oracle)).isEqualTo(new CandleDiff(oracle.size(), 0, 0, 0));
        }
    }
}
