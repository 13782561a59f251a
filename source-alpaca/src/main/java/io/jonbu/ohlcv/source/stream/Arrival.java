package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.TapeSnapshot;
import io.jonbu.ohlcv.model.Trade;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What the split reader hands the emitter: a live frame as the server sent it, a batch of trades
 * backfilled from the REST API (at the seam with the live stream, or caught up before subscribing),
 * a symbol's tape re-read over a window before a gap, a barrier, the split's report on its connection,
 * or the end of a seam (the live frames held
 * during a backfill have all been handed over). The emitter tells them apart, as it de-duplicates
 * them by different rules.
 *
 * @param frame      a live frame's text, or null
 * @param backfilled backfilled trades in time order, or null
 * @param catchUp    whether the backfilled trades were caught up before subscribing: no live frame
 *                   repeats them, so they open no seam
 * @param snapshot   a symbol's tape before a gap, or null
 * @param barrier    counted down once the emitter reaches it, or null: a backfill waits on it for the
 *                   frames queued before a gap to be emitted, so the split's position is up to date
 */
record Arrival(String frame, List<Trade> backfilled, boolean catchUp, TapeSnapshot snapshot, CountDownLatch barrier,
        FeedStatus status) {
    private static final Arrival SEAM_END = new Arrival(null, null, false, null, null, null);

    Arrival {
        int set = (frame != null ? 1 : 0) + (backfilled != null ? 1 : 0) + (snapshot != null ? 1 : 0) + (barrier != null ? 1 : 0)
                + (status != null ? 1 : 0);
        if (set > 1) {
            throw new IllegalArgumentException("an arrival is a frame, a backfill, a snapshot, a barrier, a status or the end of a seam");
        }
        backfilled = backfilled == null ? null : List.copyOf(backfilled);
    }

    static Arrival frame(String text) {
        return new Arrival(text, null, false, null, null, null);
    }

    static Arrival backfill(List<Trade> trades) {
        return new Arrival(null, trades, false, null, null, null);
    }

    static Arrival catchUp(List<Trade> trades) {
        return new Arrival(null, trades, true, null, null, null);
    }

    static Arrival snapshot(TapeSnapshot snapshot) {
        return new Arrival(null, null, false, snapshot, null, null);
    }

    /** Counted down when the emitter reaches it: everything queued before it has been emitted. */
    static Arrival barrier(CountDownLatch reached) {
        return new Arrival(null, null, false, null, reached, null);
    }

    /** The split's report on its connection, passed on as it is. */
    static Arrival status(FeedStatus status) {
        return new Arrival(null, null, false, null, null, status);
    }

    static Arrival seamEnd() {
        return SEAM_END;
    }

    boolean isSeamEnd() {
        return frame == null && backfilled == null && snapshot == null && barrier == null && status == null;
    }
}
