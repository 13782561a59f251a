package io.jonbu.ohlcv.job.testing;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A feed of trades with seeded random corrections and cancels among them, as the lines of a
 * recorded file and as the events they decode to: each revision names a trade (or an earlier
 * correction of it) from one of the last few frames, as a real correction follows its trade within
 * seconds, and each trade is revised at most once per frame, so feed order decides.
 */
public final class RandomTape {
    /** How many frames back a revision may reach. */
    private static final int REACH = 3;

    private RandomTape() {}

    public record Feed(List<String> lines, List<FeedEvent> events) {}

    /**
     * @param batch        trades per frame
     * @param revisionRate chance that a frame is followed by a correction or cancel
     */
    public static Feed of(long seed, List<Trade> trades, int batch, double revisionRate) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<FeedEvent> events = new ArrayList<>();
        Map<Integer, Trade> current = new HashMap<>();
        Map<Integer, Integer> revisedInFrame = new HashMap<>();
        long nextId = 1_000_000_000L;
        for (int from = 0, frame = 0; from < trades.size(); from += batch, frame++) {
            List<Trade> frameTrades = trades.subList(from, Math.min(trades.size(), from + batch));
            lines.add(AlpacaMessageWriter.trades(frameTrades));
            for (int i = 0; i < frameTrades.size(); i++) {
                current.put(from + i, frameTrades.get(i));
                events.add(FeedEvent.of(frameTrades.get(i)));
            }
            if (random.nextDouble() >= revisionRate) {
                continue;
            }
            int lowest = Math.max(0, from - REACH * batch);
            int target = lowest + random.nextInt(from + frameTrades.size() - lowest);
            Trade t = current.get(target);
            if (t == null || revisedInFrame.getOrDefault(target, -1) >= frame - 1) {
                continue;
            }
            revisedInFrame.put(target, frame);
            double choice = random.nextDouble();
            if (choice < 0.4) {
                TradeCancel cancel = TapeRevisions.cancel(t);
                if (choice < 0.05) {
                    cancel = new TradeCancel(t.symbol(), t.timestamp(), t.exchange(), t.tape(), t.id(), t.price(), t.size(), TradeCancel.ERROR);
                }
                current.remove(target);
                lines.add(TapeRevisions.message(cancel));
                events.add(FeedEvent.of(cancel));
            } else {
                TradeCorrection correction = choice < 0.7
                        ? TapeRevisions.correction(t, Math.round((t.price() + random.nextGaussian() * 0.5) * 100) / 100.0 + 0.01,
                                1 + random.nextInt(500), nextId++, t.conditions())
                        : TapeRevisions.correction(t, t.price(), t.size(), nextId++, t.conditions().length == 1 ? new String[] {"@", "I"} : new String[] {"@"});
                current.put(target, correction.corrected());
                lines.add(TapeRevisions.message(correction));
                events.add(FeedEvent.of(correction));
            }
        }
        return new Feed(lines, events);
    }
}
