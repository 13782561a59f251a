package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.Trade;
import java.util.List;

/**
 * What the split reader hands the emitter: a live frame as the server sent it, a batch of trades
 * backfilled from the REST API (at the seam with the live stream, or caught up before subscribing),
 * or the end of a seam (the live frames held during a backfill have all been handed over). The
 * emitter tells them apart, as it de-duplicates them by different rules.
 *
 * @param frame      a live frame's text, or null
 * @param backfilled backfilled trades in time order, or null
 * @param catchUp    whether the backfilled trades were caught up before subscribing: no live frame
 *                   repeats them, so they open no seam
 */
record Arrival(String frame, List<Trade> backfilled, boolean catchUp) {
    private static final Arrival SEAM_END = new Arrival(null, null, false);

    Arrival {
        if (frame != null && backfilled != null) {
            throw new IllegalArgumentException("an arrival is a frame, a backfill or the end of a seam");
        }
        backfilled = backfilled == null ? null : List.copyOf(backfilled);
    }

    static Arrival frame(String text) {
        return new Arrival(text, null, false);
    }

    static Arrival backfill(List<Trade> trades) {
        return new Arrival(null, trades, false);
    }

    static Arrival catchUp(List<Trade> trades) {
        return new Arrival(null, trades, true);
    }

    static Arrival seamEnd() {
        return SEAM_END;
    }

    boolean isSeamEnd() {
        return frame == null && backfilled == null;
    }
}
