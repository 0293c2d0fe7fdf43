package dev.samuel.bench.scale;

import dev.samuel.bench.broker.OnLocalBroker;
import dev.samuel.bench.ceiling.CopyLoop;
import dev.samuel.bench.inference.InferenceBenchmark;
import dev.samuel.bench.inference.MnistModels;
import dev.samuel.bench.inference.Observer;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.support.ArtifactServer;
import dev.samuel.inference.support.Registry;
import dev.samuel.plumbing.launch.PackagedService;
import dev.samuel.plumbing.launch.RunningService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench/run scale-inference}: events/s of one packaged inference-service instance, then of two instances of
 * it sharing the same four partitions (one consumer group, each its own instance id, port and judge state), each on a
 * model and topics of its own, beside the exactly-once copy-loop ceiling over the first model's four partitions.
 *
 * <p>Each phase writes its events inside one open transaction before its instances start: a read_committed reader
 * (the service is one) sees none of them. Once every instance is ready, the scoring group holds the four partitions
 * evenly (two each with two instances) and the instances are quiet (started, compiled, the judge restored), the
 * transaction commits and all the events become readable at once. The rate is timed by a read_committed observer of
 * the predictions, first to last, as {@code bench/run inference} times it: it leaves the start and the rebalance out.
 * The CPU time each process used from the commit to the last prediction says where the two cores went. After the
 * last prediction the phase waits for the judge to catch up, so the next phase does not share the cores with it.
 * Arguments: bootstrap servers, the repository (where the packaged service is), events per phase.
 */
public final class ScaleBenchmark {

    static final int PARTITIONS = 4;
    static final String GROUP = "samuel-inference";
    static final String CEILING_TOPIC = "bench-scale-ceiling";

    private final String bootstrap;
    private final PackagedService service;
    private final int events;
    private final String registryUrl;
    private final Path judgeState;
    private final Groups groups;

