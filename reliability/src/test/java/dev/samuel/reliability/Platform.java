package dev.samuel.reliability;

import dev.samuel.cli.UserTopics;
import dev.samuel.cli.http.TrainerApi;
import dev.samuel.cli.stack.LocalStack;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.cli.stack.StackLayout;
import dev.samuel.cli.stack.StackPorts;
import dev.samuel.cli.stack.StackState;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.registry.RegistryClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The packaged platform as processes on free ports, with its own run directory under target/, and what the suites
 * do with it as a user would: register a model, wait for its data and its jobs.
 */
final class Platform implements AutoCloseable {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Duration SETTLE = Duration.ofMinutes(3);

    final LocalStack stack;
    final StackState state;
    private final Map<String, Object> kafka;

    private Platform(LocalStack stack, StackState state, Map<String, Object> login) {
        this.stack = stack;
        this.state = state;
        this.kafka = new HashMap<>(login);
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, state.ports().bootstrap());
    }

    /**
     * Ingest's Kafka Streams members are dynamic: a killed instance's partitions reach its restarted successor, a new
     * member, only once the group has expired the dead one's session. Kafka's 45 s would be waited out at each crash
     * of ingest; 10 s here, about what a restart takes on two cores, with a heartbeat every second so that a busy
     * machine does not expire a live member. Production keeps Kafka's default (ingest-service/README.md).
     */
    static final Map<QuarkusService, Map<String, String>> QUICK_SESSIONS = Map.of(QuarkusService.INGEST, Map.of(
            "kafka-streams.consumer.session.timeout.ms", "10000",
            "kafka-streams.consumer.heartbeat.interval.ms", "1000"));

    /** The whole platform, its broker included. */
    static Platform start(String name) throws IOException, InterruptedException {
        var stack = new LocalStack(layout(name), System.out, QUICK_SESSIONS);
        stack.purge();
        return new Platform(stack, stack.up(StackPorts.free()), Map.of());
    }

    /**
     * The four services on a running broker, at {@code bootstrap}, logging in with
     * {@code services}; the suite's own clients log in with {@code admin}.
     */
    static Platform startOnBroker(String name, String bootstrap, Map<String, String> services, Map<String, Object> admin)
            throws IOException, InterruptedException {
        var stack = new LocalStack(layout(name), System.out);
        stack.purge();
        var ports = StackPorts.free().onBroker(bootstrap);
        return new Platform(stack, stack.upOnBroker(ports, services), admin);
    }

    private static StackLayout layout(String name) {
        return new StackLayout(HOME, HOME.resolve("reliability/target/" + name));
    }

    /** Settings of a Kafka client allowed everything: bootstrap servers and, on a secured broker, a login. */
    Map<String, Object> kafka() {
        return Map.copyOf(kafka);
    }

    RegistryClient registry() {
        return new RegistryClient(URI.create(state.ports().url(QuarkusService.REGISTRY)), stack.token(), Backoff.NONE,
                Duration.ofSeconds(30));
    }

    TrainerApi trainer() {
        return new TrainerApi(state.ports().url(QuarkusService.TRAINER), stack.token());
    }

    /** A crash: SIGKILL, no clean shutdown. */
    void kill(String process) {
        System.out.println("KILL " + process);
        stack.kill(process);
    }

    void restart(String process) throws InterruptedException {
        stack.restart(process);
    }

    /** A small classifier (4 readings, 3 classes) as the registry's spec, with its user topics. */
    void registerClassifier(String model, int epochs) throws InterruptedException {
        var spec = """
                {"name": "%s", "task": {"type": "classification", "classes": 3}, "input": {"features": 4},
                 "layers": [{"dense": 16, "activation": "relu"}, {"dense": 3}], "optimizer": {"adam": {"lr": 0.01}},
                 "training": {"batchSize": 32, "epochs": %d, "holdout": 0.2}}
                """.formatted(model, epochs);
        registry().put(model, spec);
        UserTopics.create(kafka(), ModelSpecs.parse(spec));
    }

    void awaitDataset(String model, int trainExamples) throws InterruptedException {
        await("the trainer to hold " + trainExamples + " examples of " + model,
                () -> trainer().dataset(model).path("train").asInt() >= trainExamples);
    }

    JobRecord awaitJob(String model, String id, Predicate<JobRecord> condition) throws InterruptedException {
        await("job " + id, () -> condition.test(trainer().job(model, id)));
        return trainer().job(model, id);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + SETTLE.toMinutes() + " minutes for " + what);
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        stack.down();
    }
}
