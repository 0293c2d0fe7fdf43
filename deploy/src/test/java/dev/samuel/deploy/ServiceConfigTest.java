package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** The configuration the other tests hold the deployment files to is the configuration the services read. */
class ServiceConfigTest {

    static final List<String> SERVICES = Repo.SERVICES;

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");

    @Test
    void readsPortsAndEnvironmentFromTheServicesOwnFiles() {
        assertThat(ServiceConfig.of("ingest-service").httpPort()).isEqualTo(8081);
        var registry = ServiceConfig.of("model-registry");
        assertThat(registry.httpPort()).isEqualTo(8082);
        assertThat(registry.reads("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(registry.reads("SAMUEL_REGISTRY_ARTIFACTS_S3_SECRET_KEY")).as("'.secret-key' row").isTrue();
        assertThat(registry.reads("SAMUEL_REGISTRY_ARTIFACT_DIR")).isFalse();
        var inference = ServiceConfig.of("inference-service");
        assertThat(inference.reads("HOSTNAME")).isTrue();
        assertThat(inference.reads("SAMUEL_INFERENCE_INSTANCE_ID")).isTrue();
        assertThat(inference.reads("SAMUEL_REGISTRY_WRITE_TOKEN")).isFalse();
        assertThat(inference.readmeDefaults()).containsEntry("samuel.inference.group-id", "samuel-inference");
        var trainer = ServiceConfig.of("trainer-service");
        assertThat(trainer.reads("SAMUEL_REGISTRY_WRITE_TOKEN")).isTrue();
        assertThat(trainer.reads("SAMUEL_TRAINER_WRITE_TOKEN")).isTrue();
    }

    /** How a service logs in to Kafka is configuration its files need not name (README.md, "Kafka security"). */
    @Test
    void takesKafkaSettingsAsItsQuarkusExtensionsDo() {
        for (var service : List.of("model-registry", "trainer-service", "inference-service")) {
            var config = ServiceConfig.of(service);
            assertThat(config.reads("KAFKA_SECURITY_PROTOCOL")).as(service).isTrue();
            assertThat(config.reads("KAFKA_SASL_JAAS_CONFIG")).as(service).isTrue();
            assertThat(config.reads("KAFKA_SASL_JASS_CONFIG")).as(service + ", misspelt").isFalse();
            assertThat(config.reads("QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG")).as(service + ", not Kafka Streams").isFalse();
            assertThat(config.declares("kafka.sasl.mechanism")).as(service).isTrue();
        }
        var ingest = ServiceConfig.of("ingest-service");
        assertThat(ingest.reads("QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL")).isTrue();
        assertThat(ingest.reads("QUARKUS_KAFKA_STREAMS_SASL_MECHANISM")).isTrue();
        assertThat(ingest.reads("QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG")).isTrue();
        assertThat(ingest.reads("KAFKA_SASL_JAAS_CONFIG")).as("ingest has no default Kafka configuration").isFalse();
        assertThat(ingest.declares("kafka-streams.sasl.*")).isTrue();
        assertThat(ingest.declares("kafka-streams.sasl.jaas")).isFalse();
        assertThat(ingest.declares("quarkus.kafka-streams.sasl.jaas-config")).isTrue();
        assertThat(ingest.declares("quarkus.kafka-streams.sasl.jaas.config")).isFalse();
    }

    @Test
    void expandsAbbreviatedSiblingKeys() {
        var table = ServiceConfig.readmeTable("""
                # a-service

                ## Configuration

                | key | default | meaning |
                | --- | --- | --- |
                | `A_B` / `a.b` | `1` | x |
                | `s.t.access-key`, `.secret-key` | none | y |

                ## Next
                | `not.a.key` | | |
                """);
        assertThat(table).containsOnlyKeys("A_B", "a.b", "s.t.access-key", "s.t.secret-key");
        assertThat(table).containsEntry("a.b", "1");
    }

    /** Every samuel.* key of the README is a method path of the service's @ConfigMapping; others are in its properties. */
    @ParameterizedTest
    @FieldSource("SERVICES")
    void readmeKeysExistInTheCode(String service) throws IOException {
        var config = ServiceConfig.of(service);
        var mappings = configMappings(Repo.path(service + "/src/main/java"));
        assertThat(mappings).as("@ConfigMapping sources of " + service).isNotEmpty();
        for (var key : config.readmeDefaults().keySet()) {
            if (key.toUpperCase().equals(key)) {
                assertThat(config.envReferences()).as(service + " README variable " + key).contains(key);
            } else if (key.startsWith("samuel.")) {
                assertThat(mappings.stream().anyMatch(m -> m.declares(key)))
                        .as(service + " README key " + key + " in a @ConfigMapping").isTrue();
            } else {
                assertThat(config.declares(key)).as(service + " README key " + key + ": not in its properties, "
                        + "not a property of a Quarkus extension it configures, not a Kafka client setting").isTrue();
            }
        }
    }

    private record Mapping(String prefix, String source) {

        boolean declares(String key) {
            if (!key.startsWith(prefix + ".")) {
                return false;
            }
            return Arrays.stream(key.substring(prefix.length() + 1).split("\\."))
                    .allMatch(segment -> source.contains(" " + camelCase(segment) + "()"));
        }

        private static String camelCase(String kebab) {
            var parts = kebab.split("-");
            var name = new StringBuilder(parts[0]);
            for (var i = 1; i < parts.length; i++) {
                name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return name.toString();
        }
    }

    private static List<Mapping> configMappings(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Repo::read)
                    .flatMap(source -> MAPPING.matcher(source).results().map(m -> new Mapping(m.group(1), source)))
                    .toList();
        }
    }
}
