package io.jonbu.ohlcv.bench.report;

import java.nio.file.Path;

/**
 * The arguments every benchmark program takes: {@code --quick} for the short runs of
 * {@code scripts/bench --quick}, {@code --out DIR} for where its {@link Figure} JSON goes.
 */
public record BenchArgs(boolean quick, Path out) {
    public static final Path DEFAULT_OUT = Path.of("bench/target/results");

    public static BenchArgs parse(String... args) {
        boolean quick = false;
        Path out = DEFAULT_OUT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--out: give a directory");
                    }
                    out = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (expected --quick, --out DIR)");
            }
        }
        return new BenchArgs(quick, out);
    }

    /** {@code quick} in a quick run, else {@code full}: data sizes and rounds. */
    public int pick(int quick, int full) {
        return this.quick ? quick : full;
    }

    /** How many times each contender runs: the report takes medians and min-max of at least 5, quick runs once. */
    public int runs() {
        return quick ? 1 : 5;
    }
}
