package io.jonbu.ohlcv.bench.run;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One MiniCluster for a whole benchmark program (one task manager, two slots: the two cores), which
 * every contender's jobs run on in turn, streaming, at parallelism 2. Started once, so no run pays
 * for a cluster's start; and a run's time is Flink's own record of it, from the first of its tasks
 * running to the job finished, so no run pays for planning, submitting or deploying either.
 */
public final class LocalFlink implements AutoCloseable {
    public static final int PARALLELISM = 2;

    private final MiniCluster cluster;

    /** @param conf the cluster's settings, on top of Flink's defaults (e.g. a checkpoint directory) */
    public LocalFlink(Configuration conf) throws Exception {
        Configuration settings = new Configuration(conf);
        settings.set(RestOptions.BIND_PORT, "0"); // any free port: not 8081, which a local stack may hold
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(settings)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(PARALLELISM).build());
        cluster.start();
    }

    /** A fresh environment for one job, whose graph {@link #run} or {@link #submit} takes. */
    public static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(PARALLELISM);
        return env;
    }

    /** @param seconds from the first of the job's tasks running to the job finished */
    public record Run(JobExecutionResult result, double seconds) {}

    /** Runs the job built in {@code env} to its end. */
    public Run run(StreamExecutionEnvironment env) throws Exception {
        JobGraph job = env.getStreamGraph().getJobGraph();
        JobExecutionResult result = cluster.executeJobBlocking(job);
        AccessExecutionGraph graph = cluster.getArchivedExecutionGraph(job.getJobID()).get();
        long firstRunning = Long.MAX_VALUE;
        for (AccessExecutionVertex task : graph.getAllExecutionVertices()) {
            firstRunning = Math.min(firstRunning, task.getStateTimestamp(ExecutionState.RUNNING));
        }
        return new Run(result, (graph.getStatusTimestamp(JobStatus.FINISHED) - firstRunning) / 1000.0);
    }

    /** Starts the job built in {@code env} and returns at once. */
    public JobID submit(StreamExecutionEnvironment env) throws Exception {
        JobGraph job = env.getStreamGraph().getJobGraph();
        cluster.submitJob(job).get();
        return job.getJobID();
    }

    /** Triggers a checkpoint of a running job and waits for it to complete. */
    public void checkpoint(JobID job) throws Exception {
        cluster.triggerCheckpoint(job).get();
    }

    public AccessExecutionGraph graph(JobID job) throws Exception {
        return cluster.getExecutionGraph(job).get();
    }

    /** Cancels a running job and waits until it has stopped. */
    public void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
        CompletableFuture<JobStatus> status = cluster.getJobStatus(job);
        while (!status.get().isGloballyTerminalState()) {
            Thread.sleep(50);
            status = cluster.getJobStatus(job);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
