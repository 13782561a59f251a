package io.jonbu.ohlcv.bench.run;

import java.nio.file.Path;

/**
 * The command line every benchmark program takes: {@code [--quick] [--out DIR] [--trades N]}. Quick
 * runs fewer trades, never fewer runs: every point of a figure has at least {@link #RUNS} runs per
 * contender. {@code --trades} overrides the program's trade count, for a smoke test of the program.
 *
 * @param quick  whether to run the short version (for {@code scripts/bench --quick})
 * @param out    where the figure's JSON goes (default {@code bench/target/results})
 * @param trades the trade count asked for, or 0 for the program's own
 */
public record BenchOptions(boolean quick, Path out, int trades) {
    public static final int RUNS = 5;

    public static BenchOptions parse(String[] args) {
        boolean quick = false;
        Path out = Path.of("bench/target/results");
        int trades = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--out: needs a directory");
                    }
                    out = Path.of(args[++i]);
                }
                case "--trades" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--trades: needs a count");
                    }
                    trades = Integer.parseInt(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--quick] [--out DIR] [--trades N]");
            }
        }
        return new BenchOptions(quick, out, trades);
    }

    /** The trades to run: {@code --trades} if given, else {@code quick} when quick, else {@code full}. */
    public int trades(int quick, int full) {
        return trades > 0 ? trades : this.quick ? quick : full;
    }
}
