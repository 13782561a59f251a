package io.jonbu.ohlcv.serving.candle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jonbu.ohlcv.model.json.ApiJson;
import java.io.IOException;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalNumbersTest {
    private final DecimalNumbers numbers = new DecimalNumbers();

    @Test
    void writesWhatTheGeneratorWritesAroundEveryEdge() throws IOException {
        double[] values = {0, -0.0, 1, -1, 0.001, 0.0009999, 0.0011, 0.00105, 9_999_999.9999, 10_000_000, 9_999_999.99995,
            185.12, 185.1, 185.10000000000002, 0.1 + 0.2, 100, 1e-4, 123.45678, 123.4567, 1234567.8912, -42.5,
            Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 4503599627370496.5, 0.3};
        for (double v : values) {
            assertThat(fast(v)).as("%s", v).isEqualTo(jackson(v));
        }
    }

    @Test
    void writesWhatTheGeneratorWritesForPricesAndForAnythingElse() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 4) {
                // whole ten-thousandths to hundredths across the plain range, as prices are
                case 0 -> random.nextLong(100_000_000_000L) / 10_000.0;
                case 1 -> random.nextLong(1_000_000_000L) / 100.0;
                // a computed mean such as a vwap, and any double at all
                case 2 -> random.nextLong(1_000_000) / 100.0 / 3.0;
                default -> Double.longBitsToDouble(random.nextLong());
            };
            double signed = random.nextBoolean() ? v : -v;
            assertThat(fast(signed)).as("%s", signed).isEqualTo(jackson(signed));
        }
    }

    private String fast(double v) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = ApiJson.mapper().createGenerator(out)) {
            numbers.write(json, v);
        }
        return out.toString();
    }

    private static String jackson(double v) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = ApiJson.mapper().createGenerator(out)) {
            json.writeNumber(v);
        }
        return out.toString();
    }
}
