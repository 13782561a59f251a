package io.jonbu.ohlcv.job.pattern.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.enriched.EnrichedCandle;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupportResistanceFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, ChartCandle, CandleWithLevels> harness;

    private void open(int lookback) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SupportResistanceFunction(lookback)),
                ChartCandle.BY_SERIES, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(List<EnrichedCandle> candles) throws Exception {
        for (EnrichedCandle e : candles) {
            harness.processElement(ChartCandle.of(e), EpochNanos.toMillis(e.ohlcv().end()) - 1);
        }
    }

    @Test
    void levelsAreTheHighestHighAndLowestLowOfThePreviousCandlesWithoutTheCurrentOne() throws Exception {
        open(3);
        send(new ChartSeries("AAPL").add(10, 5, 8).add(12, 4, 8).add(11, 6, 8).add(13, 3, 8).add(9, 7, 8).add(1, 9, 8)
                .add(0, 0, 0).candles());

        List<CandleWithLevels> out = harness.extractOutputValues();
        assertThat(out).extracting(CandleWithLevels::resistance).containsExactly(Double.NaN, Double.NaN, Double.NaN, 12.0, 13.0, 13.0, 13.0);
        assertThat(out).extracting(CandleWithLevels::support).containsExactly(Double.NaN, Double.NaN, Double.NaN, 4.0, 3.0, 3.0, 3.0);
        assertThat(harness.extractOutputStreamRecords()).extracting(StreamRecord::getTimestamp)
                .as("timestamps pass through, for CEP's event time").containsExactlyElementsOf(
                        out.stream().map(c -> EpochNanos.toMillis(c.candle().end()) - 1).toList());
    }

    @Test
    void eachCandleCarriesTheHighAndLowOfTheOneBeforeIt() throws Exception {
        open(3);
        send(new ChartSeries("AAPL").add(10, 5, 8).add(12, 4, 8).add(11, 6, 8).add(13, 3, 8).add(9, 7, 8).add(1, 9, 8)
                .add(0, 0, 0).candles());

        List<CandleWithLevels> out = harness.extractOutputValues();
        assertThat(out).extracting(CandleWithLevels::previousHigh).containsExactly(Double.NaN, 10.0, 12.0, 11.0, 13.0, 9.0, 1.0);
        assertThat(out).extracting(CandleWithLevels::previousLow).containsExactly(Double.NaN, 5.0, 4.0, 6.0, 3.0, 7.0, 9.0);
    }

    @Test
    void theCandleLeavingTheLookbackNoLongerCounts() throws Exception {
        open(2);
        send(new ChartSeries("AAPL").add(20, 1, 10).add(12, 8, 10).add(11, 9, 10).add(11, 9, 10).candles());

        assertThat(harness.extractOutputValues()).extracting(CandleWithLevels::resistance, CandleWithLevels::support)
                .containsExactly(
                        tuple(Double.NaN, Double.NaN),
                        tuple(Double.NaN, Double.NaN),
                        tuple(20.0, 1.0),
                        tuple(12.0, 8.0));
    }

    @Test
    void eachSeriesHasItsOwnLevels() throws Exception {
        open(1);
        List<EnrichedCandle> aapl = new ChartSeries("AAPL").add(10, 5, 8).add(11, 6, 9).candles();
        List<EnrichedCandle> msft = new ChartSeries("MSFT").add(400, 390, 395).add(401, 391, 396).candles();
        send(List.of(aapl.get(0), msft.get(0), aapl.get(1), msft.get(1)));

        assertThat(harness.extractOutputValues()).extracting(c -> c.candle().symbol() + " " + c.resistance() + " " + c.support())
                .containsExactly("AAPL NaN NaN", "MSFT NaN NaN", "AAPL 10.0 5.0", "MSFT 400.0 390.0");
        assertThat(harness.numKeyedStateEntries()).as("highs and lows of two series").isEqualTo(4);
    }
}
