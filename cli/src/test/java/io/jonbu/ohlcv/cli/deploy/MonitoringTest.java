package io.jonbu.ohlcv.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.CheckpointStatsTracker;
import org.apache.flink.runtime.metrics.MetricNames;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes what the stack serves, and every Grafana panel plots a metric that exists: a
 * Flink built-in (named in Flink's own classes), a counter or gauge the job registers, or a line the
 * serving layer's /metrics writes.
 */
class MonitoringTest {
    static final String DASHBOARD = "deploy/grafana/dashboards/jonbu-ohlcv.json";
    private static final Pattern METRIC = Pattern.compile("\\b((?:flink|jonbu)_[A-Za-z0-9_]+)\\b");
    /**
     * A metric the code registers; after {@code addGroup("key", value)} Flink names it {@code key_name}
     * (the key is part of the logical scope, the value becomes the label {@code key}).
     */
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:addGroup\\(\\s*\"([A-Za-z0-9_]+)\"\\s*,.*?\\)\\s*)?\\.(?:counter|gauge|meter|histogram)\\(\\s*\"([A-Za-z0-9_]+)\"");
    private static final Pattern SERVING_NAME = Pattern.compile("\"(jonbu_[a-z0-9_]+)\"");
    /** The Prometheus reporter's names: flink_ + the metric group's scope + the metric's name, longest scope first. */
    private static final List<String> FLINK_SCOPES = List.of(
            "flink_taskmanager_job_task_operator_", "flink_taskmanager_job_task_", "flink_taskmanager_job_",
            "flink_jobmanager_job_", "flink_taskmanager_", "flink_jobmanager_");

    @Test
    void prometheusScrapesTheFlinkReporterAndServingByComposeServiceName() {
        JsonNode config = DeployFiles.yaml("deploy/prometheus/prometheus.yml");
        JsonNode services = ComposeFileTest.services();
        String reporterPort = DeployFiles.flatten(DeployFiles.yaml(FlinkConfTest.FILE)).get("metrics.reporter.prom.port");
        List<String> targets = new ArrayList<>();
        config.path("scrape_configs").forEach(job -> job.path("static_configs").forEach(s -> s.path("targets").forEach(t -> targets.add(t.asText()))));

        assertThat(targets).containsExactlyInAnyOrder("jobmanager:" + reporterPort, "taskmanager:" + reporterPort, "serving:8080");
        assertThat(targets).allSatisfy(t -> assertThat(services.has(t.split(":")[0])).as("%s names a compose service", t).isTrue());
        assertThat(services.at("/serving/ports").toString()).contains(":8080");
        assertThat(config.path("scrape_configs").findValuesAsText("metrics_path")).containsExactly("/metrics");
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboardDirectoryComposeMounts() {
        JsonNode datasource = DeployFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0);
        JsonNode provider = DeployFiles.yaml("deploy/grafana/provisioning/dashboards/jonbu.yml").path("providers").get(0);
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(DeployFiles.json(DASHBOARD).path("panels").findValuesAsText("uid"))
                .as("panels use the provisioned datasource").isNotEmpty().containsOnly(datasource.path("uid").asText());
        assertThat(ComposeFileTest.services().at("/grafana/volumes").toString())
                .contains("./deploy/grafana/dashboards:" + provider.at("/options/path").asText());
    }

    @Test
    void theDashboardHasThePanelsTheIssueAsksFor() {
        List<String> titles = DeployFiles.json(DASHBOARD).path("panels").findValuesAsText("title");

        assertThat(titles).contains("Trades/s", "Late trades", "Candle lag", "Checkpoint duration", "WebSocket clients");
    }

    @Test
    void everyPanelPlotsAMetricTheCodeDefines() {
        Set<String> defined = definedMetricNames();
        List<String> expressions = DeployFiles.json(DASHBOARD).path("panels").findValuesAsText("expr");

        assertThat(expressions).hasSizeGreaterThanOrEqualTo(5);
        assertThat(expressions).allSatisfy(e -> assertThat(metrics(e)).as(e).isNotEmpty());
        assertThat(undefinedMetrics(expressions, defined)).isEmpty();
        assertThat(defined).contains("lastCheckpointDuration", "watermarkLag", "lateTrades", "jonbu_stream_clients");
    }

    @Test
    void aMisspeltMetricIsReported() {
        List<String> expressions = List.of(
                "sum(rate(flink_taskmanager_job_task_operator_lateTradez[5m]))",
                "sum(jonbu_stream_client)",
                "flink_jobmanager_job_lastCheckpointDuration",
                "flink_jobmanager_job_task_operator_lateTrades");

        assertThat(undefinedMetrics(expressions, definedMetricNames())).containsExactly(
                "flink_taskmanager_job_task_operator_lateTradez", "jonbu_stream_client", "flink_jobmanager_job_task_operator_lateTrades");
    }

    static List<String> metrics(String expression) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(expression);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static List<String> undefinedMetrics(List<String> expressions, Set<String> defined) {
        return expressions.stream().flatMap(e -> metrics(e).stream()).filter(name -> !isDefined(name, defined)).distinct().toList();
    }

    private static boolean isDefined(String prometheusName, Set<String> defined) {
        if (prometheusName.startsWith("jonbu_")) {
            return defined.contains(prometheusName);
        }
        return FLINK_SCOPES.stream().filter(prometheusName::startsWith).findFirst()
                .map(scope -> defined.contains(prometheusName.substring(scope.length())))
                .orElse(false);
    }

    /** Flink's built-in metric names, the job's registered counters and gauges, serving's /metrics names. */
    static Set<String> definedMetricNames() {
        Set<String> names = new HashSet<>();
        names.addAll(stringConstants(MetricNames.class));
        names.addAll(stringConstants(CheckpointStatsTracker.class));
        try (Stream<Path> sources = Stream.of("job/src/main/java", "source-alpaca/src/main/java", "serving/src/main/java")
                .flatMap(dir -> walk(DeployFiles.path(dir)))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String source = read(p);
                Matcher registered = REGISTERED.matcher(source);
                while (registered.find()) {
                    names.add(registered.group(1) == null ? registered.group(2) : registered.group(1) + "_" + registered.group(2));
                }
                Matcher serving = SERVING_NAME.matcher(source);
                while (serving.find()) {
                    names.add(serving.group(1));
                }
            });
        }
        return names;
    }

    private static Set<String> stringConstants(Class<?> type) {
        Set<String> values = new HashSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    f.setAccessible(true);
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
