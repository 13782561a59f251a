package io.jonbu.ohlcv.source.stream;

import java.util.List;

/**
 * What a split's connection reads of its reader's state for the split, on the connection's own
 * thread: where a backfill after a gap starts, and which symbols to subscribe.
 */
interface SplitProgress {
    /** The event time a backfill starts from, or {@link AlpacaSplitState#NOTHING_EMITTED} for none. */
    long resumeFrom(String splitId);

    /** The symbols the split streams now; they change while it runs (see {@link SplitSymbols}). */
    List<String> symbols(String splitId);
}
