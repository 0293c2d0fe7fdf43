package dev.samuel.cli.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The platform on one machine without Docker: a broker, a schema registry and the four services as processes on
 * loopback ports, everything under one run directory. {@code down} stops only what {@code up} started.
 */
public final class LocalStack {

    private static final Duration STOP = Duration.ofSeconds(20);

    private final StackLayout layout;
    private final PrintStream out;
    private final StackParts parts;

    public LocalStack(StackLayout layout, PrintStream out) {
        this(layout, out, Map.of());
    }

    /**
     * A stack whose services get these system properties besides their own, per service, at every start and
     * restart: what a test changes of a service's configuration (a shorter Kafka session, say). {@code bin/samuel}
     * gives none.
     */
    public LocalStack(StackLayout layout, PrintStream out, Map<QuarkusService, Map<String, String>> serviceProperties) {
        this.layout = layout;
        this.out = out;
        this.parts = new StackParts(layout, out, serviceProperties);
    }

    public Optional<StackState> state() {
        return StackState.read(layout.stateFile());
    }

    /** Starts what is not running and waits until every part is ready; a running stack is left as it is. */
    public StackState up(StackPorts ports) throws InterruptedException {
        return up(ports, Map.of());
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
        return up(ports, kafkaClientSettings);
    }

    /** The Kafka client settings the services of a stack on a broker it did not start log in with; else none. */
    public Map<String, String> kafkaClientSettings() {
        return KafkaClientConfig.read(layout.kafkaClientConfig());
    }

    /** The broker is the stack's own unless {@code ports} name another, which the services log in to as told. */
    private StackState up(StackPorts ports, Map<String, String> kafkaClientSettings) throws InterruptedException {
        var running = state();
        if (running.isPresent() && running.get().processes().stream().allMatch(p -> p.handle().isPresent())) {
            out.println("The local stack is already running.");
            return running.get();
        }
        running.ifPresent(this::stop);
        ports.requireFree();
        new ModuleBuild(layout.home(), out).buildStale();
        var token = token();
        var state = new StackState(ports, List.of());
        try {
            if (ports.ownBroker()) {
                KafkaClientConfig.remove(layout.kafkaClientConfig());
                state = parts.startKafka(state);
            } else {
                KafkaClientConfig.write(layout.kafkaClientConfig(), kafkaClientSettings);
            }
            state = parts.launchSchemaRegistry(state, false);
            state = parts.startService(state, QuarkusService.REGISTRY, token);
            for (var service : List.of(QuarkusService.INGEST, QuarkusService.TRAINER, QuarkusService.INFERENCE)) {
                state = parts.startService(state, service, token);
            }
            parts.awaitSchemaRegistry(state);
            for (var service : List.of(QuarkusService.INGEST, QuarkusService.TRAINER, QuarkusService.INFERENCE)) {
                parts.awaitService(state, service);
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
            var status = process.handle().isEmpty() ? "stopped"
                    : StackParts.ready(state.ports(), process.name()) ? "ready" : "running";
            return new Part(process.name(), status, StackParts.address(state.ports(), process.name()), process.pid());
        }).toList()).orElse(List.of());
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
        if (name.equals(StackParts.KAFKA)) {
            parts.awaitKafka(parts.launchKafka(state, true));
        } else if (name.equals(StackParts.SCHEMA_REGISTRY)) {
            parts.awaitSchemaRegistry(parts.launchSchemaRegistry(state, true));
        } else {
            var service = StackParts.service(name);
            parts.awaitService(parts.launchService(state, service, token(), true), service);
        }
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
