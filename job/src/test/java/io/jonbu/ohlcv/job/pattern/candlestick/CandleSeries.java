package io.jonbu.ohlcv.job.pattern.candlestick;

import java.util.Random;

/**
 * A seeded candle series that makes every pattern fire many times: a random walk with gaps, flat
 * stretches where open = high = low = close, tiny and huge bodies and long shadows, interleaved
 * with crafted shapes (hammers, dojis, engulfing and harami pairs, stars, soldiers, crows) whose
 * sizes are themselves random, so they land on both sides of TA-Lib's thresholds.
 *
 * <p>{@link #generate} rounds prices to cents so that equal prices, and thus the strict-or-not
 * comparisons, occur often. {@link #generateUnrounded} instead leaves prices unrounded and scales
 * each segment's candle sizes by a random power of ten, so huge candles leave rounding residues in
 * the running totals that the flat candles after them compare against: there only the exact
 * arithmetic of TA-Lib's totals gives its answers.
 */
record CandleSeries(double[] open, double[] high, double[] low, double[] close) {

    int size() {
        return open.length;
    }

    static CandleSeries generate(long seed, int size) {
        return new Generator(new Random(seed), size, true).run();
    }

    static CandleSeries generateUnrounded(long seed, int size) {
        return new Generator(new Random(seed), size, false).run();
    }

    private static final class Generator {
        private final Random random;
        private final double[] o;
        private final double[] h;
        private final double[] l;
        private final double[] c;
        private final boolean rounded;
        private int n;
        private double price = 100;
        /** Candle sizes of the current segment relative to a typical 1% of the price. */
        private double scale = 1;

        Generator(Random random, int size, boolean rounded) {
            this.random = random;
            this.rounded = rounded;
            o = new double[size];
            h = new double[size];
            l = new double[size];
            c = new double[size];
        }

        CandleSeries run() {
            while (n < o.length) {
                if (!rounded) {
                    scale = Math.pow(10, -4 + 5 * random.nextDouble());
                }
                if (price < 20) {
                    price += 50;
                }
                switch (random.nextInt(12)) {
                    case 0, 1, 2 -> randomWalk(5 + random.nextInt(20));
                    case 3 -> flat(2 + random.nextInt(16));
                    case 4 -> { trend(-1, 2 + random.nextInt(4)); star(1); }
                    case 5 -> { trend(1, 2 + random.nextInt(4)); star(-1); }
                    case 6 -> soldiers();
                    case 7 -> crows();
                    case 8 -> { trend(random.nextBoolean() ? 1 : -1, 1 + random.nextInt(3)); hammerShape(); }
                    case 9 -> { trend(random.nextBoolean() ? 1 : -1, 1 + random.nextInt(3)); invertedHammerShape(); }
                    case 10 -> doji();
                    default -> pair();
                }
            }
            return new CandleSeries(o, h, l, c);
        }

        /** Adds a candle, silently dropping it once the series is full. */
        private void add(double open, double high, double low, double close) {
            if (n == o.length) {
                return;
            }
            o[n] = cents(open);
            c[n] = cents(close);
            h[n] = Math.max(cents(high), Math.max(o[n], c[n]));
            l[n] = Math.min(cents(low), Math.min(o[n], c[n]));
            price = c[n];
            n++;
        }

        private double cents(double x) {
            return rounded ? Math.round(x * 100) / 100.0 : x;
        }

        /** A typical body size around the current price, never so large that prices turn negative. */
        private double unit() {
            return Math.max(0.05, price * 0.01) * scale;
        }

        private double shadow() {
            return Math.abs(random.nextGaussian()) * unit() * 0.5;
        }

        private void randomWalk(int count) {
            for (int k = 0; k < count; k++) {
                double open = price + (random.nextInt(10) == 0 ? random.nextGaussian() * 3 * unit() : 0);
                double scale = switch (random.nextInt(8)) {
                    case 0 -> 0.02;
                    case 1 -> 5;
                    default -> 1;
                };
                double close = open + random.nextGaussian() * unit() * scale;
                double up = random.nextInt(6) == 0 ? 4 * shadow() : shadow();
                double down = random.nextInt(6) == 0 ? 4 * shadow() : shadow();
                if (random.nextInt(10) == 0) {
                    up = 0;
                }
                if (random.nextInt(10) == 0) {
                    down = 0;
                }
                add(open, Math.max(open, close) + up, Math.max(0.01, Math.min(open, close) - down), close);
            }
        }

