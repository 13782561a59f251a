package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.FeedEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A source that decodes its own messages (the Alpaca stream source): event time is assigned in the
 * source, per split, so a split that lags or falls quiet does not make another's trades late.
 */
public record LiveFeed(Source<FeedEvent, ?, ?> source, String name) implements TradeFeed {
    @Override
    public DataStream<FeedEvent> open(StreamExecutionEnvironment env, WatermarkStrategy<FeedEvent> eventTime) {
        return env.fromSource(source, eventTime, name).uid("feed-source");
    }
}
