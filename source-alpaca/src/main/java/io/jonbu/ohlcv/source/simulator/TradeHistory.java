package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tape as it stands after the trades the simulator has emitted, newest last, up to a fixed count:
 * a corrected trade in its original's place with the corrected values, a cancelled one gone. This is
 * what its REST side serves, as Alpaca's historical trades reflect corrections and cancels, so a
 * client that missed part of the stream can backfill exactly what the tape now holds.
 */
final class TradeHistory {
    /** A trade as the tape first knew it; corrections and cancels name it so. */
    private record Print(String symbol, long id) {}

    private final int capacity;
    private final LinkedHashMap<Print, Trade> trades;

    TradeHistory(int capacity) {
        this.capacity = capacity;
        this.trades = new LinkedHashMap<>(Math.min(capacity, 1 << 16));
    }

    synchronized void addAll(Collection<Trade> batch) {
        for (Trade trade : batch) {
            if (trades.size() == capacity) {
                Iterator<Print> oldest = trades.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            trades.put(new Print(trade.symbol(), trade.id()), trade);
        }
    }

    /** Applies corrections and cancels; those of trades already forgotten change nothing. */
    synchronized void amend(Collection<FeedEvent> amendments) {
        for (FeedEvent e : amendments) {
            if (e.correction() != null) {
                trades.computeIfPresent(new Print(e.correction().symbol(), e.correction().originalId()),
                        (print, original) -> e.correction().corrected());
            } else if (e.cancel() != null) {
                trades.remove(new Print(e.cancel().symbol(), e.cancel().id()));
            }
        }
    }

    /** The kept trades of every symbol stamped within [start, end], in emission order. */
    List<Trade> select(long start, long end) {
        return select(t -> true, start, end);
    }

    /** The kept trades of {@code symbols} stamped within [start, end], in emission order. */
    List<Trade> select(Set<String> symbols, long start, long end) {
        return select(t -> symbols.contains(t.symbol()), start, end);
    }

    private synchronized List<Trade> select(Predicate<Trade> which, long start, long end) {
        List<Trade> selected = new ArrayList<>();
        for (Trade t : trades.values()) {
            if (which.test(t) && t.timestamp() >= start && t.timestamp() <= end) {
                selected.add(t);
            }
        }
        return selected;
    }
}
