package io.jonbu.ohlcv.bench.report;

import java.nio.file.Path;

/**
 * The command line every benchmark program takes: {@code [--quick] [--out DIR] [--trades N]}.
 * {@code --quick} runs less data for {@code scripts/bench --quick}; {@code --out} is where the
 * {@link Figure} JSON goes; {@code --trades} overrides the program's trade count, for a smoke test.
 *
 * @param quick  whether to run the short version
 * @param out    where the figure's JSON goes (default {@code bench/target/results})
 * @param trades the trade count asked for, or 0 for the program's own
 */
public record BenchArgs(boolean quick, Path out, int trades) {
    public static final Path DEFAULT_OUT = Path.of("bench/target/results");
    /** Runs per contender and point: the report takes medians and min-max of these. */
    public static final int RUNS = 5;

    public static BenchArgs parse(String... args) {
        boolean quick = false;
        Path out = DEFAULT_OUT;
        int trades = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++i, "--out: give a directory"));
                case "--trades" -> trades = Integer.parseInt(value(args, ++i, "--trades: give a count"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (expected --quick, --out DIR, --trades N)");
            }
        }
        return new BenchArgs(quick, out, trades);
    }

    private static String value(String[] args, int i, String missing) {
        if (i >= args.length) {
            throw new IllegalArgumentException(missing);
        }
        return args[i];
    }

    /** {@code quick} in a quick run, else {@code full}: data sizes and rounds. */
    public int pick(int quick, int full) {
        return this.quick ? quick : full;
    }

    /** The trades to run: {@code --trades} if given, else {@link #pick}. */
    public int trades(int quick, int full) {
        return trades > 0 ? trades : pick(quick, full);
    }

    /**
     * How many times each setting of the live figures runs: {@link #RUNS}, or one in a quick run, where
     * each run's thousands of samples give its percentiles and a stack start-up per run would not fit.
     */
    public int runs() {
        return quick ? 1 : RUNS;
    }
}
