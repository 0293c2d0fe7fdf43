package dev.samuel.cli.stack;

import dev.samuel.plumbing.launch.JavaCommand;
import java.util.HashMap;
import java.util.Map;

/** How the local stack runs one service: the JVM's arguments and the environment, as its README documents them. */
final class ServiceCommand {

    private ServiceCommand() {
    }

    static JavaCommand of(QuarkusService service, StackLayout layout, StackPorts ports, String token) {
        var command = service.packaged(layout.home()).command(ports.of(service)).option("-Xmx" + service.heap());
        switch (service) {
            case REGISTRY -> command.property("samuel.registry.artifacts.dir", layout.artifacts());
            // Kafka Streams' state would otherwise go to /tmp, shared by every stack on the machine.
            case INGEST -> command.property("kafka-streams.state.dir", layout.streamsState());
            // One replica, so a fixed instance id: a restart takes over its transactions at once. The judge's
            // stores, like ingest's, in the run directory: under /tmp every stack's local-0 would share one lock.
            case INFERENCE -> command.property("samuel.inference.instance-id", "local-0")
                    .property("samuel.inference.judge.state-dir", layout.judgeState());
            // Likewise a fixed name: a restarted trainer takes its models back at once, not after the group's session.
            case TRAINER -> command.property("samuel.trainer.instance", "local-0");
        }
        return command.env(environment(service, ports, token, layout));
    }

    static Map<String, String> environment(QuarkusService service, StackPorts ports, String token,
            StackLayout layout) {
        var env = new HashMap<String, String>();
        KafkaClientConfig.location(layout.kafkaClientConfig())
                .ifPresent(location -> env.put("QUARKUS_CONFIG_LOCATIONS", location));
        env.put("KAFKA_BOOTSTRAP_SERVERS", ports.bootstrap());
        if (service != QuarkusService.INGEST && service != QuarkusService.REGISTRY) {
            env.put("SAMUEL_REGISTRY_URL", ports.url(QuarkusService.REGISTRY));
        }
        if (service == QuarkusService.REGISTRY || service == QuarkusService.TRAINER) {
            env.put("SAMUEL_REGISTRY_WRITE_TOKEN", token);
        }
        // Avro records are read through the stack's schema registry; the model registry reads none.
        var schemaRegistry = switch (service) {
            case INGEST -> "SAMUEL_INGEST_SCHEMA_REGISTRY";
            case TRAINER -> "SAMUEL_TRAINER_SCHEMA_REGISTRY";
            case INFERENCE -> "SAMUEL_INFERENCE_SCHEMA_REGISTRY";
            case REGISTRY -> null;
        };
        if (schemaRegistry != null) {
            env.put(schemaRegistry, ports.schemaRegistryUrl());
        }
        return env;
    }
}
