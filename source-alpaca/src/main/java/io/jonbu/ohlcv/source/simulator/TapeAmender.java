package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Decides which emitted trades the tape later corrects or cancels, and when: the amendment of trade k
 * is due with trade {@code k + lag}, lag 1 to {@link #MAX_LAG_TRADES}, so it always follows its trade
 * and depends on the seed alone, never on how ticks happened to batch the trades.
 *
 * <p>Draws come from a random stream of their own, so turning amendments on leaves the trades as they
 * were. A correction moves the price by a few cents and may double a round lot, under a new id; a cancel
 * is {@code C} four times in five, else {@code E}. Not thread-safe: the emitter's thread owns it.
 */
final class TapeAmender {
    static final int MAX_LAG_TRADES = 50;
    /** Corrected ids sit far above any generated id, so they never collide with a trade's. */
    static final long CORRECTED_ID_OFFSET = 100_000_000_000_000L;
    /** Mixed into the seed to give the amendments their own stream. */
    private static final long SALT = 0x9E3779B97F4A7C15L;

    private final double correctionShare;
    private final double cancelShare;
    private final SplittableRandom random;
    /** Amendments by the index of the trade they are due with. */
    private final TreeMap<Long, List<FeedEvent>> pending = new TreeMap<>();

    TapeAmender(SimulatorConfig config) {
        this.correctionShare = config.correctionShare();
        this.cancelShare = config.cancelShare();
        this.random = new SplittableRandom(config.seed() ^ SALT);
    }

    /** Trade {@code k} has been emitted: perhaps schedule its correction or cancel. */
    void emitted(long k, Trade trade) {
        if (correctionShare == 0 && cancelShare == 0) {
            return;
        }
        double fate = random.nextDouble();
        long lag = 1 + random.nextInt(MAX_LAG_TRADES);
        long centsMoved = (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
        boolean sizeDoubled = random.nextBoolean();
        boolean error = random.nextInt(5) == 0;
        FeedEvent amendment;
        if (fate < correctionShare) {
            amendment = FeedEvent.of(correction(trade, centsMoved, sizeDoubled));
        } else if (fate < correctionShare + cancelShare) {
            amendment = FeedEvent.of(new TradeCancel(trade.symbol(), trade.timestamp(), trade.exchange(), trade.tape(),
                    trade.id(), trade.price(), trade.size(), error ? TradeCancel.ERROR : TradeCancel.CANCEL));
        } else {
            return;
        }
        pending.computeIfAbsent(k + lag, due -> new ArrayList<>()).add(amendment);
    }

    /**
     * The amendments due now that trades up to index {@code last} have been emitted, in order; with
     * {@code isFinal}, every one still pending, since no trade will come to carry them.
     */
    List<FeedEvent> due(long last, boolean isFinal) {
        Map<Long, List<FeedEvent>> due = isFinal ? pending : pending.headMap(last, true);
        List<FeedEvent> amendments = new ArrayList<>();
        due.values().forEach(amendments::addAll);
        due.clear();
        return amendments;
    }

    private static TradeCorrection correction(Trade trade, long centsMoved, boolean sizeDoubled) {
        long cents = Math.round(trade.price() * 100);
        // never below a cent, and never the same price: a correction that changes nothing is no test
        long corrected = cents + centsMoved >= 1 ? cents + centsMoved : cents + Math.abs(centsMoved);
        return new TradeCorrection(trade.symbol(), trade.timestamp(), trade.exchange(), trade.tape(),
                trade.id(), trade.price(), trade.size(), trade.conditions(),
                trade.id() + CORRECTED_ID_OFFSET, corrected / 100.0, sizeDoubled && trade.size() >= 100 ? 2 * trade.size() : trade.size(),
                trade.conditions().clone());
    }
}
