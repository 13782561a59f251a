package io.jonbu.ohlcv.source.stream;

import java.util.List;

/**
 * How far a split's reader got in one symbol: the greatest event time it emitted, and the trades it
 * emitted within the dedup horizon below that. After a restore or a reconnect, a backfilled trade is
 * new exactly when it is newer than the horizon and not among {@code recent}.
 *
 * @param latestEventTime epoch nanoseconds of the newest trade emitted
 * @param recent          the trades emitted within the horizon below it, oldest first
 */
public record SymbolPosition(long latestEventTime, List<SeenTrade> recent) {
    public SymbolPosition {
        recent = List.copyOf(recent);
    }

    /**
     * One emitted trade as far as de-duplication needs it: Alpaca trade ids are unique per symbol,
     * exchange and day, and the event time says when it may be forgotten.
     *
     * @param exchange  exchange code; empty when the trade had none
     * @param id        trade id
     * @param eventTime epoch nanoseconds
     */
    public record SeenTrade(String exchange, long id, long eventTime) {}
}
