package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.Trade;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends a feed's trades on and its unusable messages, counted, to {@link #DEAD_LETTERS}: bad input
 * never fails the job and is never lost.
 */
public final class FeedSplitter extends ProcessFunction<FeedEvent, Trade> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final String TRADES_ACCUMULATOR = "trades";
    public static final String MALFORMED_ACCUMULATOR = "malformed-messages";

    private transient Counter malformed;
    private transient LongCounter tradesTotal;
    private transient LongCounter malformedTotal;

    @Override
    public void open(OpenContext openContext) {
        malformed = getRuntimeContext().getMetricGroup().counter("malformedMessages");
        tradesTotal = getRuntimeContext().getLongCounter(TRADES_ACCUMULATOR);
        malformedTotal = getRuntimeContext().getLongCounter(MALFORMED_ACCUMULATOR);
    }

    @Override
    public void processElement(FeedEvent event, Context ctx, Collector<Trade> out) {
        if (event.isTrade()) {
            tradesTotal.add(1);
            out.collect(event.trade());
        } else {
            malformed.inc();
            malformedTotal.add(1);
            ctx.output(DEAD_LETTERS, event.deadLetter());
        }
    }
}
