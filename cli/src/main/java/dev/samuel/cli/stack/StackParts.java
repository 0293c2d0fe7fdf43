package dev.samuel.cli.stack;

import dev.samuel.plumbing.launch.JavaCommand;
import dev.samuel.plumbing.launch.Readiness;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Starts one part of a local stack, the broker or a service, records it in the state file at once (so {@code down}
 * finds it even if what follows fails), and waits until it is ready.
 */
final class StackParts {

    static final String KAFKA = "kafka";
    static final String SCHEMA_REGISTRY = SchemaRegistryNode.NAME;
    private static final Duration KAFKA_START = Duration.ofSeconds(60);
    private static final Duration SERVICE_START = Duration.ofSeconds(180);

    private final StackLayout layout;
    private final PrintStream out;
    private final Map<QuarkusService, Map<String, String>> serviceProperties;

    StackParts(StackLayout layout, PrintStream out, Map<QuarkusService, Map<String, String>> serviceProperties) {
        this.layout = layout;
        this.out = out;
        this.serviceProperties = Map.copyOf(serviceProperties);
    }

    StackState startKafka(StackState state) throws InterruptedException {
        var next = launchKafka(state, false);
        awaitKafka(next);
        return next;
    }

    StackState launchKafka(StackState state, boolean again) throws InterruptedException {
        out.println("Starting Kafka on " + state.ports().bootstrap() + " ...");
        return record(state, launch(KAFKA, new KafkaNode(layout, state.ports()).prepare()), again);
    }

    void awaitKafka(StackState state) throws InterruptedException {
        var bootstrap = state.ports().bootstrap();
        Readiness.await(KAFKA, state.process(KAFKA).orElseThrow().pid(), () -> Readiness.kafkaReady(bootstrap),
                layout.log(KAFKA), KAFKA_START);
    }

    /** Not waited for here: it starts while the services do, and the services ask it for schemas only later. */
    StackState launchSchemaRegistry(StackState state, boolean again) {
        out.println("Starting the schema registry on " + state.ports().schemaRegistryUrl() + " ...");
        return record(state, launch(SCHEMA_REGISTRY, new SchemaRegistryNode(layout, state.ports()).command()), again);
    }

    void awaitSchemaRegistry(StackState state) throws InterruptedException {
        Readiness.await(SCHEMA_REGISTRY, state.process(SCHEMA_REGISTRY).orElseThrow().pid(),
                () -> SchemaRegistryNode.ready(state.ports()), layout.log(SCHEMA_REGISTRY), SERVICE_START);
        out.println("  " + SCHEMA_REGISTRY + " is ready");
    }

    /** Where a part of the stack answers, as {@code status} shows it. */
    static String address(StackPorts ports, String part) {
        return switch (part) {
            case KAFKA -> ports.bootstrap();
            case SCHEMA_REGISTRY -> ports.schemaRegistryUrl();
            default -> ports.url(service(part));
        };
    }

    /** Whether a part of the stack answers its readiness check. */
    static boolean ready(StackPorts ports, String part) {
        return switch (part) {
            case KAFKA -> Readiness.kafkaReady(ports.bootstrap());
            case SCHEMA_REGISTRY -> SchemaRegistryNode.ready(ports);
            default -> Readiness.httpReady(ports.url(service(part)));
        };
    }

    static QuarkusService service(String module) {
        return Arrays.stream(QuarkusService.values()).filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }

    /** Waits for the registry alone at once: the other services read it as they start. */
    StackState startService(StackState state, QuarkusService service, String token)
            throws InterruptedException {
        var next = launchService(state, service, token, false);
        if (service == QuarkusService.REGISTRY) {
            awaitService(next, service);
        }
        return next;
    }

    StackState launchService(StackState state, QuarkusService service, String token, boolean again) {
        out.println("Starting " + service.module() + " on " + state.ports().url(service) + " ...");
        var command = ServiceCommand.of(service, layout, state.ports(), token);
        serviceProperties.getOrDefault(service, Map.of()).forEach(command::property);
        return record(state, launch(service.module(), command), again);
    }

    void awaitService(StackState state, QuarkusService service) throws InterruptedException {
        var url = state.ports().url(service);
        Readiness.await(service.module(), state.process(service.module()).orElseThrow().pid(),
                () -> Readiness.httpReady(url), layout.log(service.module()), SERVICE_START);
        out.println("  " + service.module() + " is ready");
    }

    /**
     * Detached from the terminal, with a marker on its command line so that {@code down} never stops a process that
     * merely reuses its pid.
     */
    private StackState.Started launch(String name, JavaCommand command) {
        var marker = layout.runDir().toAbsolutePath() + "#" + name;
        var process = command.property("samuel.stack", marker).detached().log(layout.log(name)).start();
        return new StackState.Started(name, process.pid(), marker);
    }

    private StackState record(StackState state, StackState.Started process, boolean again) {
        var next = again ? state.replacing(process) : state.with(process);
        next.write(layout.stateFile());
        return next;
    }
}
