package io.jonbu.ohlcv.model;

/**
 * One message of a feed as the job takes it in: a trade, or input that could not be used. Exactly one
 * of the two is set. A feed yields both through one channel because a Flink source has one output;
 * the job splits them right after the source.
 */
public record FeedEvent(Trade trade, DeadLetter deadLetter) {

    public FeedEvent {
        if ((trade == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("a feed event is a trade or a dead letter, exactly one");
        }
    }

    public static FeedEvent of(Trade trade) {
        return new FeedEvent(trade, null);
    }

    public static FeedEvent of(DeadLetter deadLetter) {
        return new FeedEvent(null, deadLetter);
    }

    public boolean isTrade() {
        return trade != null;
    }
}
