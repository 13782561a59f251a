package io.jonbu.ohlcv.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/ checked against the required fields of each kind (the FlinkDeployment CRD's spec
 * essentials, apps/v1 Deployment, v1 Service), against flink-conf/config.yaml, and against what the
 * jars accept. No cluster runs here.
 */
class KubernetesManifestsTest {
    private static final String FLINK_DEPLOYMENT = "deploy/k8s/flink-deployment.yaml";
    private static final String SERVING_DEPLOYMENT = "deploy/k8s/serving-deployment.yaml";
    private static final String SERVING_SERVICE = "deploy/k8s/serving-service.yaml";
    private static final List<String> OBJECT = List.of("apiVersion", "kind", "metadata.name");
    private static final List<String> FLINK_DEPLOYMENT_SPEC = List.of("spec.image", "spec.flinkVersion", "spec.serviceAccount",
            "spec.jobManager.resource.memory", "spec.jobManager.resource.cpu", "spec.taskManager.resource.memory",
            "spec.taskManager.resource.cpu", "spec.job.jarURI", "spec.job.upgradeMode", "spec.job.parallelism");
    /** Where the cluster differs from compose on purpose: its own storage, and what the operator sets from the spec. */
    private static final Set<String> CLUSTER_SPECIFIC = Set.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir");
    private static final Set<String> SET_BY_THE_OPERATOR = Set.of("jobmanager.rpc.address", "parallelism.default",
            "jobmanager.memory.process.size", "taskmanager.memory.process.size");