    private ScaleBenchmark(String bootstrap, PackagedService service, int events, String registryUrl, Path judgeState,
                           Admin admin) {
        this.bootstrap = bootstrap;
        this.service = service;
        this.events = events;
        this.registryUrl = registryUrl;
        this.judgeState = judgeState;
        this.groups = new Groups(admin, GROUP, GROUP + "-judge");
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        var service = QuarkusService.INFERENCE.packaged(Path.of(args[1]));
        int events = Integer.parseInt(args[2]);
        var one = Topics.of("bench-scale-1");
        var two = Topics.of("bench-scale-2");
        var judgeState = Files.createTempDirectory("samuel-bench-scale-judge-");
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap)); var server = ArtifactServer.start();
             var registry = Registry.to(bootstrap, server)) {
            var topics = new ArrayList<NewTopic>();
            topics.add(new NewTopic(Topics.REGISTRY.name(), 1, (short) 1)
                    .configs(Topics.REGISTRY.settings().creationConfigs()));
            for (var model : List.of(one, two)) {
                for (var topic : List.of(model.unlabelled(), model.predictions(), model.rejected())) {
                    topics.add(new NewTopic(topic.name(), PARTITIONS, (short) 1));
                }
            }
            topics.add(new NewTopic(CEILING_TOPIC, PARTITIONS, (short) 1));
            admin.createTopics(topics).all().get();
            int seed = 1;
            for (var model : List.of(one, two)) {
                registry.spec(MnistModels.spec(model.model()));
                registry.version(model.model(), 1, MnistModels.mlp(seed++));
                registry.champion(model.model(), 1);
            }
            var bench = new ScaleBenchmark(bootstrap, service, events, server.url(), judgeState, admin);

            var single = bench.phase(one, List.of("bench-0"));
            double ceiling = bench.ceiling(one);
            var pair = bench.phase(two, List.of("bench-0", "bench-1"));

            System.out.printf("one instance %.0f events/s, two %.0f events/s (%.2f x), copy loop %.0f records/s%n",
                    single.eps(), pair.eps(), pair.eps() / single.eps(), ceiling);
            System.out.printf("RESULT eps_1=%d eps_2=%d ceiling_eps=%d eps_2_over_1=%.2f eps_1_over_ceiling=%.2f "
                            + "busy_cores_1=%.2f busy_cores_2=%.2f%n", Math.round(single.eps()),
                    Math.round(pair.eps()), Math.round(ceiling), pair.eps() / single.eps(), single.eps() / ceiling,
                    ProcessCpu.total(single.cores()), ProcessCpu.total(pair.cores()));
        } finally {
            OnLocalBroker.delete(judgeState);
        }
    }

    /** What a phase measured: events/s, and the cores each process kept busy meanwhile. */
    record Phase(double eps, Map<String, Double> cores) {
    }

    private Phase phase(ModelTopics topics, List<String> instances) throws Exception {
        String label = instances.size() + " instance" + (instances.size() == 1 ? "" : "s");
        try (var producer = heldProducer(topics.model())) {
            producer.initTransactions();
            producer.beginTransaction();
            new InferenceBenchmark.EventSource(producer, topics.unlabelled().name(), Encoding.JSON).send(events);
            System.out.printf("%s: %d JSON events on %s, in a transaction still open%n", label, events,
                    topics.unlabelled().name());
            var running = new LinkedHashMap<String, RunningService>();
            try {
                for (var id : instances) {
                    running.put(id, start(id, instances.size()));
                }
                for (var instance : running.values()) {
                    instance.awaitReady(Duration.ofMinutes(3));
                }
                var holders = groups.awaitSpread(topics.unlabelled().name(), PARTITIONS, instances.size(),
                        Duration.ofMinutes(2));
                var cpu = new ProcessCpu(running.entrySet().stream().collect(LinkedHashMap::new,
                        (m, e) -> m.put(e.getKey(), e.getValue().process().toHandle()), Map::putAll));
                var quiet = cpu.awaitQuiet(0.15, Duration.ofSeconds(60));
                System.out.printf("%s: ready, partitions held %s, quiet after %.1f s more%n", label, holders,
                        quiet.toMillis() / 1000.0);
                try (var observer = new Observer(bootstrap, topics.predictions().name(), false)) {
                    var before = cpu.sample();
                    var machineBefore = ProcessCpu.machine();
                    long start = System.nanoTime();
                    producer.commitTransaction();
                    double eps = observer.await(events, Duration.ofMinutes(10));
                    var cores = ProcessCpu.cores(before, cpu.sample(), System.nanoTime() - start);
                    double machine = ProcessCpu.machineCores(machineBefore, ProcessCpu.machine());
                    System.out.printf("%s: %.0f events/s; cores busy from the commit to the last prediction: %s; "
                                    + "the machine %.2f of %d, other work %.2f%n", label, eps, ProcessCpu.describe(cores),
                            machine, Runtime.getRuntime().availableProcessors(), machine - ProcessCpu.total(cores));
                    var judged = groups.awaitJudged(topics.predictions().name(), PARTITIONS, Duration.ofMinutes(3));
                    System.out.println(label + ": " + (judged == null ? "the judge had not caught up 3 min after"
                            : String.format("the judge caught up %.1f s after", judged.toMillis() / 1000.0))
                            + " the last prediction");
                    return new Phase(eps, cores);
                }
            } finally {
                for (var instance : running.values()) {
                    instance.close();
                }
            }
        }
    }

    private double ceiling(ModelTopics topics) throws Exception {
        var cpu = new ProcessCpu(Map.of());
        try (var observer = new Observer(bootstrap, CEILING_TOPIC, false)) {
            var before = cpu.sample();
            var machineBefore = ProcessCpu.machine();
            long start = System.nanoTime();
            var copying = new Thread(() -> CopyLoop.copy(bootstrap, topics.unlabelled().name(), CEILING_TOPIC, events,
                    InferenceBenchmark.MAX_POLL_RECORDS));
            copying.start();
            double rate = observer.await(events, Duration.ofMinutes(5));
            copying.join();
            var cores = ProcessCpu.cores(before, cpu.sample(), System.nanoTime() - start);
            double machine = ProcessCpu.machineCores(machineBefore, ProcessCpu.machine());
            System.out.printf("copy loop over %s: %.0f records/s; cores busy: %s; the machine %.2f, other work %.2f%n",
                    topics.unlabelled().name(), rate, ProcessCpu.describe(cores), machine,
                    machine - ProcessCpu.total(cores));
            return rate;
        }
    }

    /**
     * One instance: its own id (transactional id, static member), HTTP port, log ({@code bench-scale-<instances in the
     * phase>-<id>.log} in the temporary folder) and judge state (a folder per instance id below one folder).
     */
    private RunningService start(String id, int instances) {
        var log = Path.of(System.getProperty("java.io.tmpdir"), "bench-scale-" + instances + "-" + id + ".log");
        String judgeTopics = System.getProperty("bench.judgeTopics", "");
        try {
            Files.deleteIfExists(log);
            return service.start(OnLocalBroker.freePort(), log, command -> {
                command.property("kafka.bootstrap.servers", bootstrap)
                        .property("samuel.inference.registry-url", registryUrl)
                        .property("samuel.inference.instance-id", id)
                        .property("samuel.inference.group-id", GROUP)
                        .property("samuel.inference.max-poll-records", InferenceBenchmark.MAX_POLL_RECORDS)
                        .property("samuel.inference.judge.state-dir", judgeState)
                        .property("quarkus.log.level", "WARN")
                        .property("quarkus.log.category.\"dev.samuel\".level", "INFO");
                if (!judgeTopics.isEmpty()) {
                    command.property("samuel.inference.judge.input-topics", judgeTopics);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transactional producer whose transaction may stay open while the instances start (5 min). */
    private KafkaProducer<byte[], byte[]> heldProducer(String model) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 5, "batch.size", 262144,
                "compression.type", "none", "transactional.id", "bench-scale-" + model,
                "transaction.timeout.ms", 300_000), new ByteArraySerializer(), new ByteArraySerializer());
    }
}