        /**
         * Flat candles, often followed by a pin: a candle opening and closing at the flat price with
         * one long shadow. Judged against all-flat averages, whose exact value is 0 but whose running
         * totals keep the residue of earlier candles, whether it is a doji, hammer, and so on hangs on
         * that residue's sign, so only TA-Lib's very arithmetic agrees with TA-Lib there.
         */
        private void flat(int count) {
            for (int k = 0; k < count; k++) {
                add(price, price, price, price);
            }
            double pin = unit() * (0.5 + random.nextDouble());
            switch (random.nextInt(3)) {
                case 0 -> add(price, price, price - pin, price);
                case 1 -> add(price, price + pin, price, price);
                default -> { }
            }
        }

        /** Candles of one colour moving {@code direction} (+1 up, -1 down). */
        private void trend(int direction, int count) {
            for (int k = 0; k < count; k++) {
                double open = price;
                double close = open + direction * unit() * (0.5 + random.nextDouble());
                add(open, Math.max(open, close) + shadow(), Math.min(open, close) - shadow(), close);
            }
        }

        /** Morning star for direction +1, evening star for -1. */
        private void star(int direction) {
            double size = unit() * (1 + 3 * random.nextDouble());
            double open = price;
            double close = open - direction * size;
            add(open, Math.max(open, close) + shadow() * 0.3, Math.min(open, close) - shadow() * 0.3, close);
            double starOpen = close - direction * unit() * random.nextDouble() * 0.8;
            double starClose = starOpen + random.nextGaussian() * unit() * 0.2;
            add(starOpen, Math.max(starOpen, starClose) + shadow() * 0.3,
                    Math.min(starOpen, starClose) - shadow() * 0.3, starClose);
            double lastOpen = starClose + direction * unit() * random.nextDouble() * 0.5;
            double lastClose = close + direction * size * random.nextDouble() * 1.2;
            add(lastOpen, Math.max(lastOpen, lastClose) + shadow() * 0.3,
                    Math.min(lastOpen, lastClose) - shadow() * 0.3, lastClose);
        }

        private void soldiers() {
            trend(-1, 1 + random.nextInt(3));
            double open = price - unit() * 0.3 * random.nextDouble();
            for (int k = 0; k < 3; k++) {
                double body = unit() * (1 + random.nextDouble());
                double close = open + body;
                double up = random.nextInt(3) == 0 ? shadow() : 0;
                add(open, close + up, open - shadow(), close);
                open = close - body * random.nextDouble() * 0.9;
            }
        }

        private void crows() {
            trend(1, 1 + random.nextInt(3));
            double open = price + unit() * 0.3 * random.nextDouble();
            for (int k = 0; k < 3; k++) {
                double body = unit() * (1 + random.nextDouble());
                double close = open - body;
                double down = random.nextInt(3) == 0 ? shadow() : 0;
                add(open, open + shadow(), close - down, close);
                open = close + body * (0.05 + random.nextDouble() * 0.9);
            }
        }

        private void hammerShape() {
            double open = price + random.nextGaussian() * unit();
            double close = open + random.nextGaussian() * unit() * 0.3;
            double up = random.nextBoolean() ? 0 : shadow() * 0.2;
            add(open, Math.max(open, close) + up, Math.min(open, close) - unit() * (0.5 + 2 * random.nextDouble()), close);
        }

        private void invertedHammerShape() {
            double open = price + random.nextGaussian() * unit();
            double close = open + random.nextGaussian() * unit() * 0.3;
            double down = random.nextBoolean() ? 0 : shadow() * 0.2;
            add(open, Math.max(open, close) + unit() * (0.5 + 2 * random.nextDouble()), Math.min(open, close) - down, close);
        }

        private void doji() {
            double open = price;
            double close = open + random.nextGaussian() * unit() * 0.05;
            double longShadow = unit() * (0.2 + 2 * random.nextDouble());
            switch (random.nextInt(3)) {
                case 0 -> add(open, Math.max(open, close), Math.min(open, close) - longShadow, close);
                case 1 -> add(open, Math.max(open, close) + longShadow, Math.min(open, close), close);
                default -> add(open, Math.max(open, close) + longShadow, Math.min(open, close) - shadow(), close);
            }
        }

        /** An engulfing or harami pair: a body and a second of random size around the first. */
        private void pair() {
            int direction = random.nextBoolean() ? 1 : -1;
            double size = unit() * (0.5 + 2 * random.nextDouble());
            double open = price;
            double close = open + direction * size;
            add(open, Math.max(open, close) + shadow(), Math.min(open, close) - shadow(), close);
            double mid = (open + close) / 2;
            double second = size * (random.nextBoolean() ? 0.1 + 0.5 * random.nextDouble() : 1.1 + random.nextDouble());
            double secondOpen = mid + direction * second / 2 + random.nextGaussian() * unit() * 0.1;
            double secondClose = secondOpen - direction * second;
            add(secondOpen, Math.max(secondOpen, secondClose) + shadow(), Math.min(secondOpen, secondClose) - shadow(), secondClose);
        }
    }
}
