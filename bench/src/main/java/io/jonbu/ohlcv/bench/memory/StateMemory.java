package io.jonbu.ohlcv.bench.memory;

import io.jonbu.ohlcv.bench.report.BenchArgs;
import io.jonbu.ohlcv.bench.report.Figure;
import io.jonbu.ohlcv.bench.report.Figures;
import io.jonbu.ohlcv.bench.run.DiscardingSinks;
import io.jonbu.ohlcv.bench.run.LocalFlink;
import io.jonbu.ohlcv.bench.tape.TradeTape;
import io.jonbu.ohlcv.job.CandleJob;
import io.jonbu.ohlcv.job.CandleJobConfig;
import io.jonbu.ohlcv.model.Timeframe;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Figure 7 of issue 7, memory: what the candle job holds per symbol and timeframe, at 100 and 5,000
 * symbols. Each run feeds the default job (full pipeline) the tape and keeps its source open after
 * the last trade, so the job stays mid-stream: every symbol's forming candles open, the last five
 * minutes of prints retained for corrections, indicators warm. Then one checkpoint with the hashmap
 * backend gives the serialized state (barriers follow the last trade, so it holds all of them), and
 * a {@code System.gc()} the heap the job holds.
 *
 * <p>Usage: {@code StateMemory [--quick] [--out DIR]}
 */
public final class StateMemory {
    private static final List<Integer> SYMBOLS = List.of(100, 5_000);
    private static final int TIMEFRAMES = Timeframe.values().length;
    private static final String CANDLE_STATE = "checkpointed state, candle operator";
    private static final String JOB_STATE = "checkpointed state, whole job";
    private static final String HEAP = "heap held by the job";

    private StateMemory() {}

    private record Measured(long candleState, long jobState, long heap) {}

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        // the state held mid-stream is the forming candles, retained prints and warm indicators: it grows with
        // symbols, hardly with trades, so quick takes few
        int trades = options.trades(20_000, 500_000);
        Path checkpoints = Files.createTempDirectory("jonbu-bench-checkpoints");
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        List<Figure.Point> candleState = new ArrayList<>();
        List<Figure.Point> jobState = new ArrayList<>();
        List<Figure.Point> heap = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (LocalFlink flink = new LocalFlink(conf)) {
            for (int symbols : SYMBOLS) {
                try (TradeTape tape = TradeTape.generate(symbols, trades)) {
                    measure(flink, tape); // warm-up, untimed and unrecorded
                    List<Measured> runs = new ArrayList<>();
                    for (int run = 1; run <= BenchArgs.RUNS; run++) {
                        Measured m = measure(flink, tape);
                        runs.add(m);
                        System.out.printf(Locale.ROOT, "  %s, run %d: candle operator %,d B, job %,d B checkpointed; heap %,d B%n",
                                tape.label(), run, m.candleState(), m.jobState(), m.heap());
                    }
                    long slots = (long) symbols * TIMEFRAMES;
                    candleState.add(new Figure.Point(tape.label(), runs.stream().map(m -> (double) m.candleState() / slots).toList()));
                    jobState.add(new Figure.Point(tape.label(), runs.stream().map(m -> (double) m.jobState() / slots).toList()));
                    List<Double> heapRuns = runs.stream().map(m -> (double) m.heap()).toList();
                    heap.add(new Figure.Point(tape.label(), heapRuns.stream().map(h -> h / slots).toList()));
                    notes.add(String.format(Locale.ROOT, "%s: the job holds %.1f MB of heap (median), %.1f MB checkpointed.",
                            tape.label(), Figures.median(heapRuns) / 1e6,
                            Figures.median(runs.stream().map(m -> (double) m.jobState()).toList()) / 1e6));
                }
            }
        }
        Figure figure = new Figure("memory", "Memory per symbol and timeframe",
                String.format(Locale.ROOT, "The default candle job (full pipeline, 5 timeframes, 5-minute correction horizon) on "
                        + "a MiniCluster at parallelism 2 with the hashmap state backend, fed %,d seeded trades over four days "
                        + "(made as the throughput figures') by a source that stays open after the last trade, so the job is mid-stream "
                        + "with every symbol's candles forming. Then one checkpoint (full, to a local directory): its state size, "
                        + "for the candle operator and for the whole job, divided by symbols x 5 timeframes. Heap held by the job: "
                        + "heap used after System.gc() at that point minus heap used after System.gc() before the job was "
                        + "submitted (cluster up, trades built), divided the same way. %d runs per point after one warm-up, each "
                        + "a fresh job, cancelled after measuring.", trades, BenchArgs.RUNS),
                "bytes per symbol per timeframe", false, Figure.Plot.BARS,
                List.of(new Figure.Series(CANDLE_STATE, false, candleState), new Figure.Series(JOB_STATE, false, jobState),
                        new Figure.Series(HEAP, false, heap)),
                List.of(), notes);
        System.out.println("wrote " + Figures.write(figure, options.out()));
    }

    private static Measured measure(LocalFlink flink, TradeTape tape) throws Exception {
        long before = heapAfterGc();
        StreamExecutionEnvironment env = LocalFlink.environment();
        // checkpoints on, but only the one triggered below within the run
        env.enableCheckpointing(Duration.ofHours(1).toMillis());
        new CandleJob(tape.endlessFeed(), new DiscardingSinks(), CandleJobConfig.defaults()).addTo(env);
        long emitted = tape.emitted();
        JobID job = flink.submit(env);
        try {
            while (tape.emitted() - emitted < tape.trades().size()) {
                AccessExecutionGraph graph = flink.graph(job);
                if (graph.getState().isTerminalState()) {
                    throw new IllegalStateException("the job ended " + graph.getState() + " before its last trade: "
                            + (graph.getFailureInfo() == null ? "" : graph.getFailureInfo().getExceptionAsString()));
                }
                Thread.sleep(50);
            }
            // a live job's watermark trails its newest trade by the out-of-orderness and the watermark interval
            // (200 ms); let it get there, so every run checkpoints the same forming candles
            Thread.sleep(1_000);
            flink.checkpoint(job);
            long held = heapAfterGc() - before;
            AccessExecutionGraph graph = flink.graph(job);
            CompletedCheckpointStats checkpoint = graph.getCheckpointStatsSnapshot().getHistory().getLatestCompletedCheckpoint();
            AccessExecutionJobVertex candles = null;
            for (AccessExecutionJobVertex v : graph.getVerticesTopologically()) {
                if (v.getName().startsWith("candles ")) {
                    candles = v;
                }
            }
            if (checkpoint == null || candles == null) {
                throw new IllegalStateException("no completed checkpoint, or no candle operator in " + graph.getJobName());
            }
            return new Measured(checkpoint.getTaskStateStats(candles.getJobVertexId()).getStateSize(), checkpoint.getStateSize(), held);
        } finally {
            flink.cancel(job);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        // twice: the first full collection may leave objects only the finalizers and cleaners of its garbage release
        System.gc();
        Thread.sleep(100);
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
