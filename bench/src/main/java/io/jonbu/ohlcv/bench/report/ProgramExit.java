package io.jonbu.ohlcv.bench.report;

/**
 * Runs a figure program's body and ends the JVM, 0 when it finished and 1 when it threw: the
 * MiniClusters, Kafka clients and servers a figure starts leave non-daemon threads behind, which
 * would keep {@code scripts/bench} waiting.
 */
public final class ProgramExit {
    /** A figure program's body. */
    @FunctionalInterface
    public interface Body {
        void run(String[] args) throws Exception;
    }

    private ProgramExit() {}

    public static void run(String[] args, Body body) {
        int status = 1;
        try {
            body.run(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }
}
