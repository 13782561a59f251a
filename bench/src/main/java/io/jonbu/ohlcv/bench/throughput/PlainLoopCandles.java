package io.jonbu.ohlcv.bench.throughput;

import io.jonbu.ohlcv.bench.tape.TradeTape;
import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The practical limit: one thread, no Flink, no event-time machinery, the same trades in the same
 * order, and a hash map per timeframe from symbol to its forming candle. Exact on the benchmark's
 * trades: they arrive at most 1 s out of order, less than the shortest candle, so a symbol needs only
 * its forming candle and the one before it, which is final once a later one begins. Every trade of
 * the tape is a regular sale, so, unlike the job, the loop looks up no sale conditions.
 */
final class PlainLoopCandles {
    private PlainLoopCandles() {}

    /** One timed run over the tape, candles counted and dropped. */
    static double tradesPerSecond(TradeTape tape) {
        long[] candles = {0};
        long started = System.nanoTime();
        run(tape.trades(), c -> candles[0]++);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (candles[0] == 0) {
            throw new IllegalStateException("the loop made no candles");
        }
        return tape.trades().size() / seconds;
    }

    /** Candles of every timeframe to {@code out}, each once, when final or when the trades end. */
    static void run(List<Trade> trades, Consumer<Candle> out) {
        Timeframe[] frames = Timeframe.values();
        List<Map<String, Forming>> bySymbol = new ArrayList<>();
        for (Timeframe ignored : frames) {
            bySymbol.add(new HashMap<>());
        }
        for (Trade t : trades) {
            for (int f = 0; f < frames.length; f++) {
                Timeframe tf = frames[f];
                bySymbol.get(f).computeIfAbsent(t.symbol(), s -> new Forming(s, tf)).add(t, out);
            }
        }
        bySymbol.forEach(symbols -> symbols.values().forEach(forming -> forming.flush(out)));
    }

    /** A symbol's forming candle of one timeframe and the one before it. */
    private static final class Forming {
        private final String symbol;
        private final Timeframe tf;
        private Bar current;
        private Bar previous;

        Forming(String symbol, Timeframe tf) {
            this.symbol = symbol;
            this.tf = tf;
        }

        void add(Trade t, Consumer<Candle> out) {
            long start = tf.start(t.timestamp());
            if (current == null || start > current.start) {
                emitPrevious(out);
                previous = current;
                current = new Bar(start);
                current.add(t);
            } else if (start == current.start) {
                current.add(t);
            } else if (previous != null && start == previous.start) {
                previous.add(t);
            } else if (previous == null || start > previous.start) {
                // late, into a quiet gap between the two: the older one can no longer change
                emitPrevious(out);
                previous = new Bar(start);
                previous.add(t);
            } else {
                throw new IllegalStateException("a trade more than a candle out of order: " + t);
            }
        }

        private void emitPrevious(Consumer<Candle> out) {
            if (previous != null) {
                out.accept(previous.candle(symbol, tf));
            }
        }

        void flush(Consumer<Candle> out) {
            emitPrevious(out);
            out.accept(current.candle(symbol, tf));
        }
    }

    /** One candle's running open (earliest trade by time, then id), high, low, close (latest), sums. */
    private static final class Bar {
        final long start;
        double open;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double close;
        long openTime = Long.MAX_VALUE;
        long openId;
        long closeTime = Long.MIN_VALUE;
        long closeId;
        long volume;
        long count;
        double notional;

        Bar(long start) {
            this.start = start;
        }

        void add(Trade t) {
            long ts = t.timestamp();
            if (ts < openTime || ts == openTime && t.id() < openId) {
                open = t.price();
                openTime = ts;
                openId = t.id();
            }
            if (ts > closeTime || ts == closeTime && t.id() > closeId) {
                close = t.price();
                closeTime = ts;
                closeId = t.id();
            }
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            volume += t.size();
            count++;
            notional += t.price() * t.size();
        }

        Candle candle(String symbol, Timeframe tf) {
            return new Candle(symbol, tf, start, tf.end(start), open, high, low, close, volume, count, notional / volume, true, 0);
        }
    }
}
