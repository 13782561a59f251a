package io.jonbu.ohlcv.job.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
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
        var counts = numbers.keyBy(n -> n % 3).process(new RunningCount()).name("running count per key");
        if (countHasUid) {
            counts.uid("running-count");
        }
        counts.sinkTo(new CollectingSink<>()).uid("counts");
        return env;
    }

    private static final class RunningCount extends KeyedProcessFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long n, Context ctx, Collector<Long> out) throws Exception {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(next);
        }
    }
}
