package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.cli.Endpoints;
import dev.samuel.cli.stack.KafkaClientConfig;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.StackPorts;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Start a local stack (Kafka, a schema registry and the four services, no Docker), or "
        + "the registry and the services alone on a cluster given with --kafka, and wait until it is ready.")
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "run the services on this Kafka cluster "
            + "instead of starting a broker")
    String kafka;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "with --kafka: Kafka client properties the "
            + "services and the cli log in with (security.protocol, sasl.*, ssl.*)")
    Path kafkaConfig;

    @Override
    public Integer call() throws Exception {
        if (kafkaConfig != null && kafka == null) {
            throw new CliException("--kafka-config needs --kafka: the stack's own broker takes no login");
        }
        var stack = new LocalStack(Endpoints.layout(), System.out);
        var state = kafka == null ? stack.up(StackPorts.DEFAULT) : stack.upOnBroker(StackPorts.DEFAULT.onBroker(kafka),
                kafkaConfig == null ? Map.of() : KafkaClientConfig.load(kafkaConfig));
        System.out.println();
        System.out.printf("  %-18s %s%n", "kafka", state.ports().bootstrap());
        System.out.printf("  %-18s %s%n", "schema-registry", state.ports().schemaRegistryUrl());
        for (var service : QuarkusService.values()) {
            System.out.printf("  %-18s %s%n", service.module(), state.ports().url(service));
        }
        System.out.println();
        System.out.println("Stop it with `bin/samuel down`.");
        return 0;
    }
}
