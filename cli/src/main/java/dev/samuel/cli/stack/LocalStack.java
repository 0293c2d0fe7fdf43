package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The platform on one machine without Docker: a broker and the four services as processes on loopback ports,
 * everything under one run directory. {@code down} stops only what {@code up} started.
 */
public final class LocalStack {

    private static final Duration KAFKA_START = Duration.ofSeconds(60);
    private static final Duration SERVICE_START = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(20);

    private final StackLayout layout;
    private final PrintStream out;

    public LocalStack(StackLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    public Optional<StackState> state() {
        return StackState.read(layout.stateFile());
    }

    /** Starts what is not running and waits until every part is ready; a running stack is left as it is. */
    public StackState up(StackPorts ports) throws InterruptedException {
        return up(ports, Optional.empty());
    }

    /**
     * Runs the four services against a running broker, {@code ports.broker()}, instead of starting one, logging in
     * with these client settings (security.protocol, sasl.*, ssl.*; none for a plaintext broker).
     */
    public StackState upOnBroker(StackPorts ports, Map<String, String> kafkaClientSettings)
            throws InterruptedException {
        if (ports.ownBroker()) {
            throw new IllegalArgumentException("no broker address given");
        }
        return up(ports, Optional.of(kafkaClientSettings));
    }

    /** The Kafka client settings the services of a stack on a broker it did not start log in with; else none. */
    public Map<String, String> kafkaClientSettings() {
        return KafkaClientConfig.read(layout.kafkaClientConfig());
    }

    private StackState up(StackPorts ports, Optional<Map<String, String>> externalBroker) throws InterruptedException {
        var running = state();
        if (running.isPresent() && running.get().processes().stream().allMatch(p -> p.handle().isPresent())) {
            out.println("The local stack is already running.");
            return running.get();
        }
        running.ifPresent(this::stop);
        ports.requireFree();
        new ModuleBuild(layout.home(), out).buildMissing();
        var token = token();
        externalBroker.ifPresentOrElse(settings -> KafkaClientConfig.write(layout.kafkaClientConfig(), settings),
                () -> KafkaClientConfig.remove(layout.kafkaClientConfig()));
        var state = new StackState(ports, List.of());
        try {
            if (externalBroker.isEmpty()) {
                state = startKafka(state);
            }
            state = startService(state, QuarkusService.REGISTRY, token);
            for (var service : List.of(QuarkusService.INGEST, QuarkusService.TRAINER, QuarkusService.INFERENCE)) {
                state = startService(state, service, token);
            }
            for (var service : List.of(QuarkusService.INGEST, QuarkusService.TRAINER, QuarkusService.INFERENCE)) {
                awaitService(state, service);
            }
        } catch (RuntimeException | InterruptedException e) {
            stop(state);
            throw e;
        }
        out.println("The local stack is up; logs in " + layout.logs());
        return state;
    }

    /** Stops every process {@code up} started, newest first, and forgets them. */
    public boolean down() {
        var state = state();
        state.ifPresent(this::stop);
        return state.isPresent();
    }

    /** Deletes the run directory (topics, artifacts, logs, token) of a stack that is not running. */
    public void purge() throws IOException {
        if (state().stream().flatMap(state -> state.processes().stream()).anyMatch(p -> p.handle().isPresent())) {
            throw new StackException("the local stack is running: stop it with `bin/samuel down` first");
        }
        if (Files.exists(layout.runDir())) {
            try (var paths = Files.walk(layout.runDir())) {
                for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** One process of a running stack, as {@code status} shows it. */
    public record Part(String name, String state, String address, long pid) {
    }

    /** Every process {@code up} started: stopped, running (not ready yet) or ready. Empty when none was started. */
    public List<Part> health() {
        return state().map(state -> state.processes().stream().map(process -> {
            boolean kafka = process.name().equals(KAFKA);
            var address = kafka ? state.ports().bootstrap() : state.ports().url(service(process.name()));
            var status = process.handle().isEmpty() ? "stopped"
                    : (kafka ? Readiness.kafkaReady(address) : Readiness.httpReady(address)) ? "ready" : "running";
            return new Part(process.name(), status, address, process.pid());
        }).toList()).orElse(List.of());
    }

    private static QuarkusService service(String module) {
        return Arrays.stream(QuarkusService.values()).filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }

    /** The registry's write token of this stack, created on first use. */
    public String token() {
        return RegistryToken.readOrCreate(layout.tokenFile());
    }

    /**
     * Kills one part of the running stack without letting it shut down cleanly (SIGKILL), as a crash would: what
     * the reliability suite does to prove nothing is lost. {@link #restart} brings it back.
     */
    public void kill(String name) {
        var state = state().orElseThrow(() -> new StackException("no local stack is running"));
        state.process(name).flatMap(StackState.Started::handle).ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().join();
        });
    }

    /** Starts a part of the running stack again, on its ports, and waits until it is ready. */
    public void restart(String name) throws InterruptedException {
        var state = state().orElseThrow(() -> new StackException("no local stack is running"));
        var process = state.process(name).orElseThrow(() -> new StackException("the stack has no " + name));
        process.handle().ifPresent(handle -> {
            throw new StackException(name + " is still running (pid " + handle.pid() + ")");
        });
        if (name.equals(KAFKA)) {
            awaitKafka(launchKafka(state, true));
        } else {
            var service = service(name);
            awaitService(launchService(state, service, token(), true), service);
        }
    }

    private static final String KAFKA = "kafka";

    private StackState startKafka(StackState state) throws InterruptedException {
        var next = launchKafka(state, false);
        awaitKafka(next);
        return next;
    }

    private StackState launchKafka(StackState state, boolean again) throws InterruptedException {
        out.println("Starting Kafka on " + state.ports().bootstrap() + " ...");
        return record(state, new KafkaNode(layout, state.ports()).start(marker(KAFKA)), again);
    }

    private void awaitKafka(StackState state) throws InterruptedException {
        var bootstrap = state.ports().bootstrap();
        Readiness.await(state.process(KAFKA).orElseThrow(), () -> Readiness.kafkaReady(bootstrap), layout.log(KAFKA),
                KAFKA_START);
    }

    private StackState startService(StackState state, QuarkusService service, String token)
            throws InterruptedException {
        var next = launchService(state, service, token, false);
        if (service == QuarkusService.REGISTRY) {
            awaitService(next, service);
        }
        return next;
    }

    private StackState launchService(StackState state, QuarkusService service, String token, boolean again) {
        out.println("Starting " + service.module() + " on " + state.ports().url(service) + " ...");
        var started = ProcessLauncher.start(service.module(), ServiceCommand.javaArgs(service, layout),
                ServiceCommand.environment(service, state.ports(), token, layout), layout.log(service.module()),
                marker(service.module()));
        return record(state, started, again);
    }

    private void awaitService(StackState state, QuarkusService service) throws InterruptedException {
        var url = state.ports().url(service);
        Readiness.await(state.process(service.module()).orElseThrow(), () -> Readiness.httpReady(url),
                layout.log(service.module()), SERVICE_START);
        out.println("  " + service.module() + " is ready");
    }

    private StackState record(StackState state, StackState.Started process, boolean again) {
        var next = again ? state.replacing(process) : state.with(process);
        next.write(layout.stateFile());
        return next;
    }

    private String marker(String process) {
        return layout.runDir().toAbsolutePath() + "#" + process;
    }

    private void stop(StackState state) {
        var processes = new ArrayList<>(state.processes());
        Collections.reverse(processes);
        for (var process : processes) {
            process.handle().ifPresent(handle -> {
                out.println("Stopping " + process.name() + " (pid " + process.pid() + ")");
                handle.destroy();
                try {
                    handle.onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            });
        }
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
