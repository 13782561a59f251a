package io.jonbu.ohlcv.model;

/**
 * One message of a feed as the job takes it in: a trade, a correction or a cancel of an earlier
 * trade (the tape, from which the job builds its candles), a snapshot of the tape over a window
 * (after a gap, see {@link TapeSnapshot}), a quote, a bar of the provider's, a trading status, the
 * source's own report on its connection ({@link FeedStatus}), or input that could not be used. Exactly one is set. A feed yields them all through one channel
 * because a Flink source has one output; the job splits them right after the source.
 */
public record FeedEvent(
        Trade trade,
        TradeCorrection correction,
        TradeCancel cancel,
        TapeSnapshot snapshot,
        Quote quote,
        ProviderBar bar,
        TradingStatus status,
        FeedStatus feedStatus,
        DeadLetter deadLetter) {

    public FeedEvent {
        int set = (trade != null ? 1 : 0) + (correction != null ? 1 : 0) + (cancel != null ? 1 : 0)
                + (snapshot != null ? 1 : 0) + (quote != null ? 1 : 0) + (bar != null ? 1 : 0) + (status != null ? 1 : 0)
                + (feedStatus != null ? 1 : 0) + (deadLetter != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("a feed event is a trade, a correction, a cancel, a tape snapshot, a quote, a bar, "
                    + "a status, a feed status or a dead letter, exactly one; got " + set);
        }
    }

    public static FeedEvent of(Trade trade) {
        return new FeedEvent(trade, null, null, null, null, null, null, null, null);
    }

    public static FeedEvent of(TradeCorrection correction) {
        return new FeedEvent(null, correction, null, null, null, null, null, null, null);
    }

    public static FeedEvent of(TradeCancel cancel) {
        return new FeedEvent(null, null, cancel, null, null, null, null, null, null);
    }

    public static FeedEvent of(TapeSnapshot snapshot) {
        return new FeedEvent(null, null, null, snapshot, null, null, null, null, null);
    }

    public static FeedEvent of(Quote quote) {
        return new FeedEvent(null, null, null, null, quote, null, null, null, null);
    }

    public static FeedEvent of(ProviderBar bar) {
        return new FeedEvent(null, null, null, null, null, bar, null, null, null);
    }

    public static FeedEvent of(TradingStatus status) {
        return new FeedEvent(null, null, null, null, null, null, status, null, null);
    }

    public static FeedEvent of(FeedStatus feedStatus) {
        return new FeedEvent(null, null, null, null, null, null, null, feedStatus, null);
    }

    public static FeedEvent of(DeadLetter deadLetter) {
        return new FeedEvent(null, null, null, null, null, null, null, null, deadLetter);
    }

    public boolean isTrade() {
        return trade != null;
    }

    /**
     * A trade, correction, cancel or tape snapshot: the tape the candles are built from. Quotes, bars
     * and statuses are not: they go their own ways after the source and never reach the candle operator.
     */
    public boolean isTapeEvent() {
        return trade != null || correction != null || cancel != null || snapshot != null;
    }

    /** The symbol of any market-data message, by which the job keys them; a feed status or a dead letter has none. */
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
        if (quote != null) {
            return quote.symbol();
        }
        if (bar != null) {
            return bar.symbol();
        }
        if (status != null) {
            return status.symbol();
        }
        throw new IllegalStateException(feedStatus != null ? "a feed status has no symbol" : "a dead letter has no symbol");
    }

    /**
     * The event time of a market-data message: a trade's, a correction's or cancel's (their original
     * trade's), a quote's or status's, a bar's start; a snapshot's is its window's last instant, the
     * latest it speaks of; a feed status's is when it was reported (wall clock). A dead letter has none.
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
        if (quote != null) {
            return quote.timestamp();
        }
        if (bar != null) {
            return bar.start();
        }
        if (status != null) {
            return status.timestamp();
        }
        if (feedStatus != null) {
            return feedStatus.reportedNanos();
        }
        throw new IllegalStateException("a dead letter has no event time");
    }
}
