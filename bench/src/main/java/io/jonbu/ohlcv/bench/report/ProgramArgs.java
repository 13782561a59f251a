package io.jonbu.ohlcv.bench.report;

import java.nio.file.Path;

/**
 * The command line every figure program takes: {@code [--quick] [--out DIR]}. Quick runs fewer and
 * shorter rounds on less data so that {@code scripts/bench --quick} stays within minutes.
 *
 * @param out where the program writes its {@link Figure} JSON (default {@code bench/target/results})
 */
public record ProgramArgs(boolean quick, Path out) {

    public static ProgramArgs parse(String... args) {
        boolean quick = false;
        Path out = Path.of("bench/target/results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--out needs a directory");
                    }
                    out = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; expected [--quick] [--out DIR]");
            }
        }
        return new ProgramArgs(quick, out);
    }

    /** {@code quick} in a quick run, else {@code full}. */
    public int pick(int quick, int full) {
        return this.quick ? quick : full;
    }
}
