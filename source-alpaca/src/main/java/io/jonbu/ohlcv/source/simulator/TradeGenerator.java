package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic, plausible trades: one pseudo-random stream per seed, so a test can recompute exactly
 * what the simulator sent by calling {@link #next(long)} with the same base timestamps.
 *
 * <p>Each symbol's price is a random walk in whole cents starting near its real level; sizes are
 * mostly round lots, odd lots carry the {@code I} condition as on the consolidated tape; ids rise per
 * symbol. Every random draw happens in the same order whatever the outcome, so the sequence depends on
 * the seed and the symbol list only.
 */
public final class TradeGenerator {
    /** Start price in cents and tape (A = NYSE-listed, B = NYSE Arca and regional, C = Nasdaq-listed). */
    private record Listing(long startCents, String tape) {}

    private static final Map<String, Listing> LISTINGS = Map.ofEntries(
            Map.entry("AAPL", new Listing(187_40, "C")),
            Map.entry("MSFT", new Listing(409_10, "C")),
            Map.entry("NVDA", new Listing(875_25, "C")),
            Map.entry("AMZN", new Listing(175_35, "C")),
            Map.entry("GOOGL", new Listing(138_90, "C")),
            Map.entry("TSLA", new Listing(175_20, "C")),
            Map.entry("SPY", new Listing(510_70, "B")),
            Map.entry("QQQ", new Listing(440_15, "C")),
            Map.entry("IBM", new Listing(191_20, "A")),
            Map.entry("JPM", new Listing(194_60, "A")),
            Map.entry("KO", new Listing(60_10, "A")));

    /** Exchange codes, repeated by rough share of prints: FINRA TRF (D) first, then Nasdaq, IEX, Cboe, Arca. */
    private static final String[] EXCHANGES = {"D", "D", "D", "Q", "Q", "V", "K", "Z", "P", "N", "Y", "J", "X", "U"};
    private static final long[] ROUND_LOTS = {100, 100, 100, 100, 200, 200, 300, 400, 500, 1_000};
    private static final double ODD_LOT_SHARE = 0.15;
    private static final String[] REGULAR = {"@"};
    private static final String[] ODD_LOT = {"@", "I"};

    private final SplittableRandom random;
    private final List<String> symbols;
    private final double outOfOrderShare;
    private final long maxDelayNanos;
    private final long[] priceCents;
    private final long[] nextId;
    private final String[] tapes;

    /** The simulator's default out-of-order share and delay. */
    public TradeGenerator(long seed, List<String> symbols) {
        this(seed, symbols, SimulatorConfig.DEFAULT_OUT_OF_ORDER_SHARE, SimulatorConfig.DEFAULT_MAX_DELAY_MILLIS * 1_000_000L);
    }

    public TradeGenerator(long seed, List<String> symbols, double outOfOrderShare, long maxDelayNanos) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty");
        }
        if (outOfOrderShare > 0 && maxDelayNanos <= 0) {
            throw new IllegalArgumentException("maxDelayNanos must be positive when outOfOrderShare > 0");
        }
        this.random = new SplittableRandom(seed);
        this.symbols = List.copyOf(symbols);
        this.outOfOrderShare = outOfOrderShare;
        this.maxDelayNanos = maxDelayNanos;
        int n = this.symbols.size();
        this.priceCents = new long[n];
        this.nextId = new long[n];
        this.tapes = new String[n];
        for (int i = 0; i < n; i++) {
            Listing listing = listing(this.symbols.get(i));
            priceCents[i] = listing.startCents();
            tapes[i] = listing.tape();
            // ids look like Alpaca's (large, distinct ranges per symbol) without colliding between symbols
            nextId[i] = 52_983_525_000_000L + i * 1_000_000_000L;
        }
    }

    /** The generator the simulator with this configuration uses. */
    public static TradeGenerator from(SimulatorConfig config) {
        return new TradeGenerator(config.seed(), config.symbols(), config.outOfOrderShare(),
                config.maxDelayMillis() * 1_000_000L);
    }

    /**
     * The first {@code count} trades a simulator on virtual time with this configuration emits, in
     * emission order: what a client of it should receive, for tests and for checking a recording.
     */
    public static List<Trade> emitted(SimulatorConfig config, int count) {
        if (config.virtualStart() == null) {
            throw new IllegalArgumentException("only a simulator on virtual time emits trades known in advance");
        }
        TradeGenerator generator = from(config);
        List<Trade> trades = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            trades.add(generator.next(config.virtualStart() + k * config.stepNanos()));
        }
        return trades;
    }

    /**
     * The next trade, stamped {@code baseTimestampNanos} or, for an out-of-order trade, up to the
     * maximum delay earlier.
     */
    public Trade next(long baseTimestampNanos) {
        int s = random.nextInt(symbols.size());
        long price = walk(s);
        boolean oddLot = random.nextDouble() < ODD_LOT_SHARE;
        long oddSize = 1 + random.nextInt(99);
        long roundSize = ROUND_LOTS[random.nextInt(ROUND_LOTS.length)];
        String exchange = EXCHANGES[random.nextInt(EXCHANGES.length)];
        boolean late = random.nextDouble() < outOfOrderShare;
        long delay = maxDelayNanos > 0 ? 1 + random.nextLong(maxDelayNanos) : 0;
        long id = nextId[s];
        nextId[s] += 1 + random.nextInt(8);
        return new Trade(symbols.get(s), late ? baseTimestampNanos - delay : baseTimestampNanos, price / 100.0,
                oddLot ? oddSize : roundSize, exchange, id, (oddLot ? ODD_LOT : REGULAR).clone(), tapes[s]);
    }

    /** Moves the symbol's price by a few basis points at most, never below one cent. */
    private long walk(int s) {
        long maxTick = Math.max(1, priceCents[s] / 4_000);
        long moved = priceCents[s] + random.nextLong(-maxTick, maxTick + 1);
        priceCents[s] = Math.max(1, moved);
        return priceCents[s];
    }

    /** Unknown symbols get a price between $10 and $500 fixed by their name, and the Nasdaq tape. */
    private static Listing listing(String symbol) {
        Listing known = LISTINGS.get(symbol);
        return known != null ? known : new Listing(10_00 + Math.floorMod(symbol.hashCode(), 490_00), "C");
    }
}
