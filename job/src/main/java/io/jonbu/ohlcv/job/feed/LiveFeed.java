package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.FeedEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A source that decodes its own messages (the Alpaca stream source): event time is assigned in the
 * source, per split, so a split that lags or falls quiet does not make another's trades late.
 *
 * @param splits how many splits the source has: it runs no more readers than that, since a reader
 *               without a split would only sit idle (and hold event time back until marked so)
 */
public record LiveFeed(Source<FeedEvent, ?, ?> source, String name, int splits) implements TradeFeed {
    public LiveFeed {
        if (splits < 1) {
            throw new IllegalArgumentException("splits: must be at least 1, got " + splits);
        }
    }

    @Override
    public DataStream<FeedEvent> open(StreamExecutionEnvironment env, WatermarkStrategy<FeedEvent> eventTime) {
        return env.fromSource(source, eventTime, name, FeedEventTypeInfo.INSTANCE)
                .setParallelism(Math.min(splits, env.getParallelism()))
                .uid("feed-source");
    }
}
