package io.jonbu.ohlcv.job.testing;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** The smallest stateful operator: a running count of each key's records, emitted with every record. */
public final class CountPerKey<T> extends KeyedProcessFunction<String, T, CountPerKey.Count> {
    private static final long serialVersionUID = 1L;

    public record Count(String key, long count) {}

    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(T record, Context ctx, Collector<Count> out) throws Exception {
        long next = (count.value() == null ? 0 : count.value()) + 1;
        count.update(next);
        out.collect(new Count(ctx.getCurrentKey(), next));
    }
}