    @Test
    void theFlinkDeploymentHasTheFieldsTheOperatorRequires() {
        JsonNode deployment = DeployFiles.yaml(FLINK_DEPLOYMENT);
        JsonNode job = deployment.at("/spec/job");

        assertThat(DeployFiles.missing(deployment, concat(OBJECT, FLINK_DEPLOYMENT_SPEC))).isEmpty();
        assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(deployment.path("kind").asText()).isEqualTo("FlinkDeployment");
        assertThat(deployment.at("/spec/flinkVersion").asText()).isEqualTo("v1_20");
        assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(job.path("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/" + JobEntryPoint.jarName());
        assertThat(job.path("entryClass").asText()).isEqualTo(JobEntryPoint.mainClass());
        assertThat(JobEntryPoint.unknownOptions(DeployFiles.strings(job.path("args")))).isEmpty();
        assertThat(deployment.at("/spec/podTemplate").toString()).as("secrets from a Secret").contains("secretRef");
    }

    @Test
    void aManifestMissingRequiredFieldsIsReported() {
        JsonNode incomplete = DeployFiles.parseYaml("""
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: x}
                spec:
                  image: flink:1.20
                  flinkVersion: v1_20
                  jobManager: {resource: {memory: 1024m, cpu: 1}}
                  taskManager: {resource: {memory: "", cpu: 1}}
                  job: {jarURI: local:///opt/flink/usrlib/x.jar, parallelism: 2}
                """);

        assertThat(DeployFiles.missing(incomplete, concat(OBJECT, FLINK_DEPLOYMENT_SPEC)))
                .containsExactly("spec.serviceAccount", "spec.taskManager.resource.memory", "spec.job.upgradeMode");
    }

    @Test
    void theFlinkConfigurationIsFlinkKeysWithTheValuesOfFlinkConf() {
        JsonNode spec = DeployFiles.yaml(FLINK_DEPLOYMENT).path("spec");
        Map<String, String> cluster = DeployFiles.flatten(spec.path("flinkConfiguration"));
        Map<String, String> compose = DeployFiles.flatten(DeployFiles.yaml(FlinkConfTest.FILE));
        List<String> differences = new ArrayList<>();
        compose.forEach((key, value) -> {
            if (!SET_BY_THE_OPERATOR.contains(key) && !CLUSTER_SPECIFIC.contains(key) && !value.equals(cluster.get(key))) {
                differences.add(key + ": " + value + " in " + FlinkConfTest.FILE + ", " + cluster.get(key) + " here");
            }
        });
        cluster.keySet().stream().filter(k -> !compose.containsKey(k)).forEach(k -> differences.add(k + " only here"));

        assertThat(FlinkOptionKeys.onClasspath().unknown(cluster.keySet())).isEmpty();
        assertThat(differences).isEmpty();
        assertThat(cluster.get("execution.checkpointing.savepoint-dir")).as("upgradeMode savepoint needs it").isNotBlank();
        assertThat(cluster.get("execution.checkpointing.dir")).isNotBlank();
        assertThat(spec.at("/job/parallelism").asText()).isEqualTo(compose.get("parallelism.default"));
        assertThat(spec.at("/taskManager/resource/memory").asText()).isEqualTo(compose.get("taskmanager.memory.process.size"));
        assertThat(spec.at("/jobManager/resource/memory").asText()).isEqualTo(compose.get("jobmanager.memory.process.size"));
    }

    @Test
    void theServingDeploymentSelectsItsPodsAndProbesHealth() {
        JsonNode deployment = DeployFiles.yaml(SERVING_DEPLOYMENT);
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        JsonNode containers = deployment.at("/spec/template/spec/containers");

        assertThat(DeployFiles.missing(deployment, concat(OBJECT, List.of("spec.selector.matchLabels", "spec.template.metadata.labels",
                "spec.template.spec.containers")))).isEmpty();
        assertThat(deployment.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(deployment.path("kind").asText()).isEqualTo("Deployment");
        assertThat(unmatchedLabels(deployment.at("/spec/selector/matchLabels"), labels)).isEmpty();
        assertThat(containers).isNotEmpty().allSatisfy(c -> {
            assertThat(DeployFiles.missing(c, List.of("name", "image", "readinessProbe.httpGet.path", "livenessProbe.httpGet.path",
                    "resources.requests.memory", "resources.limits.memory"))).isEmpty();
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/api/v1/health");
            assertThat(c.path("ports").findValuesAsText("name")).contains(c.at("/readinessProbe/httpGet/port").asText());
            assertThat(c.path("envFrom").findValuesAsText("name")).as("secrets from a Secret").containsExactly("jonbu-secrets");
            assertThat(ServeCommandLine.problems(DeployFiles.strings(c.path("args")))).isEmpty();
        });
    }

    @Test
    void theServiceSelectsTheServingPodsOnANamedPort() {
        JsonNode service = DeployFiles.yaml(SERVING_SERVICE);
        JsonNode pod = DeployFiles.yaml(SERVING_DEPLOYMENT).at("/spec/template");

        assertThat(DeployFiles.missing(service, concat(OBJECT, List.of("spec.selector", "spec.ports")))).isEmpty();
        assertThat(service.path("kind").asText()).isEqualTo("Service");
        assertThat(unmatchedLabels(service.at("/spec/selector"), pod.at("/metadata/labels"))).isEmpty();
        assertThat(pod.at("/spec/containers").findValuesAsText("name"))
                .containsAll(service.at("/spec/ports").findValuesAsText("targetPort"));
    }

    @Test
    void aSelectorThePodsDoNotCarryIsReported() {
        JsonNode selector = DeployFiles.parseYaml("{app: serving, tier: web}");
        JsonNode labels = DeployFiles.parseYaml("{app: serving}");

        assertThat(unmatchedLabels(selector, labels)).containsExactly("tier=web");
    }

    /** The selector's label pairs that the labels do not carry. */
    static List<String> unmatchedLabels(JsonNode selector, JsonNode labels) {
        List<String> unmatched = new ArrayList<>();
        selector.fields().forEachRemaining(e -> {
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                unmatched.add(e.getKey() + "=" + e.getValue().asText());
            }
        });
        if (selector.isEmpty()) {
            unmatched.add("(empty selector)");
        }
        return unmatched;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
