package io.jonbu.ohlcv.bench.tape;

import io.jonbu.ohlcv.job.feed.LiveFeed;
import io.jonbu.ohlcv.job.feed.TradeFeed;
import io.jonbu.ohlcv.job.testing.RandomTrades;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The benchmarks' input: seeded random-walk trades, built in memory before any clock starts, so no
 * run measures their generation or parsing. Spread evenly over a {@link TapeSpan} (by default four
 * days from Friday 2024-03-08 00:00 UTC): the candles cross New York midnights and the spring DST
 * change (a 23-hour daily candle), and each trade is displaced up to 1 s from its place in the
 * stream, as a real feed's are. Every contender reads the
 * same trades: the Flink jobs through {@link #feed}, the plain loop through {@link #trades}.
 */
public final class TradeTape implements AutoCloseable {
    private static final long SEED = 20_240_308L;
    private static final long DISORDER = Duration.ofSeconds(1).toNanos();

    private final int symbols;
    private final List<Trade> trades;
    private final String key;

    private TradeTape(int symbols, List<Trade> trades) {
        this.symbols = symbols;
        this.trades = trades;
        this.key = ArrayTradeSource.register(trades.stream().map(FeedEvent::of).toArray(FeedEvent[]::new));
    }

    /** {@code count} trades spread evenly over {@link TapeSpan#FOUR_DAYS} and {@code symbols} symbols (S0000, S0001, ...). */
    public static TradeTape generate(int symbols, int count) {
        return generate(symbols, count, TapeSpan.FOUR_DAYS);
    }

    /** As {@link #generate(int, int)}, over {@code length} from the same start instead of four days (denser: more trades out of order per symbol). */
    public static TradeTape generate(int symbols, int count, Duration length) {
        return generate(symbols, count, new TapeSpan(TapeSpan.FOUR_DAYS.start(), length));
    }

    /** {@code count} trades spread evenly over {@code span} and {@code symbols} symbols. */
    public static TradeTape generate(int symbols, int count, TapeSpan span) {
        List<String> names = IntStream.range(0, symbols).mapToObj(i -> String.format(Locale.ROOT, "S%04d", i)).toList();
        return new TradeTape(symbols,
                RandomTrades.generate(SEED + symbols, count, names, span.start(), span.length().toNanos() / count, DISORDER));
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
