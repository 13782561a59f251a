package io.jonbu.ohlcv.job.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The uid check reports, by name, an operator whose uid was forgotten, and nothing once it has one. */
class StableUidsTest {
    @Test
    void aStatefulOperatorWithoutAUidIsReportedByName() {
        assertThat(StableUids.missing(pipeline(false).getStreamGraph())).singleElement().asString()
                .startsWith("running count per key (");
    }

    @Test
    void theSamePipelineWithTheUidPasses() {
        assertThat(StableUids.missing(pipeline(true).getStreamGraph())).isEmpty();
    }

    private static StreamExecutionEnvironment pipeline(boolean countHasUid) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Long> numbers = env.fromSequence(0, 99).uid("numbers");
        var counts = numbers.keyBy(n -> String.valueOf(n % 3)).process(new CountPerKey<Long>()).name("running count per key");
        if (countHasUid) {
            counts.uid("running-count");
        }
        counts.sinkTo(new CollectingSink<>()).uid("counts");
        return env;
    }
}
