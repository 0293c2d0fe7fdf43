package dev.samuel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docker-compose.yml and the Dockerfiles it builds agree with each other and with the services. */
class ComposeTest {

    static final List<String> SERVICES = Repo.SERVICES;

    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)\\s*$");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+([A-Za-z_][A-Za-z0-9_]*)[= ]");

    private final Compose compose = new Compose();

    @Test
    void declaresKafkaTheServicesAndMonitoring() {
        assertThat(compose.services().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("kafka", "schema-registry", "ingest-service", "model-registry",
                        "inference-service", "trainer-service", "prometheus", "grafana");
    }

    /** The services that read Avro records find the registry's Confluent API; hosts on 8085, as the local stack. */
    @Test
    void wiresTheSchemaRegistryIntoTheServicesThatReadAvro() {
        assertThat(compose.service("schema-registry").path("image").asText())
                .isEqualTo("apicurio/apicurio-registry-mem:2.4.2.Final");
        assertThat(compose.ports("schema-registry")).containsExactly(new Compose.Port(8085, 8080));
        var url = "http://schema-registry:8080/apis/ccompat/v7";
        assertThat(compose.environment("ingest-service")).containsEntry("SAMUEL_INGEST_SCHEMA_REGISTRY", url);
        assertThat(compose.environment("trainer-service")).containsEntry("SAMUEL_TRAINER_SCHEMA_REGISTRY", url);
        assertThat(compose.environment("inference-service")).containsEntry("SAMUEL_INFERENCE_SCHEMA_REGISTRY", url);
        assertThat(compose.environment("model-registry")).doesNotContainKey("SAMUEL_REGISTRY_SCHEMA_REGISTRY");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void buildsEachServiceFromItsModuleAndDockerfile(String service) {
        var build = compose.service(service).path("build");
        var context = Repo.path(build.path("context").asText()).normalize();
        assertThat(context).isEqualTo(Repo.path(service));
        var dockerfile = context.resolve(build.path("dockerfile").asText());
        assertThat(dockerfile).isRegularFile();

        var text = Repo.read(dockerfile);
        var port = ServiceConfig.of(service).httpPort();
        assertThat(EXPOSE.matcher(text).results().map(m -> Integer.parseInt(m.group(1))))
                .as("EXPOSE of " + dockerfile).containsExactly(port);
        // ONNX Runtime and RocksDB load glibc builds of their native libraries.
        assertThat(FROM.matcher(text).results().map(m -> m.group(1))).singleElement().asString()
                .doesNotContainIgnoringCase("alpine");
        for (var layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertThat(text).contains("COPY --chown=185 target/quarkus-app/" + layer);
        }
        var config = ServiceConfig.of(service);
        assertThat(ENV.matcher(text).results().map(m -> m.group(1)))
                .allSatisfy(name -> assertThat(config.reads(name) || ServiceConfig.IMAGE_ENVIRONMENT.contains(name))
                        .as(dockerfile + " sets " + name + ", which " + service + " does not read").isTrue());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void publishesTheServicePortOnTheSamePort(String service) {
        var port = ServiceConfig.of(service).httpPort();
        assertThat(compose.ports(service)).containsExactly(new Compose.Port(port, port));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void setsOnlyVariablesTheServiceReads(String service) {
        var config = ServiceConfig.of(service);
        var environment = compose.environment(service);
        assertThat(environment).isNotEmpty();
        assertThat(environment.keySet()).allSatisfy(name ->
                assertThat(config.reads(name) || ServiceConfig.IMAGE_ENVIRONMENT.contains(name))
                        .as(service + " gets " + name + ", which it does not read; it reads " + config.environment())
                        .isTrue());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void reachesKafkaOnTheInternalListenerAndWaitsForIt(String service) {
        var advertised = List.of(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(","));
        assertThat(advertised).contains("INTERNAL://" + compose.environment(service).get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(compose.service(service).path("depends_on").path("kafka").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void kafkaIsOneKraftNodeWithSingleReplicaInternalTopics() {
        var kafka = compose.environment("kafka");
        assertThat(compose.service("kafka").path("image").asText()).startsWith("apache/kafka:4.1.");
        assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("EXTERNAL://localhost:9092");
        assertThat(compose.ports("kafka")).contains(new Compose.Port(9092, 9092));
        var logDirs = kafka.get("KAFKA_LOG_DIRS");
        assertThat(compose.mounts("kafka")).anySatisfy(m -> assertThat(m.target()).isEqualTo(logDirs));
    }

    @Test
    void wiresTheRegistryUrlAndOneWriteToken() {
        var registryUrl = "http://model-registry:" + ServiceConfig.of("model-registry").httpPort();
        for (var service : List.of("inference-service", "trainer-service")) {
            assertThat(compose.environment(service)).containsEntry("SAMUEL_REGISTRY_URL", registryUrl);
        }
        var token = compose.environment("model-registry").get("SAMUEL_REGISTRY_WRITE_TOKEN");
        assertThat(token).as("taken from the user's environment, with a local default")
                .startsWith("${SAMUEL_REGISTRY_WRITE_TOKEN:-").endsWith("}");
        assertThat(compose.environment("trainer-service")).containsEntry("SAMUEL_REGISTRY_WRITE_TOKEN", token);
    }

    @Test
    void keepsRegistryArtifactsOnANamedVolume() {
        var dir = compose.environment("model-registry").get("SAMUEL_REGISTRY_ARTIFACTS_DIR");
        var mount = compose.mounts("model-registry").stream().filter(m -> m.target().equals(dir)).findFirst();
        assertThat(mount).as("a volume on " + dir).isPresent();
        assertThat(mount.get().isBind()).isFalse();
        assertThat(compose.root.path("volumes").has(mount.get().source())).isTrue();
    }

    @Test
    void givesInferenceAStableInstanceId() {
        assertThat(compose.environment("inference-service").get("SAMUEL_INFERENCE_INSTANCE_ID")).isNotBlank();
    }

    @Test
    void mountsOnlyFilesThatExistAndVolumesThatAreDeclared() {
        compose.services().fieldNames().forEachRemaining(service -> {
            for (var mount : compose.mounts(service)) {
                if (mount.isBind()) {
                    assertThat(Files.exists(Repo.path(mount.source()))).as(service + " mounts " + mount.source()).isTrue();
                } else {
                    assertThat(compose.root.path("volumes").has(mount.source()))
                            .as(service + " uses undeclared volume " + mount.source()).isTrue();
                }
            }
        });
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void checksReadinessOnTheServicePort(String service) {
        var healthcheck = compose.service(service).path("healthcheck").path("test");
        var command = new StringBuilder();
        healthcheck.forEach(part -> command.append(part.asText()).append(' '));
        assertThat(command.toString()).contains("/127.0.0.1/" + ServiceConfig.of(service).httpPort())
                .contains("GET /q/health/ready ");
    }

    @Test
    void dependsOnlyOnDeclaredServicesWithAConditionTheyCanMeet() {
        compose.services().fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
                .forEachRemaining(dependency -> {
                    var condition = dependency.getValue().path("condition").asText();
                    assertThat(compose.services().has(dependency.getKey()))
                            .as(service.getKey() + " depends on unknown " + dependency.getKey()).isTrue();
                    assertThat(condition).isIn("service_started", "service_healthy");
                    if (condition.equals("service_healthy")) {
                        assertThat(compose.service(dependency.getKey()).has("healthcheck"))
                                .as(dependency.getKey() + " has a healthcheck").isTrue();
                    }
                }));
        for (var service : List.of("ingest-service", "inference-service", "trainer-service")) {
            assertThat(compose.service(service).path("depends_on").path("model-registry").path("condition").asText())
                    .as(service + " waits for the registry, which creates samuel.registry").isEqualTo("service_healthy");
        }
    }
}
