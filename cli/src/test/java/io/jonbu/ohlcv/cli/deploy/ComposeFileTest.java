package io.jonbu.ohlcv.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml checked as far as it can be without a Docker engine: it parses, every service
 * can be built or pulled, nothing collides or dangles, secrets come from .env, and the commands name
 * the real entry points with options they accept.
 */
class ComposeFileTest {
    static final String FILE = "docker-compose.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|KEY_ID|TOKEN).*");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");

    static JsonNode services() {
        return DeployFiles.yaml(FILE).path("services");
    }

    @Test
    void everyServiceHasAnImageOrABuildWhoseDockerfileExists() {
        assertThat(services().size()).isGreaterThanOrEqualTo(7);
        assertThat(servicesWithoutImageOrBuild(services())).isEmpty();
        services().fields().forEachRemaining(s -> {
            JsonNode build = s.getValue().path("build");
            if (!build.isMissingNode()) {
                String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
                String dockerfile = build.path("dockerfile").asText("Dockerfile");
                assertThat(DeployFiles.path(context).resolve(dockerfile)).as("Dockerfile of %s", s.getKey()).isRegularFile();
            }
        });
        assertThat(services().fieldNames()).toIterable()
                .contains("kafka", "postgres", "jobmanager", "taskmanager", "serving", "prometheus", "grafana");
    }

    @Test
    void aServiceWithNeitherImageNorBuildIsReported() {
        JsonNode services = DeployFiles.parseYaml("""
                ok: {image: postgres:16}
                built: {build: .}
                neither: {command: [serve]}
                """);

        assertThat(servicesWithoutImageOrBuild(services)).containsExactly("neither");
    }

    @Test
    void publishedHostPortsAreUnique() {
        assertThat(duplicateHostPorts(services())).isEmpty();
        assertThat(duplicateHostPorts(DeployFiles.parseYaml("""
                a: {ports: ["8080:8080"]}
                b: {ports: ["127.0.0.1:8080:80", "9000:9000"]}
                """))).containsExactly("8080");
    }

    @Test
    void everyVariableIsInTheEnvExampleAndSecretsAreNeverInline() {
        Set<String> documented = new TreeSet<>();
        for (String line : DeployFiles.text(".env.example").split("\n")) {
            if (line.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                documented.add(line.substring(0, line.indexOf('=')));
            }
        }
        Set<String> referenced = new TreeSet<>();
        Matcher m = VARIABLE.matcher(DeployFiles.yaml(FILE).toString());
        while (m.find()) {
            referenced.add(m.group(1));
        }

        assertThat(referenced).contains("APCA_API_KEY_ID", "APCA_API_SECRET_KEY", "JONBU_DB_PASSWORD");
        assertThat(documented).containsAll(referenced);
        assertThat(inlineSecrets(services())).isEmpty();
        assertThat(inlineSecrets(DeployFiles.parseYaml("""
                db: {environment: {POSTGRES_PASSWORD: hunter2, POSTGRES_USER: jonbu}}
                job: {environment: ["APCA_API_SECRET_KEY=abc", "APCA_API_KEY_ID=${APCA_API_KEY_ID}"]}
                """))).containsExactly("db.POSTGRES_PASSWORD", "job.APCA_API_SECRET_KEY");
        assertThat(DeployFiles.text(".gitignore").lines()).as(".env holds the secrets").contains(".env");
    }

    @Test
    void dependsOnNamesServicesThatHaveTheHealthcheckTheConditionWaitsFor() {
        JsonNode services = services();
        List<String> problems = new ArrayList<>();
        services.fields().forEachRemaining(s -> s.getValue().path("depends_on").fields().forEachRemaining(d -> {
            JsonNode target = services.path(d.getKey());
            if (target.isMissingNode()) {
                problems.add(s.getKey() + " depends on unknown " + d.getKey());
            } else if ("service_healthy".equals(d.getValue().path("condition").asText()) && target.path("healthcheck").isMissingNode()) {
                problems.add(s.getKey() + " waits for " + d.getKey() + " to be healthy, which has no healthcheck");
            }
        }));

        assertThat(problems).isEmpty();
        // serving migrates the schema the job writes to, but its health reports Kafka down until this job
        // has created its topics: waiting for it to be healthy would wait forever
        assertThat(services.path("jobmanager").at("/depends_on/serving/condition").asText()).isEqualTo("service_started");
        assertThat(services.path("jobmanager").at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void bindMountsPointAtRepositoryFilesAndNamedVolumesAreDeclared() {
        JsonNode volumes = DeployFiles.yaml(FILE).path("volumes");
        List<String> problems = new ArrayList<>();
        services().fields().forEachRemaining(s -> s.getValue().path("volumes").forEach(v -> {
            String source = v.asText().split(":")[0];
            if (source.startsWith(".") || source.startsWith("/")) {
                if (!Files.exists(DeployFiles.path(source))) {
                    problems.add(s.getKey() + " mounts missing " + source);
                }
            } else if (!volumes.has(source)) {
                problems.add(s.getKey() + " uses undeclared volume " + source);
            }
        }));

        assertThat(problems).isEmpty();
        assertThat(services().at("/prometheus/volumes").toString()).contains("./deploy/prometheus/prometheus.yml");
        assertThat(services().at("/grafana/volumes").toString()).contains("./deploy/grafana/dashboards", "./deploy/grafana/provisioning");
    }

    @Test
    void theFlinkImageCarriesTheJobJarAndTheFlinkConf() {
        Map<String, String> copies = copies(DeployFiles.text("deploy/docker/job/Dockerfile"));

        assertThat(DeployFiles.text("deploy/docker/job/Dockerfile")).contains("FROM flink:1.20-java17");
        assertThat(copies).containsEntry("job/target/" + JobEntryPoint.jarName(), "/opt/flink/usrlib/" + JobEntryPoint.jarName())
                .containsEntry(FlinkConfTest.FILE, "/opt/flink/conf/config.yaml");
        assertThat(services().at("/jobmanager/build/dockerfile").asText()).isEqualTo("deploy/docker/job/Dockerfile");
        assertThat(services().at("/taskmanager/image").asText()).isEqualTo(services().at("/jobmanager/image").asText());
        assertThat(DeployFiles.text(".dockerignore").lines()).contains("!" + FlinkConfTest.FILE, "!job/target/" + JobEntryPoint.jarName());
    }

    @Test
    void theJobManagerRunsCandleJobMainWithOptionsItReads() {
        List<String> command = DeployFiles.strings(services().at("/jobmanager/command"));

        assertThat(command.get(0)).isEqualTo("standalone-job");
        assertThat(command.get(command.indexOf("--job-classname") + 1)).isEqualTo(JobEntryPoint.mainClass())
                .isEqualTo("io.jonbu.ohlcv.job.CandleJobMain");
        assertThat(JobEntryPoint.options()).as("parsed from " + JobEntryPoint.MAIN_SOURCE).contains("--db-url", "--symbols", "--feed-url");
        assertThat(command).contains("--db-url");
        assertThat(JobEntryPoint.unknownOptions(command)).isEmpty();
        assertThat(command).as("the job publishes the live stream serving reads").contains("--kafka-bootstrap");
        assertThat(JobEntryPoint.unknownOptions(List.of("standalone-job", "--db-url", "x", "--kafka-boostrap", "kafka:9092")))
                .containsExactly("--kafka-boostrap");
    }

    @Test
    void servingRunsJonbuServeWithArgumentsJonbuAccepts() {
        Map<String, String> copies = copies(DeployFiles.text("deploy/docker/serving/Dockerfile"));
        List<String> command = DeployFiles.strings(services().at("/serving/command"));

        assertThat(copies).containsEntry("cli/target/jonbu.jar", "/opt/jonbu/jonbu.jar");
        assertThat(DeployFiles.text("cli/pom.xml")).contains("<finalName>jonbu</finalName>");
        assertThat(DeployFiles.text("deploy/docker/serving/Dockerfile"))
                .contains("FROM eclipse-temurin:17-jre", "ENTRYPOINT [\"java\", \"-jar\", \"/opt/jonbu/jonbu.jar\"]");
        assertThat(command).startsWith("serve").contains("--db-url", "--kafka-bootstrap");
        assertThat(ServeCommandLine.problems(command)).isEmpty();
        assertThat(ServeCommandLine.problems(List.of("serve", "--db-url", "jdbc:postgresql://db/x", "--kafka-boostrap", "kafka:9092")))
                .contains("--kafka-boostrap");
    }

    static List<String> servicesWithoutImageOrBuild(JsonNode services) {
        List<String> missing = new ArrayList<>();
        services.fields().forEachRemaining(s -> {
            if (!s.getValue().has("image") && !s.getValue().has("build")) {
                missing.add(s.getKey());
            }
        });
        return missing;
    }

    static List<String> duplicateHostPorts(JsonNode services) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        services.forEach(s -> s.path("ports").forEach(p -> {
            String[] parts = p.asText().split(":");
            // HOST:CONTAINER or IP:HOST:CONTAINER; a bare CONTAINER port publishes on a random host port
            if (parts.length >= 2 && seen.merge(parts[parts.length - 2], 1, Integer::sum) == 2) {
                duplicates.add(parts[parts.length - 2]);
            }
        }));
        return duplicates;
    }

    static List<String> inlineSecrets(JsonNode services) {
        List<String> inline = new ArrayList<>();
        services.fields().forEachRemaining(s -> {
            JsonNode env = s.getValue().path("environment");
            Map<String, String> vars = new HashMap<>();
            if (env.isArray()) {
                env.forEach(e -> vars.put(e.asText().split("=", 2)[0], e.asText().contains("=") ? e.asText().split("=", 2)[1] : ""));
            } else {
                env.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
            }
            vars.forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches() && !value.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?[?-].*)?}")) {
                    inline.add(s.getKey() + "." + name);
                }
            });
        });
        inline.sort(null);
        return inline;
    }

    static Map<String, String> copies(String dockerfile) {
        Map<String, String> copies = new HashMap<>();
        Matcher m = COPY.matcher(dockerfile);
        while (m.find()) {
            copies.put(m.group(1), m.group(2));
        }
        return copies;
    }
}
