package io.jonbu.ohlcv.cli.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The parts of a Flink cluster's REST API (the JobManager's, port 8081 by default) that submit, list and
 * stop jobs: what {@code flink run|list|savepoint|stop} do, without a Flink installation on this machine.
 * Needs {@code flink-runtime-web} on the JobManager for the jar endpoints, as every Flink distribution has.
 */
public final class FlinkRest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType JAR = MediaType.get("application/x-java-archive");
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    private FlinkRest(HttpUrl base, OkHttpClient http) {
        this.base = base;
        this.http = http;
    }

    /**
     * @param url the cluster's REST address, as {@code http://localhost:8081}
     * @throws IllegalArgumentException when {@code url} is no http(s) URL
     */
    public static FlinkRest at(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http:// or https:// URL");
        }
        // a job's main() runs in the JobManager while /jars/:id/run waits: building the graph (and, for
        // ours, creating Kafka topics) takes seconds, more on a loaded cluster
        return new FlinkRest(parsed, new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(2)).build());
    }

    @Override
    public String toString() {
        return base.toString();
    }

    /** Uploads a job jar; returns the id the cluster keeps it under, for {@link #run}. */
    public String upload(Path jar) {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("jarfile", jar.getFileName().toString(), RequestBody.create(jar.toFile(), JAR))
                .build();
        JsonNode answer = call("POST", "jars/upload", body);
        // {"filename": "/tmp/flink-web-.../flink-web-upload/<uuid>_jonbu-job.jar", "status": "success"}
        return Path.of(answer.path("filename").asText()).getFileName().toString();
    }

    /**
     * Runs an uploaded jar's main class (from its manifest) in the JobManager; returns the JobID.
     *
     * @param savepoint   the savepoint or retained checkpoint to start from, or null for empty state
     * @param parallelism the job's default parallelism, or null for the cluster's
     */
    public String run(String jarId, List<String> args, String savepoint, boolean allowNonRestoredState, Integer parallelism) {
        ObjectNode request = json.createObjectNode();
        request.putPOJO("programArgsList", args);
        if (savepoint != null) {
            request.put("savepointPath", savepoint);
            request.put("allowNonRestoredState", allowNonRestoredState);
        }
        if (parallelism != null) {
            request.put("parallelism", parallelism);
        }
        return call("POST", "jars/" + jarId + "/run", jsonBody(request)).path("jobid").asText();
    }

    /** Removes an uploaded jar; a job submitted from it keeps running (its jar went to the blob server with it). */
    public void delete(String jarId) {
        call("DELETE", "jars/" + jarId, null);
    }

    /** Every job the cluster knows, newest first. */
    public List<FlinkJob> jobs() {
        List<FlinkJob> jobs = new ArrayList<>();
        for (JsonNode j : call("GET", "jobs/overview", null).path("jobs")) {
            jobs.add(new FlinkJob(j.path("jid").asText(), j.path("name").asText(), j.path("state").asText(),
                    Instant.ofEpochMilli(j.path("start-time").asLong())));
        }
        jobs.sort((a, b) -> b.start().compareTo(a.start()));
        return jobs;
    }

    /** One job; a {@link FlinkRestException} with status 404 when the cluster has none of that id. */
    public FlinkJob job(String id) {
        JsonNode j = call("GET", "jobs/" + id, null);
        return new FlinkJob(j.path("jid").asText(), j.path("name").asText(), j.path("state").asText(),
                Instant.ofEpochMilli(j.path("start-time").asLong()));
    }

    /**
     * Takes a savepoint and waits for it; returns its location (a {@code file:} or object-store URI).
     *
     * @param stop             whether the job stops once it is taken (stop-with-savepoint, {@code flink stop})
     * @param targetDirectory  where, or null for the cluster's {@code execution.checkpointing.savepoint-dir}
     */
    public String savepoint(String jobId, boolean stop, String targetDirectory, Duration timeout) throws InterruptedException {
        ObjectNode request = json.createObjectNode();
        String trigger;
        if (stop) {
            request.put("drain", false);
            if (targetDirectory != null) {
                request.put("targetDirectory", targetDirectory);
            }
            trigger = call("POST", "jobs/" + jobId + "/stop", jsonBody(request)).path("request-id").asText();
        } else {
            request.put("cancel-job", false);
            if (targetDirectory != null) {
                request.put("target-directory", targetDirectory);
            }
            trigger = call("POST", "jobs/" + jobId + "/savepoints", jsonBody(request)).path("request-id").asText();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = call("GET", "jobs/" + jobId + "/savepoints/" + trigger, null);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new FlinkRestException("the savepoint of job " + jobId + " failed: "
                            + summary(List.of(operation.path("failure-cause").path("stack-trace").asText(
                                    operation.path("failure-cause").path("class").asText()))), 0);
                }
                return operation.path("location").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new FlinkRestException("the savepoint of job " + jobId + " was not done within " + timeout
                        + " (it may still complete: see the cluster's web UI, " + base + ")", 0);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits until the job has ended for good (FINISHED, CANCELED or FAILED; a stop-with-savepoint reports the
     * savepoint a moment before the job finishes) and returns that state.
     */
    public String awaitEnd(String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String state = job(jobId).state();
            if (Set.of("FINISHED", "CANCELED", "FAILED").contains(state)) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new FlinkRestException("job " + jobId + " is still " + state + " after " + timeout, 0);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Cancels a job without a savepoint ({@code flink cancel}). */
    public void cancel(String jobId) {
        call("PATCH", "jobs/" + jobId + "?mode=cancel", RequestBody.create(new byte[0]));
    }

    private RequestBody jsonBody(JsonNode node) {
        try {
            return RequestBody.create(json.writeValueAsBytes(node), JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, String path, RequestBody body) {
        HttpUrl url = HttpUrl.get(base.toString().replaceAll("/+$", "") + "/" + path);
        Request request = new Request.Builder().url(url).method(method, body).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            JsonNode answer = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            if (!response.isSuccessful()) {
                List<String> errors = new ArrayList<>();
                answer.path("errors").forEach(e -> errors.add(e.asText()));
                throw new FlinkRestException("the Flink cluster at " + base + " answered " + response.code() + " to " + method
                        + " /" + path + (errors.isEmpty() ? "" : ": " + summary(errors)), response.code());
            }
            return answer;
        } catch (IOException e) {
            throw new FlinkRestException("cannot reach the Flink cluster at " + base + " (" + e.getMessage()
                    + "); is it running? (scripts/flink-cluster status)", e);
        }
    }

    /**
     * Flink's errors carry whole server-side stack traces; the exception lines (the chain of causes down to
     * the job's own message) say what went wrong, the frames do not.
     */
    private static String summary(List<String> errors) {
        Set<String> lines = new LinkedHashSet<>();
        for (String error : errors) {
            for (String line : error.split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("at ") && !trimmed.startsWith("...")
                        && !trimmed.startsWith("[") && !trimmed.startsWith("<") && !trimmed.startsWith("End of exception")) {
                    lines.add(trimmed);
                }
            }
        }
        return String.join("\n  ", lines.stream().limit(12).toList());
    }
}
