package io.jonbu.ohlcv.source.simulator;

import io.jonbu.ohlcv.model.Trade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The trades the simulator has emitted, newest last, up to a fixed count: what its REST side serves,
 * so a client that missed part of the stream can backfill exactly what was sent.
 */
final class TradeHistory {
    private final int capacity;
    private final ArrayDeque<Trade> trades;

    TradeHistory(int capacity) {
        this.capacity = capacity;
        this.trades = new ArrayDeque<>(Math.min(capacity, 1 << 16));
    }

    synchronized void addAll(Collection<Trade> batch) {
        for (Trade trade : batch) {
            if (trades.size() == capacity) {
                trades.removeFirst();
            }
            trades.addLast(trade);
        }
    }

    /** The kept trades of {@code symbols} stamped within [start, end], in emission order. */
    synchronized List<Trade> select(Set<String> symbols, long start, long end) {
        List<Trade> selected = new ArrayList<>();
        for (Trade t : trades) {
            if (symbols.contains(t.symbol()) && t.timestamp() >= start && t.timestamp() <= end) {
                selected.add(t);
            }
        }
        return selected;
    }
}
