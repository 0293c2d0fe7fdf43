package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The strict reading the manifest tests rely on refuses what the API server or the operators would not accept. */
class StrictParsingTest {

    private static JsonNode document(String file, String kind) {
        return Yaml.readAll(Manifests.DIR.resolve(file)).stream().filter(d -> d.path("kind").asText().equals(kind))
                .findFirst().orElseThrow().deepCopy();
    }

    @Test
    void readsTheRealManifestAsItIs() {
        var deployment = (Deployment) StrictModel.read(document("trainer-service.yaml", "Deployment"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    }

    @Test
    void refusesAnUnknownFieldDeepInADeployment() {
        var manifest = document("trainer-service.yaml", "Deployment");
        var container = (ObjectNode) manifest.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.get("readinessProbe"));
        assertThatThrownBy(() -> StrictModel.read(manifest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void refusesAnUnknownFieldInAStrimziResource() {
        var manifest = document("kafka.yaml", "Kafka");
        ((ObjectNode) manifest.at("/spec/kafka")).put("brokers", 3);
        assertThatThrownBy(() -> StrictModel.read(manifest)).hasMessageContaining("spec.kafka.brokers");
    }

    @Test
    void refusesAnUnknownFieldInAPodMonitorAndAScaledObject() {
        var podMonitor = document("podmonitor.yaml", "PodMonitor");
        ((ObjectNode) podMonitor.at("/spec/podMetricsEndpoints/0")).put("metricsPath", "/q/metrics");
        assertThatThrownBy(() -> StrictModel.read(podMonitor)).hasMessageContaining("metricsPath");

        var scaledObject = document("inference-autoscaling.yaml", "ScaledObject");
        ((ObjectNode) scaledObject.at("/spec")).put("maxReplicas", 3);
        assertThatThrownBy(() -> StrictModel.read(scaledObject)).hasMessageContaining("maxReplicas");
    }

    @Test
    void refusesAnUnknownFieldInAKafkaUserAndATriggerAuthentication() {
        var user = document("kafka-users.yaml", "KafkaUser");
        ((ObjectNode) user.at("/spec/authorization/acls/0/resource")).put("pattern", "prefix");
        assertThatThrownBy(() -> StrictModel.read(user)).hasMessageContaining("spec.authorization.acls[0].resource.pattern");

        var authentication = document("inference-autoscaling.yaml", "TriggerAuthentication");
        ((ObjectNode) authentication.at("/spec/secretTargetRef/0")).put("secret", "samuel-services");
        assertThatThrownBy(() -> StrictModel.read(authentication)).hasMessageContaining("spec.secretTargetRef[0].secret");
    }

    @Test
    void refusesAnAclOperationKafkaDoesNotHave() {
        var user = document("kafka-users.yaml", "KafkaUser");
        ((ArrayNode) user.at("/spec/authorization/acls/0/operations")).add("Produce");
        assertThatThrownBy(() -> StrictModel.read(user)).hasMessageContaining("Produce");
    }

    @Test
    void refusesANumberWhereKubernetesWantsAString() {
        var manifest = document("ingest-service.yaml", "ConfigMap");
        ((ObjectNode) manifest.at("/data")).put("SAMUEL_INGEST_TOPIC_PARTITIONS", 3);
        assertThatThrownBy(() -> StrictModel.read(manifest)).hasMessageContaining("data.SAMUEL_INGEST_TOPIC_PARTITIONS");
    }

    @Test
    void refusesAWrongApiVersionAndAnUnknownKind() {
        var manifest = (ObjectNode) document("trainer-service.yaml", "Deployment");
        manifest.put("apiVersion", "extensions/v1beta1");
        assertThatThrownBy(() -> StrictModel.read(manifest)).hasMessageContaining("apps/v1");
        manifest.put("kind", "DeploymentConfig");
        assertThatThrownBy(() -> StrictModel.read(manifest)).hasMessageContaining("unexpected kind");
    }

    @Test
    void refusesAKeyGivenTwice() {
        var file = Path.of(System.getProperty("java.io.tmpdir"), "samuel-deploy-duplicate.yaml");
        try {
            java.nio.file.Files.writeString(file, "a: 1\nb: 2\na: 3\n");
            assertThatThrownBy(() -> Yaml.read(file)).hasStackTraceContaining("Duplicate field 'a'");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            file.toFile().delete();
        }
    }

    @Test
    void checksWhatKedaNeedsOfAScaledObject() {
        var manifest = (ObjectNode) document("inference-autoscaling.yaml", "ScaledObject");
        assertThat(((ScaledObject) StrictModel.read(manifest)).problems()).isEmpty();
        ((ObjectNode) manifest.at("/spec/triggers/0/metadata")).remove("consumerGroup");
        ((ObjectNode) manifest.at("/spec/triggers/0/metadata")).put("lagTreshold", "5");
        ((ObjectNode) manifest.at("/spec/triggers/0/metadata")).put("sasl", "scram-sha-512");
        assertThat(((ScaledObject) StrictModel.read(manifest)).problems())
                .contains("kafka trigger needs consumerGroup", "kafka trigger has no parameter 'lagTreshold'")
                .anyMatch(problem -> problem.startsWith("kafka trigger's sasl must be one of"));
    }

    @Test
    void checksWhatKedaNeedsOfATriggerAuthentication() {
        var manifest = (ObjectNode) document("inference-autoscaling.yaml", "TriggerAuthentication");
        var authentication = (TriggerAuthentication) StrictModel.read(manifest);
        assertThat(authentication.problems()).isEmpty();
        assertThat(authentication.kafkaProblems()).isEmpty();
        ((ObjectNode) manifest.at("/spec/secretTargetRef/0")).remove("key");
        ((ObjectNode) manifest.at("/spec/configMapTargetRef/0")).put("parameter", "user");
        var broken = (TriggerAuthentication) StrictModel.read(manifest);
        assertThat(broken.problems()).singleElement().asString().contains("needs parameter, name and key");
        assertThat(broken.kafkaProblems()).containsExactly("the kafka scaler has no authentication parameter 'user'");
    }
}
