package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.flink.FlinkJob;
import io.jonbu.ohlcv.cli.flink.FlinkRest;
import io.jonbu.ohlcv.cli.flink.FlinkRestException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jonbu job submit|stop|savepoint|list}: the candle job on a Flink session cluster (scripts/flink-cluster,
 * compose's jobmanager, any Flink 1.20), through the cluster's REST API, so no Flink installation is needed here.
 * What {@code flink run -d}, {@code flink stop}, {@code flink savepoint} and {@code flink list} do.
 */
@Command(name = "job", header = "Submit, stop, savepoint or list the job on a Flink cluster.", mixinStandardHelpOptions = true,
        description = {"The candle job on a Flink cluster, over its REST API (no Flink installation needed here).",
            "An upgrade is `job stop`, then `job submit --from-savepoint` with the new jar."},
        subcommands = {JobCommand.Submit.class, JobCommand.Stop.class, JobCommand.Savepoint.class, JobCommand.ListJobs.class})
final class JobCommand {

    /** A command on the cluster at {@code --flink-url}: an unreachable cluster or a refused request is a runtime failure (1). */
    abstract static class OnCluster implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Option(names = "--flink-url", paramLabel = "URL", defaultValue = "http://localhost:8081",
                description = "the Flink cluster's REST address, the JobManager's web UI (default: ${DEFAULT-VALUE})")
        String flinkUrl;

        @Override
        public Integer call() throws Exception {
            FlinkRest flink;
            try {
                flink = FlinkRest.at(flinkUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--flink-url: " + e.getMessage(), e);
            }
            try {
                return run(flink, spec.commandLine().getOut());
            } catch (FlinkRestException e) {
                spec.commandLine().getErr().println("jonbu " + spec.qualifiedName(" ").replaceFirst("^jonbu ", "") + ": "
                        + e.getMessage());
                return 1;
            }
        }

        abstract int run(FlinkRest flink, PrintWriter out) throws Exception;

        /** A job id checked for its shape, and for its existence on the cluster, where a 404 would otherwise name a URL. */
        FlinkJob existing(FlinkRest flink, String id) {
            if (!FlinkJob.isJobId(id)) {
                throw new ParameterException(spec.commandLine(), "JOB_ID: '" + id + "' is not a Flink job id (32 hex digits;"
                        + " see `jonbu job list`)");
            }
            try {
                return flink.job(id);
            } catch (FlinkRestException e) {
                if (e.status() == 404) {
                    throw new FlinkRestException("the Flink cluster at " + flink + " has no job " + id + " (see `jonbu job list`)", 404);
                }
                throw e;
            }
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Upload the job jar and run it detached; prints the job's id.",
                "Arguments after `--` go to the job (CandleJobMain: --db-url, --feed-url, --symbols, --kafka-bootstrap, ...).",
                "Its main() runs in the JobManager, whose environment needs APCA_API_KEY_ID, APCA_API_SECRET_KEY and",
                "JONBU_DB_PASSWORD."})
    static final class Submit extends OnCluster {
        static final String JOB_JAR = "jonbu-job.jar";

        @Option(names = "--jar", paramLabel = "FILE",
                description = "the job jar (default: " + JOB_JAR + " next to jonbu's jar, or job/target/ of the source tree)")
        Path jar;

        @Option(names = "--from-savepoint", paramLabel = "PATH",
                description = "start from this savepoint or retained checkpoint, as `job stop` printed it")
        String savepoint;

        @Option(names = "--allow-non-restored-state",
                description = "with --from-savepoint: skip state of operators the new job no longer has, rather than fail")
        boolean allowNonRestoredState;

        @Option(names = "--parallelism", paramLabel = "N", description = "the job's parallelism (default: the cluster's parallelism.default)")
        Integer parallelism;

        @Parameters(paramLabel = "JOB_ARGS", arity = "0..*", description = "the job's own arguments, after `--`")
        List<String> jobArgs = List.of();

        @Override
        int run(FlinkRest flink, PrintWriter out) {
            if (allowNonRestoredState && savepoint == null) {
                throw new ParameterException(spec.commandLine(), "--allow-non-restored-state needs --from-savepoint");
            }
            if (parallelism != null && parallelism < 1) {
                throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, got " + parallelism);
            }
            Path file = jar != null ? jar : defaultJar();
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "--jar: no file " + file);
            }
            String jarId = flink.upload(file);
            // the cluster would keep every upload otherwise; `flink run` leaves none behind either
            String jobId;
            try {
                jobId = flink.run(jarId, jobArgs, savepoint, allowNonRestoredState, parallelism);
            } catch (FlinkRestException e) {
                flink.delete(jarId);
                throw e;
            }
            flink.delete(jarId);
            out.println(jobId);
            spec.commandLine().getErr().printf("job submit: %s runs on %s%s (jar %s)%n", jobId, flink,
                    savepoint == null ? "" : " from " + savepoint, file);
            return 0;
        }

        /** jonbu-job.jar beside the jar (or classes) jonbu runs from, else in the source tree's job/target/. */
        private Path defaultJar() {
            Path home;
            try {
                home = Path.of(Jonbu.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            for (Path candidate : List.of(home.resolve(JOB_JAR), home.resolve("../../job/target").resolve(JOB_JAR).normalize())) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            throw new ParameterException(spec.commandLine(), "--jar: no " + JOB_JAR + " in " + home
                    + " nor in the source tree's job/target/ (build it with `mvn -pl job -am package`, or name it)");
        }
    }

    /** The options of the two savepoint-taking commands. */
    abstract static class TakesSavepoint extends OnCluster {
        @Parameters(paramLabel = "JOB_ID", description = "the job's id, as `jonbu job list` shows it")
        String id;

        @Option(names = "--target-directory", paramLabel = "DIR",
                description = "where the savepoint goes, a path the JobManager and TaskManagers share"
                    + " (default: the cluster's execution.checkpointing.savepoint-dir)")
        String targetDirectory;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5min", converter = DurationConverter.class,
                description = "how long to wait for the savepoint (default: ${DEFAULT-VALUE})")
        Duration timeout;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = {"Stop a job with a savepoint and wait until it has ended; prints the savepoint's path, for",
                "`job submit --from-savepoint`.",
                "Flink's stop-with-savepoint: the sources stop, the last candles are written, then the savepoint is taken."})
    static final class Stop extends TakesSavepoint {
        @Override
        int run(FlinkRest flink, PrintWriter out) throws InterruptedException {
            existing(flink, id);
            String location = flink.savepoint(id, true, targetDirectory, timeout);
            out.println(location);
            // returning once the job has let go of its slots, so a `job submit` right after finds them free
            String state = flink.awaitEnd(id, timeout);
            spec.commandLine().getErr().printf("job stop: %s %s with a savepoint%n", id, state);
            return 0;
        }
    }

    @Command(name = "savepoint", mixinStandardHelpOptions = true,
            description = "Take a savepoint of a running job, which keeps running; prints its path.")
    static final class Savepoint extends TakesSavepoint {
        @Override
        int run(FlinkRest flink, PrintWriter out) throws InterruptedException {
            existing(flink, id);
            out.println(flink.savepoint(id, false, targetDirectory, timeout));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cluster's jobs, newest first, with their state.")
    static final class ListJobs extends OnCluster {
        @Override
        int run(FlinkRest flink, PrintWriter out) {
            out.printf("%-32s  %-12s %-24s %s%n", "JOB ID", "STATE", "STARTED", "NAME");
            for (FlinkJob j : flink.jobs()) {
                out.printf("%-32s  %-12s %-24s %s%n", j.id(), j.state(), j.start(), j.name());
            }
            return 0;
        }
    }
}
