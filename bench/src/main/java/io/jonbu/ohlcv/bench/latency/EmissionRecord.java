package io.jonbu.ohlcv.bench.latency;

import io.jonbu.ohlcv.model.Timeframe;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import io.jonbu.ohlcv.source.simulator.TradeGenerator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a wall-clock simulator emitted, rebuilt after the run: its trades are those of its seeded
 * {@link TradeGenerator}, trade k stamped {@code origin + k * stepNanos}, the wall-clock time it fell due
 * (and was sent at the next 5 ms tick). Per symbol and minute, the trades in order, with their running
 * volume: the {@code n}-th trade of a 1m candle whose {@code trade_count} is {@code n} is the newest it
 * contains, and the running volume there must equal the candle's, which checks the match.
 */
final class EmissionRecord {
    /** One symbol's trades in one minute, in emission order (which is time order: no trade is out of order). */
    private static final class Minute {
        long[] stamps = new long[64];
        long[] volumes = new long[64];
        int size;

        void add(long stamp, long tradeSize) {
            if (size == stamps.length) {
                stamps = Arrays.copyOf(stamps, size * 2);
                volumes = Arrays.copyOf(volumes, size * 2);
            }
            volumes[size] = (size == 0 ? 0 : volumes[size - 1]) + tradeSize;
            stamps[size++] = stamp;
        }
    }

    private record Slot(String symbol, long minute) {}

    private final Map<Slot, Minute> minutes = new HashMap<>();

    /**
     * @param origin  the stamp of trade 0 ({@code AlpacaSimulator#origin})
     * @param emitted how many trades the simulator emitted
     */
    EmissionRecord(SimulatorConfig config, long origin, long emitted) {
        if (config.outOfOrderShare() > 0) {
            throw new IllegalArgumentException("out-of-order trades would break the time order of a minute's trades");
        }
        TradeGenerator generator = TradeGenerator.from(config);
        long step = config.stepNanos();
        for (long k = 0; k < emitted; k++) {
            Trade t = generator.next(origin + k * step);
            minutes.computeIfAbsent(new Slot(t.symbol(), Timeframe.M1.start(t.timestamp())), s -> new Minute()).add(t.timestamp(), t.size());
        }
    }

    /**
     * The stamp of the newest trade in a 1m candle of {@code symbol} starting at {@code start}, with
     * {@code tradeCount} trades and {@code volume}; -1 when no emitted prefix of that minute has both.
     */
    long newestTrade(String symbol, long start, long tradeCount, long volume) {
        Minute m = minutes.get(new Slot(symbol, start));
        if (m == null || tradeCount < 1 || tradeCount > m.size || m.volumes[(int) tradeCount - 1] != volume) {
            return -1;
        }
        return m.stamps[(int) tradeCount - 1];
    }

    /** Per-update latency in milliseconds, from the newest trade an update contains to its receipt; unmatched ones counted. */
    record Latencies(double[] millis, int unmatched) {}

    Latencies of(List<CandleUpdates.Update> updates) {
        double[] millis = new double[updates.size()];
        int n = 0;
        int unmatched = 0;
        for (CandleUpdates.Update u : updates) {
            long stamp = newestTrade(u.symbol(), u.start(), u.tradeCount(), u.volume());
            if (stamp < 0) {
                unmatched++;
            } else {
                millis[n++] = (u.receivedAt() - stamp) / 1e6;
            }
        }
        return new Latencies(Arrays.copyOf(millis, n), unmatched);
    }
}
