package io.jonbu.ohlcv.job.indicator;

import io.jonbu.ohlcv.model.Candle;
import io.jonbu.ohlcv.model.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded series of 5-minute candles meant to hit the indicators' edge cases: a cent-quantized
 * random walk (so unchanged closes are common) with price gaps, spikes, flat stretches where
 * {@code o = h = l = c} for dozens of candles (zero ranges, zero changes) and once, midway, for
 * 400 (long enough for Wilder averages to decay below TA-Lib's 1e-8 "zero"), and stretches of tiny
 * volumes. It runs round the clock from a Monday in March 2024 over the US DST change, so it
 * crosses New York midnight on days of 24 and 23 hours.
 */
final class CandleSeries {
    private static final long START = Instant.parse("2024-03-04T14:30:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long STEP = Timeframe.M5.nominalNanos();

    final List<Candle> candles;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    private CandleSeries(List<Candle> candles) {
        this.candles = candles;
        int n = candles.size();
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        for (int i = 0; i < n; i++) {
            Candle c = candles.get(i);
            high[i] = c.high();
            low[i] = c.low();
            close[i] = c.close();
            volume[i] = c.volume();
        }
    }

    int size() {
        return close.length;
    }

    static CandleSeries random(long seed, int n) {
        Random r = new Random(seed);
        List<Candle> candles = new ArrayList<>(n);
        double price = 100;
        int flatLeft = 0;
        int tinyVolumeLeft = 0;
        for (int i = 0; i < n; i++) {
            if (i == n / 2) {
                flatLeft = 400;
            } else if (flatLeft == 0 && r.nextDouble() < 0.01) {
                flatLeft = 20 + r.nextInt(40);
            }
            if (tinyVolumeLeft == 0 && r.nextDouble() < 0.01) {
                tinyVolumeLeft = 10 + r.nextInt(30);
            }
            if (flatLeft == 0 && r.nextDouble() < 0.02) {
                price = cents(Math.max(1, price * (1 + 0.08 * r.nextGaussian())));
            }
            double open = price;
            double high;
            double low;
            double close;
            if (flatLeft > 0) {
                flatLeft--;
                high = low = close = open;
            } else {
                close = cents(Math.max(0.5, open * (1 + 0.01 * r.nextGaussian())));
                high = cents(Math.max(open, close) * (1 + 0.004 * Math.abs(r.nextGaussian())));
                low = cents(Math.min(open, close) * (1 - 0.004 * Math.abs(r.nextGaussian())));
                double spike = r.nextDouble();
                if (spike < 0.005) {
                    high = cents(high * 1.2);
                } else if (spike < 0.01) {
                    low = cents(low * 0.8);
                }
            }
            long size;
            if (tinyVolumeLeft > 0) {
                tinyVolumeLeft--;
                size = 1 + r.nextInt(2);
            } else {
                size = 100 + r.nextInt(200_000);
            }
            double vwap = low + (high - low) * r.nextDouble();
            long start = START + i * STEP;
            candles.add(new Candle("TEST", Timeframe.M5, start, start + STEP, open, high, low, close, size,
                    1 + r.nextInt(50), vwap, true, 0));
            price = close;
        }
        return new CandleSeries(candles);
    }

    private static double cents(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
