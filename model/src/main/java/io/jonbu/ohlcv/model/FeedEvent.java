package io.jonbu.ohlcv.model;

/**
 * One message of a feed as the job takes it in: a trade, a correction or a cancel of an earlier
 * trade, a snapshot of the tape over a window (after a gap, see {@link TapeSnapshot}), or input that
 * could not be used. Exactly one is set. A feed yields them all
 * through one channel because a Flink source has one output; the job splits them right after the
 * source.
 */
public record FeedEvent(Trade trade, TradeCorrection correction, TradeCancel cancel, DeadLetter deadLetter,
        TapeSnapshot snapshot) {

    public FeedEvent {
        int set = (trade != null ? 1 : 0) + (correction != null ? 1 : 0) + (cancel != null ? 1 : 0)
                + (deadLetter != null ? 1 : 0) + (snapshot != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException(
                    "a feed event is a trade, a correction, a cancel, a dead letter or a tape snapshot, exactly one; got " + set);
        }
    }

    public static FeedEvent of(Trade trade) {
        return new FeedEvent(trade, null, null, null, null);
    }

    public static FeedEvent of(TradeCorrection correction) {
        return new FeedEvent(null, correction, null, null, null);
    }

    public static FeedEvent of(TradeCancel cancel) {
        return new FeedEvent(null, null, cancel, null, null);
    }

    public static FeedEvent of(DeadLetter deadLetter) {
        return new FeedEvent(null, null, null, deadLetter, null);
    }

    public static FeedEvent of(TapeSnapshot snapshot) {
        return new FeedEvent(null, null, null, null, snapshot);
    }

    public boolean isTrade() {
        return trade != null;
    }

    /** A trade, correction, cancel or tape snapshot: something with a symbol and an event time. */
    public boolean isTapeEvent() {
        return deadLetter == null;
    }

    /** The symbol of a trade, correction, cancel or snapshot, by which the job keys them; a dead letter has none. */
    public String symbol() {
        if (trade != null) {
            return trade.symbol();
        }
        if (correction != null) {
            return correction.symbol();
        }
        if (cancel != null) {
            return cancel.symbol();
        }
        if (snapshot != null) {
            return snapshot.symbol();
        }
        throw new IllegalStateException("a dead letter has no symbol");
    }

    /**
     * The event time of a trade, correction or cancel; a snapshot's is its window's last instant, the
     * latest it speaks of. A dead letter has none.
     */
    public long eventTime() {
        if (trade != null) {
            return trade.timestamp();
        }
        if (correction != null) {
            return correction.timestamp();
        }
        if (cancel != null) {
            return cancel.timestamp();
        }
        if (snapshot != null) {
            return snapshot.to() - 1;
        }
        throw new IllegalStateException("a dead letter has no event time");
    }
}
