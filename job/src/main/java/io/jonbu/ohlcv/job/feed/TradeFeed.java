package io.jonbu.ohlcv.job.feed;

import io.jonbu.ohlcv.model.FeedEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Where the job's trades come from: feed events, stamped with event time by the strategy given. */
public interface TradeFeed {
    DataStream<FeedEvent> open(StreamExecutionEnvironment env, WatermarkStrategy<FeedEvent> eventTime);
}
