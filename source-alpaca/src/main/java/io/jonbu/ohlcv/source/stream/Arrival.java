package io.jonbu.ohlcv.source.stream;

import io.jonbu.ohlcv.model.Trade;
import java.util.List;

/**
 * What the split reader hands the emitter: a live frame as the server sent it, or a batch of trades
 * backfilled from the REST API. The emitter needs to tell them apart, as it de-duplicates them by
 * different rules. Exactly one of the two is set.
 *
 * @param frame      a live frame's text, or null
 * @param backfilled backfilled trades in the REST API's order, or null
 */
record Arrival(String frame, List<Trade> backfilled) {
    Arrival {
        if ((frame == null) == (backfilled == null)) {
            throw new IllegalArgumentException("an arrival is a frame or a backfill, exactly one");
        }
        backfilled = backfilled == null ? null : List.copyOf(backfilled);
    }

    static Arrival frame(String text) {
        return new Arrival(text, null);
    }

    static Arrival backfill(List<Trade> trades) {
        return new Arrival(null, trades);
    }
}
