package io.jonbu.ohlcv.model.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.EpochNanos;
import io.jonbu.ohlcv.model.Timeframe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleCsvTest {
    private static Candle candle(String symbol, Timeframe tf, String start, double vwap) {
        long s = EpochNanos.parse(start);
        return new Candle(symbol, tf, s, tf.end(s), 187.0, 187.52, 0.0001, 187.47, 41230, 512, vwap, true, 0);
    }

    @Test
    void rowUsesPlainDecimalsAndRoundsVwapToSixPlaces() {
        assertThat(CandleCsv.row(candle("AAPL", Timeframe.M1, "2024-03-08T14:31:00Z", 187.4288114999)))
                .isEqualTo("AAPL,1m,2024-03-08T14:31:00Z,187,187.52,0.0001,187.47,41230,512,187.428811");
    }

    @Test
    void ordersBySymbolThenTimeframeThenStart() {
        List<Candle> candles = new ArrayList<>(List.of(
                candle("MSFT", Timeframe.M1, "2024-03-08T14:30:00Z", 1),
                candle("AAPL", Timeframe.D1, "2024-03-08T05:00:00Z", 1),
                candle("AAPL", Timeframe.M5, "2024-03-08T14:30:00Z", 1),
                candle("AAPL", Timeframe.M1, "2024-03-08T14:31:00Z", 1),
                candle("AAPL", Timeframe.M1, "2024-03-08T14:30:00Z", 1)));
        candles.sort(CandleCsv.ORDER);
        assertThat(candles).extracting(c -> c.symbol() + " " + c.timeframe() + " " + EpochNanos.format(c.start()))
                .containsExactly("AAPL 1m 2024-03-08T14:30:00Z", "AAPL 1m 2024-03-08T14:31:00Z", "AAPL 5m 2024-03-08T14:30:00Z",
                        "AAPL 1d 2024-03-08T05:00:00Z", "MSFT 1m 2024-03-08T14:30:00Z");
    }
}
