package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.FeedEvent;
import io.jonbu.ohlcv.model.alpaca.AlpacaFeedDecoder;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/** Lines of Alpaca messages (a recorded file: one JSON object or array per line), decoded after the source. */
public record LineFeed(Source<String, ?, ?> lines, String name) implements TradeFeed {
    /** Characters of the lines decoded so far, line ends included: how far through its file a replay is. */
    public static final String CHARS_ACCUMULATOR = "input-chars";

    @Override
    public DataStream<FeedEvent> open(StreamExecutionEnvironment env, WatermarkStrategy<FeedEvent> eventTime) {
        return env.fromSource(lines, WatermarkStrategy.noWatermarks(), name)
                .uid("feed-source")
                .flatMap(new Decode(name), FeedEventTypeInfo.INSTANCE)
                .uid("feed-decoder")
                .name("decode Alpaca messages")
                .assignTimestampsAndWatermarks(eventTime)
                .uid("event-time")
                .name("event time");
    }

    private static final class Decode extends RichFlatMapFunction<String, FeedEvent> {
        private static final long serialVersionUID = 1L;

        private final String feedName;
        private transient AlpacaFeedDecoder decoder;
        private transient LongCounter chars;

        Decode(String feedName) {
            this.feedName = feedName;
        }

        @Override
        public void open(OpenContext openContext) {
            decoder = new AlpacaFeedDecoder(feedName);
            chars = getRuntimeContext().getLongCounter(CHARS_ACCUMULATOR);
        }

        @Override
        public void flatMap(String line, Collector<FeedEvent> out) {
            chars.add(line.length() + 1);
            decoder.decode(line, out::collect);
        }
    }
}
