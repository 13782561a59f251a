package io.jonbu.ohlcv.bench.tape;

import io.jonbu.ohlcv.job.feed.LiveFeed;
import io.jonbu.ohlcv.job.feed.TradeFeed;
import io.jonbu.ohlcv.job.testing.RandomTrades;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The benchmarks' input: seeded random-walk trades, built in memory before any clock starts, so no
 * run measures their generation or parsing. Four days from Friday 2024-03-08 00:00 UTC: the candles
 * cross New York midnights and the spring DST change (a 23-hour daily candle), and each trade is
 * displaced up to 1 s from its place in the stream, as a real feed's are. Every contender reads the
 * same trades: the Flink jobs through {@link #feed}, the plain loop through {@link #trades}.
 */
public final class TradeTape implements AutoCloseable {
    private static final long SEED = 20_240_308L;
    private static final long START = EpochNanos.parse("2024-03-08T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(4);
    private static final long DISORDER = Duration.ofSeconds(1).toNanos();

    private final int symbols;
    private final List<Trade> trades;
    private final String key;

    private TradeTape(int symbols, List<Trade> trades) {
        this.symbols = symbols;
        this.trades = trades;
        this.key = ArrayTradeSource.register(trades.stream().map(FeedEvent::of).toArray(FeedEvent[]::new));
    }

    /** {@code count} trades spread evenly over four days and {@code symbols} symbols (S0000, S0001, ...). */
    public static TradeTape generate(int symbols, int count) {
        return generate(symbols, count, SPAN);
    }

    /** As {@link #generate(int, int)}, over {@code span} instead of four days (denser: more trades out of order per symbol). */
    public static TradeTape generate(int symbols, int count, Duration span) {
        List<String> names = IntStream.range(0, symbols).mapToObj(i -> String.format(Locale.ROOT, "S%04d", i)).toList();
        return new TradeTape(symbols, RandomTrades.generate(SEED + symbols, count, names, START, span.toNanos() / count, DISORDER));
    }

    public int symbols() {
        return symbols;
    }

    public List<Trade> trades() {
        return trades;
    }

    /** The x label of a figure's point, e.g. {@code 5,000 symbols}. */
    public String label() {
        return String.format(Locale.ROOT, "%,d symbols", symbols);
    }

    /** The trades as a job's feed, read by two source readers, one stripe of the array each. */
    public TradeFeed feed() {
        return new LiveFeed(new ArrayTradeSource(key, 2, false), "in-memory trades", 2);
    }

    /** As {@link #feed}, but the readers stay open after the last trade, so the job keeps its state until cancelled. */
    public TradeFeed endlessFeed() {
        return new LiveFeed(new ArrayTradeSource(key, 2, true), "in-memory trades, then silence", 2);
    }

    /** How many trades the readers of this tape have emitted so far, over all runs. */
    public long emitted() {
        return ArrayTradeSource.emitted(key);
    }

    @Override
    public void close() {
        ArrayTradeSource.unregister(key);
    }
}
