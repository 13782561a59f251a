package io.jonbu.ohlcv.job.testing;

import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random-walk trades, shuffled within a bound, written as Alpaca stream frames. */
public final class RandomTrades {
    private RandomTrades() {}

    /**
     * @param spacingNanos mean time between trades
     * @param jitterNanos  how far a trade may be displaced from its place in the stream (out of order)
     */
    public static List<Trade> generate(long seed, int count, List<String> symbols, long startNanos, long spacingNanos, long jitterNanos) {
        Random random = new Random(seed);
        double[] prices = new double[symbols.size()];
        java.util.Arrays.fill(prices, 100);
        List<Trade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int s = random.nextInt(symbols.size());
            prices[s] = Math.max(0.01, Math.round((prices[s] + random.nextGaussian() * 0.05) * 100) / 100.0);
            long t = startNanos + i * spacingNanos - (long) (random.nextDouble() * jitterNanos);
            trades.add(new Trade(symbols.get(s), t, prices[s], 1 + random.nextInt(500), "V", i, new String[] {"@"}, "C"));
        }
        return trades;
    }

    /** Writes the trades as frames of up to {@code batch} messages, one JSON array per line. */
    public static void writeFrames(Path file, List<Trade> trades, int batch, List<String> extraLines) throws IOException {
        List<String> lines = frames(trades, batch);
        lines.addAll(lines.size() / 2, extraLines);
        Files.write(file, lines);
    }

    /** The trades as frames of up to {@code batch} messages, one JSON array per line, in order. */
    public static List<String> frames(List<Trade> trades, int batch) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < trades.size(); i += batch) {
            lines.add(AlpacaMessageWriter.trades(trades.subList(i, Math.min(trades.size(), i + batch))));
        }
        return lines;
    }
}
