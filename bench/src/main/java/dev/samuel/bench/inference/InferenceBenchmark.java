package dev.samuel.bench.inference;

import dev.samuel.contracts.event.BinaryCodec;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.topic.Topic;
import dev.samuel.contracts.topic.TopicRole;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.support.ArtifactServer;
import dev.samuel.inference.support.Registry;
import dev.samuel.bench.ceiling.CopyLoop;
import dev.samuel.cli.stack.QuarkusService;
import dev.samuel.plumbing.launch.JavaCommand;
import dev.samuel.plumbing.launch.PackagedService;
import dev.samuel.plumbing.launch.RunningService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench/run inference}: the packaged service scoring the MNIST MLP against a broker on this machine, beside
 * the ceiling of the same exactly-once loop copying the same events unscored, and raw ORT at batch 256. Then, at
 * a steady paced rate, scoring latency (event timestamp to committed prediction seen), and the same while the
 * champion is promoted every 2 s: promotion to first prediction of the new version, and latency during swaps.
 * Arguments: bootstrap servers, the repository (where the packaged service is), events, paced rate (events/s),
 * encoding.
 */
public final class InferenceBenchmark {

    static final String MODEL = "bench-mnist";
    static final int SWAPS = 10;
    public static final int MAX_POLL_RECORDS = 2000;
    static final String CEILING = "bench-ceiling";
    /**
     * Partitions of the events, predictions and the copy alike, and of the judge's join: the platform's layout
     * (TopicRole, three) unless BENCH_INFER_PARTITIONS says otherwise.
     */
    static final int PARTITIONS = Integer.getInteger("bench.partitions", TopicRole.UNLABELLED.settings().partitions());

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        var service = QuarkusService.INFERENCE.packaged(Path.of(args[1]));
        int events = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        var encoding = Encoding.of(args[4]);
        var topics = Topics.of(MODEL);
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap)); var server = ArtifactServer.start();
             var registry = Registry.to(bootstrap, server); var producer = producer(bootstrap)) {
            admin.createTopics(List.of(laidOut(Topics.REGISTRY, 1), laidOut(topics.unlabelled(), PARTITIONS),
                    laidOut(topics.predictions(), PARTITIONS), laidOut(topics.rejected(), PARTITIONS),
                    new NewTopic(CEILING, PARTITIONS, (short) 1))).all().get();
            var source = new EventSource(producer, topics.unlabelled().name(), encoding);
            source.send(events);
            System.out.printf("produced %d %s events%n", events, encoding.code());

            double ceiling = ceiling(bootstrap, events);
            double ort = MnistModels.ortRowsPerSecond(MnistModels.mlp(1), 1);
            System.out.printf("ceiling %.0f records/s, ORT batch-256 %.0f rows/s%n", ceiling, ort);

            registry.spec(MnistModels.spec(MODEL));
            for (int version = 1; version <= SWAPS + 1; version++) {
                registry.version(MODEL, version, MnistModels.mlp(version));
            }
            registry.champion(MODEL, 1);
            try (var running = start(service, bootstrap, server.url());
                 var observer = new Observer(bootstrap, topics.predictions().name(), true)) {
                double infer = observer.await(events, Duration.ofMinutes(5));
                System.out.printf("inference %.0f events/s, %.2f of the ceiling%n", infer, infer / ceiling);
                observer.takeLatencies();
                source.paced(rate, Duration.ofSeconds(10));
                observer.await(source.sent(), Duration.ofMinutes(2));
                var steady = Percentiles.of(observer.takeLatencies());
                var swaps = new SwapPhase(registry, observer, source, rate).run(SWAPS);
                var during = Percentiles.of(observer.takeLatencies());
                System.out.printf("steady latency p50 %d ms p99 %d ms; during swaps p99 %d ms; swap p50 %d ms p99 %d ms%n",
                        steady.p50(), steady.p99(), during.p99(), swaps.p50(), swaps.p99());
                System.out.printf("RESULT infer_eps=%d ceiling_eps=%d p50_ms=%d p99_ms=%d ort_limit_rps=%d swap_p50_ms=%d "
                                + "swap_p99_ms=%d swap_p99_latency_ms=%d%n", Math.round(infer), Math.round(ceiling),
                        steady.p50(), steady.p99(), Math.round(ort), swaps.p50(), swaps.p99(), during.p99());
            }
        }
    }

    private static double ceiling(String bootstrap, int events) throws Exception {
        try (var observer = new Observer(bootstrap, CEILING, false)) {
            var copying = new Thread(() -> CopyLoop.copy(bootstrap, Topics.of(MODEL).unlabelled().name(),
                    CEILING, events, MAX_POLL_RECORDS));
            copying.start();
            double rate = observer.await(events, Duration.ofMinutes(5));
            copying.join();
            return rate;
        }
    }

    private static NewTopic laidOut(Topic<?, ?> topic, int partitions) {
        return new NewTopic(topic.name(), partitions, (short) 1)
                .configs(topic.settings().creationConfigs());
    }

    private static RunningService start(PackagedService service, String bootstrap, String registryUrl) {
        var log = Path.of(System.getProperty("java.io.tmpdir"), "bench-inference-service.log");
        return service.start(0, log, command -> configured(command)
                .property("kafka.bootstrap.servers", bootstrap)
                .property("samuel.inference.registry-url", registryUrl)
                .property("samuel.inference.instance-id", "bench")
                .property("samuel.inference.max-poll-records", MAX_POLL_RECORDS)
                .property("samuel.inference.judge.partitions", PARTITIONS)
                .property("quarkus.log.level", "WARN")
                .property("quarkus.log.category.\"dev.samuel\".level", "INFO"));
    }

    /**
     * The service's defaults, unless the script names another commit interval (BENCH_INFER_COMMIT_INTERVAL), other
     * topics for the judge (BENCH_INFER_JUDGE_TOPICS: one that matches nothing measures the scoring loop alone),
     * another judge commit interval (BENCH_INFER_JUDGE_COMMIT_INTERVAL) or JVM options (BENCH_INFER_SERVICE_JVM).
     */
    private static JavaCommand configured(JavaCommand command) {
        var c = command;
        String jvm = System.getProperty("bench.serviceJvm", "").trim();
        if (!jvm.isEmpty()) {
            c = c.option(jvm.split("\\s+"));
        }
        for (var setting : Map.of("bench.commitInterval", "samuel.inference.commit-interval",
                "bench.judgeTopics", "samuel.inference.judge.input-topics",
                "bench.judgeCommitInterval", "samuel.inference.judge.commit-interval").entrySet()) {
            String value = System.getProperty(setting.getKey(), "");
            c = value.isEmpty() ? c : c.property(setting.getValue(), value);
        }
        return c;
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 5, "batch.size", 262144,
                "compression.type", "none"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends MNIST-like events {@code e-<i>}, all at once or at a paced rate. */
    public static final class EventSource {
        private final KafkaProducer<byte[], byte[]> producer;
        private final String topic;
        private final Encoding encoding;
        private final Random random = new Random(42);
        private final List<byte[]> values = new ArrayList<>();
        private long sent;

        public EventSource(KafkaProducer<byte[], byte[]> producer, String topic, Encoding encoding) {
            this.producer = producer;
            this.topic = topic;
            this.encoding = encoding;
            for (int i = 0; i < 1000; i++) {
                var event = UnlabelledEvent.of(MnistModels.pixels(random));
                values.add(encoding == Encoding.JSON ? JsonWriter.write(event) : BinaryCodec.write(event));
            }
        }

        public void send(int count) {
            for (int i = 0; i < count; i++) {
                var headers = new RecordHeaders();
                if (encoding == Encoding.F32LE) {
                    headers.add(Encoding.HEADER, encoding.headerValue());
                }
                producer.send(new ProducerRecord<>(topic, null, ("e-" + sent).getBytes(), values.get((int) (sent % 1000)),
                        headers));
                sent++;
            }
            producer.flush();
        }

        /** {@code rate} events a second in bursts every 10 ms, for {@code duration}. */
        void paced(int rate, Duration duration) throws InterruptedException {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long due = 0;
            while (System.nanoTime() < end) {
                long shouldHave = (System.nanoTime() - start) * rate / 1_000_000_000L;
                send((int) (shouldHave - due));
                due = shouldHave;
                Thread.sleep(10);
            }
        }

        long sent() {
            return sent;
        }
    }
}
