package io.jonbu.ohlcv.job.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.DeadLetter;
import io.jonbu.ohlcv.model.Trade;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    @Test
    @SuppressWarnings("try") // the harness's close() may throw InterruptedException; the test throws anyway
    void malformedMessagesGoToTheDeadLetterOutputAndTheRestFlows() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, Trade> h = ProcessFunctionTestHarnesses.forProcessFunction(new FeedParser("test-feed"))) {
            h.processElement("[{\"T\":\"success\",\"msg\":\"connected\"}]", 0);
            h.processElement("[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":1,\"x\":\"V\",\"p\":10,\"s\":5,\"t\":\"2024-03-08T14:30:00Z\",\"z\":\"C\"},"
                    + "{\"T\":\"t\",\"S\":\"AAPL\",\"i\":2,\"p\":10,\"s\":5}]", 0);
            h.processElement("garbage", 0);

            assertThat(h.extractOutputValues()).extracting(Trade::id).containsExactly(1L);
            assertThat(h.getSideOutput(FeedParser.DEAD_LETTERS)).extracting(StreamRecord::getValue)
                    .extracting(DeadLetter::source, DeadLetter::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("test-feed", "missing field 't' (timestamp)"),
                            org.assertj.core.groups.Tuple.tuple("test-feed", "invalid JSON: Unrecognized token 'garbage': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"));
        }
    }
}
