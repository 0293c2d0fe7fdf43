package dev.samuel.cli;

import dev.samuel.cli.http.TrainerApi;
import dev.samuel.cli.stack.KafkaClientConfig;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.StackLayout;
import dev.samuel.cli.stack.StackPorts;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.registry.RegistryClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * Where the platform is. Each address comes from its option, else its environment variable, else the local
 * stack that {@code samuel up} started, else the default ports: so on a laptop no option is needed.
 */
public final class Endpoints {

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (env SAMUEL_BOOTSTRAP; default: the local stack's)")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client properties for a secured "
            + "cluster: security.protocol, sasl.*, ssl.* (env SAMUEL_KAFKA_CONFIG; default: those of the local stack's "
            + "services)")
    Path kafkaConfig;

    @Option(names = "--registry", description = "model-registry URL (env SAMUEL_REGISTRY_URL)")
    String registry;

    @Option(names = "--trainer", description = "trainer-service URL (env SAMUEL_TRAINER_URL)")
    String trainer;

    @Option(names = "--token", description = "the platform's write token for the registry and the trainer (env SAMUEL_REGISTRY_WRITE_TOKEN; default: the local stack's)")
    String token;

    public static StackLayout layout() {
        return StackLayout.of(Path.of(System.getProperty("samuel.home", ".")).toAbsolutePath().normalize());
    }

    public String bootstrap() {
        return first(bootstrap, System.getenv("SAMUEL_BOOTSTRAP"), ports().bootstrap());
    }

    public String registryUrl() {
        return first(registry, System.getenv("SAMUEL_REGISTRY_URL"), ports().url(QuarkusService.REGISTRY));
    }

    public String trainerUrl() {
        return first(trainer, System.getenv("SAMUEL_TRAINER_URL"), ports().url(QuarkusService.TRAINER));
    }

    /**
     * The root of the schema registry's Confluent API that Avro records are registered at: {@code option}, else
     * {@code SAMUEL_SCHEMA_REGISTRY_URL}, else the local stack's.
     */
    public String schemaRegistryUrl(String option) {
        return first(option, System.getenv("SAMUEL_SCHEMA_REGISTRY_URL"), ports().schemaRegistryUrl());
    }

    /** One try per call: a person at the terminal hears of a failure at once. */
    public RegistryClient registry() {
        return new RegistryClient(URI.create(registryUrl()), token(), Backoff.NONE, Duration.ofSeconds(30));
    }

    public TrainerApi trainer() {
        return new TrainerApi(trainerUrl(), token());
    }

    /** Settings every Kafka client of the cli starts from: where the cluster is, and how to log in to it. */
    public Map<String, Object> kafka() {
        var file = kafkaConfig != null ? kafkaConfig.toString() : System.getenv("SAMUEL_KAFKA_CONFIG");
        var config = new HashMap<String, Object>(file != null && !file.isBlank()
                ? KafkaClientConfig.load(Path.of(file)) : new LocalStack(layout(), System.out).kafkaClientSettings());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return config;
    }

    private String token() {
        var local = layout().tokenFile();
        return first(token, System.getenv("SAMUEL_REGISTRY_WRITE_TOKEN"),
                Files.exists(local) ? new LocalStack(layout(), System.out).token() : null);
    }

    private static StackPorts ports() {
        return new LocalStack(layout(), System.out).state().map(state -> state.ports()).orElse(StackPorts.DEFAULT);
    }

    private static String first(String... candidates) {
        for (var candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
