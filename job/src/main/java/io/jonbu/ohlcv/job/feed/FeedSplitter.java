package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.FeedStatus;
import io.jonbu.ohlcv.model.ProviderBar;
import io.jonbu.ohlcv.model.Quote;
import io.jonbu.ohlcv.model.TradingStatus;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends a feed's trades, corrections, cancels and tape snapshots on, in feed order, to the candle
 * operator (which needs them all to revise candles); its quotes, the provider's bars and trading
 * statuses, counted, to {@link #QUOTES}, {@link #PROVIDER_BARS} and {@link #STATUSES}, which never reach
 * the candles; the source's reports on its connections to {@link #FEED_STATUS}; and its unusable messages, counted, to {@link #DEAD_LETTERS}: bad input never fails the
 * job and is never lost.
 */
public final class FeedSplitter extends ProcessFunction<FeedEvent, FeedEvent> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final OutputTag<Quote> QUOTES = new OutputTag<>("quotes", TypeInformation.of(Quote.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final OutputTag<ProviderBar> PROVIDER_BARS = new OutputTag<>("provider-bars",
            TypeInformation.of(ProviderBar.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final OutputTag<TradingStatus> STATUSES = new OutputTag<>("trading-statuses",
            TypeInformation.of(TradingStatus.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final String TRADES_ACCUMULATOR = "trades";
    public static final String QUOTES_ACCUMULATOR = "quotes";
    public static final String PROVIDER_BARS_ACCUMULATOR = "provider-bars";
    public static final String STATUSES_ACCUMULATOR = "trading-statuses";
    /** The live source's reports on its connections, for the health check. */
    public static final OutputTag<FeedStatus> FEED_STATUS = new OutputTag<>("feed-status", TypeInformation.of(FeedStatus.class));
    public static final String CORRECTIONS_ACCUMULATOR = "corrections";
    public static final String CANCELS_ACCUMULATOR = "cancels";
    public static final String MALFORMED_ACCUMULATOR = "malformed-messages";

    private transient Counter tradesIn;
    private transient Counter malformed;
    /** Per {@link RejectReason}, by ordinal: the {@code reason} label of {@code rejectedMessages}. */
    private transient Counter[] rejected;
    private transient Counter corrections;
    private transient Counter cancels;
    private transient Counter snapshots;
    private transient LongCounter tradesTotal;
    private transient LongCounter correctionsTotal;
    private transient LongCounter cancelsTotal;
    private transient LongCounter malformedTotal;
    private transient Counter quotes;
    private transient Counter providerBars;
    private transient Counter statuses;
    private transient LongCounter quotesTotal;
    private transient LongCounter providerBarsTotal;
    private transient LongCounter statusesTotal;

    @Override
    public void open(OpenContext openContext) {
        tradesIn = getRuntimeContext().getMetricGroup().counter("tradesIn");
        malformed = getRuntimeContext().getMetricGroup().counter("malformedMessages");
        rejected = new Counter[RejectReason.values().length];
        for (RejectReason reason : RejectReason.values()) {
            rejected[reason.ordinal()] = getRuntimeContext().getMetricGroup().addGroup("reason", reason.label()).counter("rejectedMessages");
        }
        corrections = getRuntimeContext().getMetricGroup().counter("corrections");
        cancels = getRuntimeContext().getMetricGroup().counter("cancels");
        snapshots = getRuntimeContext().getMetricGroup().counter("tapeSnapshots");
        tradesTotal = getRuntimeContext().getLongCounter(TRADES_ACCUMULATOR);
        correctionsTotal = getRuntimeContext().getLongCounter(CORRECTIONS_ACCUMULATOR);
        cancelsTotal = getRuntimeContext().getLongCounter(CANCELS_ACCUMULATOR);
        malformedTotal = getRuntimeContext().getLongCounter(MALFORMED_ACCUMULATOR);
        quotes = getRuntimeContext().getMetricGroup().counter("quotes");
        providerBars = getRuntimeContext().getMetricGroup().counter("providerBars");
        statuses = getRuntimeContext().getMetricGroup().counter("tradingStatuses");
        quotesTotal = getRuntimeContext().getLongCounter(QUOTES_ACCUMULATOR);
        providerBarsTotal = getRuntimeContext().getLongCounter(PROVIDER_BARS_ACCUMULATOR);
        statusesTotal = getRuntimeContext().getLongCounter(STATUSES_ACCUMULATOR);
    }

    @Override
    public void processElement(FeedEvent event, Context ctx, Collector<FeedEvent> out) {
        if (event.isTrade()) {
            tradesIn.inc();
            tradesTotal.add(1);
            out.collect(event);
        } else if (event.correction() != null) {
            corrections.inc();
            correctionsTotal.add(1);
            out.collect(event);
        } else if (event.cancel() != null) {
            cancels.inc();
            cancelsTotal.add(1);
            out.collect(event);
        } else if (event.quote() != null) {
            quotes.inc();
            quotesTotal.add(1);
            ctx.output(QUOTES, event.quote());
        } else if (event.bar() != null) {
            providerBars.inc();
            providerBarsTotal.add(1);
            ctx.output(PROVIDER_BARS, event.bar());
        } else if (event.feedStatus() != null) {
            ctx.output(FEED_STATUS, event.feedStatus());
        } else if (event.status() != null) {
            statuses.inc();
            statusesTotal.add(1);
            ctx.output(STATUSES, event.status());
        } else if (event.snapshot() != null) {
            snapshots.inc();
            out.collect(event);
        } else {
            malformed.inc();
            rejected[RejectReason.of(event.deadLetter().reason()).ordinal()].inc();
            malformedTotal.add(1);
            ctx.output(DEAD_LETTERS, event.deadLetter());
        }
    }
}
