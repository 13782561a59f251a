package io.jonbu.ohlcv.model.alpaca;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.TradeCancel;
import io.jonbu.ohlcv.model.TradeCorrection;
import io.jonbu.ohlcv.model.TradingStatus;
import java.util.function.Consumer;

/**
 * Turns Alpaca messages (stream frames, or lines of a recorded file) into {@link FeedEvent}s: each
 * trade, correction, cancel, quote, bar and trading status, and each message that cannot be used as a dead letter naming the feed. Connection messages
 * yield nothing; blank text (a file's trailing newline) neither. One instance per thread: it reuses
 * its parser and listener.
 */
public final class AlpacaFeedDecoder {
    private final String feedName;
    private final AlpacaMessageParser parser = new AlpacaMessageParser();
    private final Emitter emitter = new Emitter();

    /** @param feedName where the messages come from, recorded in dead letters */
    public AlpacaFeedDecoder(String feedName) {
        this.feedName = feedName;
    }

    public void decode(String text, Consumer<FeedEvent> out) {
        if (text.isBlank()) {
            return;
        }
        emitter.out = out;
        parser.parse(text, emitter);
        emitter.out = null;
    }

    private final class Emitter implements AlpacaMessageParser.Listener {
        Consumer<FeedEvent> out;

        @Override
        public void onTrade(Trade trade) {
            out.accept(FeedEvent.of(trade));
        }

        @Override
        public void onCorrection(TradeCorrection correction) {
            out.accept(FeedEvent.of(correction));
        }

        @Override
        public void onCancel(TradeCancel cancel) {
            out.accept(FeedEvent.of(cancel));
        }

        @Override
        public void onQuote(Quote quote) {
            out.accept(FeedEvent.of(quote));
        }

        @Override
        public void onBar(ProviderBar bar) {
            out.accept(FeedEvent.of(bar));
        }

        @Override
        public void onStatus(TradingStatus status) {
            out.accept(FeedEvent.of(status));
        }

        @Override
        public void onMalformed(String reason, String raw) {
            out.accept(FeedEvent.of(new DeadLetter(feedName, reason, raw, System.currentTimeMillis() * 1_000_000L)));
        }
    }
}
