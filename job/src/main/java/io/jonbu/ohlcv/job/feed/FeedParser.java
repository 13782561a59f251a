package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.Trade;
import io.jonbu.ohlcv.model.alpaca.AlpacaMessageParser;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns raw Alpaca messages (stream frames or lines of a recorded file) into trades, in one pass.
 * A message it cannot use is counted and sent whole to {@link #DEAD_LETTERS}; it never fails the job.
 * Blank lines (a recorded file's trailing newline) carry nothing and are skipped.
 */
public final class FeedParser extends ProcessFunction<String, Trade> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class)) {
        private static final long serialVersionUID = 1L;
    };
    public static final String TRADES_ACCUMULATOR = "trades";
    public static final String MALFORMED_ACCUMULATOR = "malformed-messages";

    private final String feedName;

    private transient AlpacaMessageParser parser;
    private transient Emitter emitter;
    private transient Counter malformed;
    private transient LongCounter tradesTotal;
    private transient LongCounter malformedTotal;

    /** @param feedName where the messages come from, recorded in dead letters */
    public FeedParser(String feedName) {
        this.feedName = feedName;
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new AlpacaMessageParser();
        emitter = new Emitter();
        malformed = getRuntimeContext().getMetricGroup().counter("malformedMessages");
        tradesTotal = getRuntimeContext().getLongCounter(TRADES_ACCUMULATOR);
        malformedTotal = getRuntimeContext().getLongCounter(MALFORMED_ACCUMULATOR);
    }

    @Override
    public void processElement(String message, Context ctx, Collector<Trade> out) {
        if (message.isBlank()) {
            return;
        }
        emitter.ctx = ctx;
        emitter.out = out;
        parser.parse(message, emitter);
    }

    /** One listener reused for every message: the parser runs per frame, so no allocation per call. */
    private final class Emitter implements AlpacaMessageParser.Listener {
        Context ctx;
        Collector<Trade> out;

        @Override
        public void onTrade(Trade trade) {
            tradesTotal.add(1);
            out.collect(trade);
        }

        @Override
        public void onMalformed(String reason, String raw) {
            malformed.inc();
            malformedTotal.add(1);
            ctx.output(DEAD_LETTERS, new DeadLetter(feedName, reason, raw, System.currentTimeMillis() * 1_000_000L));
        }
    }
}
