package dev.samuel.cli.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the local stack runs one service: the JVM's arguments and the environment, as its README documents them. */
final class ServiceCommand {

    private ServiceCommand() {
    }

    static List<String> javaArgs(QuarkusService service, StackLayout layout) {
        var args = new ArrayList<>(List.of("-Xmx" + service.heap(), "-Dquarkus.http.host=127.0.0.1"));
        switch (service) {
            case REGISTRY -> args.add("-Dsamuel.registry.artifacts.dir=" + layout.artifacts());
            // Kafka Streams' state would otherwise go to /tmp, shared by every stack on the machine.
            case INGEST -> args.add("-Dkafka-streams.state.dir=" + layout.streamsState());
            // One replica, so a fixed instance id: a restart takes over its transactions at once.
            case INFERENCE -> args.add("-Dsamuel.inference.instance-id=local-0");
            case TRAINER -> {
            }
        }
        args.add("-jar");
        args.add(service.jar(layout.home()).toString());
        return args;
    }

    static Map<String, String> environment(QuarkusService service, StackPorts ports, String token,
            StackLayout layout) {
        var env = new HashMap<String, String>();
        KafkaClientConfig.location(layout.kafkaClientConfig())
                .ifPresent(location -> env.put("QUARKUS_CONFIG_LOCATIONS", location));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.of(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", ports.bootstrap());
        if (service != QuarkusService.INGEST && service != QuarkusService.REGISTRY) {
            env.put("SAMUEL_REGISTRY_URL", ports.url(QuarkusService.REGISTRY));
        }
        if (service == QuarkusService.REGISTRY || service == QuarkusService.TRAINER) {
            env.put("SAMUEL_REGISTRY_WRITE_TOKEN", token);
        }
        return env;
    }
}
