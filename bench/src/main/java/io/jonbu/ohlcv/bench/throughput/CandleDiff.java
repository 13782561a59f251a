package io.jonbu.ohlcv.bench.throughput;

import io.jonbu.ohlcv.job.testing.CandleOracle;
import io.jonbu.ohlcv.model.Candle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one contender's candles differ from the exact ones (the rules of the job tests'
 * {@link CandleOracle}: open and close by event time, ties by trade id), matched by symbol,
 * timeframe and start.
 *
 * @param candles    the exact candles
 * @param differing  candles missing, extra, or with any field unequal
 * @param wrongOpens of those, how many have another open
 * @param wrongCloses of those, how many have another close
 */
record CandleDiff(int candles, int differing, int wrongOpens, int wrongCloses) {
    static CandleDiff of(List<Candle> actual, List<Candle> exact) {
        Map<String, Candle> have = new HashMap<>();
        int differing = 0;
        for (Candle c : actual) {
            if (have.put(key(c), c) != null) {
                differing++; // emitted twice
            }
        }
        int opens = 0;
        int closes = 0;
        for (Candle want : exact) {
            Candle c = have.remove(key(want));
            if (c == null || !CandleOracle.sameCandle(c, want)) {
                differing++;
                opens += c != null && c.open() != want.open() ? 1 : 0;
                closes += c != null && c.close() != want.close() ? 1 : 0;
            }
        }
        return new CandleDiff(exact.size(), differing + have.size(), opens, closes);
    }

    private static String key(Candle c) {
        return c.symbol() + ' ' + c.timeframe() + ' ' + c.start();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d of %,d candles differ from the exact ones (%,d opens and %,d closes wrong)",
                differing, candles, wrongOpens, wrongCloses);
    }
}
