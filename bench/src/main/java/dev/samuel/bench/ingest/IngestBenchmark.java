package dev.samuel.bench.ingest;

import dev.samuel.contracts.event.BinaryCodec;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.ingest.SpecPublisher;
import dev.samuel.bench.ceiling.CopyLoop;
import dev.samuel.cli.stack.QuarkusService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench/run ingest}: the packaged ingest-service against a broker on this machine, beside the ceiling
 * of an exactly-once consume-produce loop that copies the same records without parsing them. Both are timed
 * the same way, by a read_committed observer of the output, from the first record seen to the last.
 * Arguments: bootstrap servers, the repository (where the packaged service is), examples per encoding.
 */
public final class IngestBenchmark {

    static final int FEATURES = 784;
    /** Kafka's default, which the service's Streams consumer also uses. */
    static final int MAX_POLL_RECORDS = 500;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        var service = QuarkusService.INGEST.packaged(Path.of(args[1]));
        int examples = Integer.parseInt(args[2]);
        var results = new LinkedHashMap<String, Long>();
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            createRegistryTopic(admin);
            for (var encoding : Encoding.values()) {
                var model = "bench-" + encoding.code();
                var topics = Topics.of(spec(model));
                createTopics(admin, topics, "ceiling-" + encoding.code());
                SpecPublisher.publish(bootstrap, spec(model));
                produce(bootstrap, topics.labelled().name(), encoding, examples);

                double ceiling = ceiling(bootstrap, topics.labelled().name(), "ceiling-" + encoding.code(), examples);
                double ingest = new ServiceRun(bootstrap, service, topics).run(examples);
                var name = encoding == Encoding.JSON ? "json" : "binary";
                System.out.printf("%s: ingest %.0f examples/s, ceiling %.0f records/s, ratio %.2f%n",
                        name, ingest, ceiling, ingest / ceiling);
                results.put("ingest_" + name + "_eps", Math.round(ingest));
                results.put("ceiling_" + name + "_eps", Math.round(ceiling));
            }
        }
        System.out.println("RESULT " + Stream.of("ingest_json_eps", "ingest_binary_eps", "ceiling_json_eps",
                "ceiling_binary_eps").map(key -> key + "=" + results.get(key)).collect(Collectors.joining(" ")));
    }

    /** The copy loop's rate, observed on its output the same way as the service's. */
    public static double ceiling(String bootstrap, String from, String to, int records) throws InterruptedException {
        var copying = new Thread(() -> CopyLoop.copy(bootstrap, from, to, records, MAX_POLL_RECORDS), "copy-loop");
        copying.start();
        double rate = new OutputObserver(bootstrap, List.of(to)).await(records, Duration.ofMinutes(5));
        copying.join();
        return rate;
    }

    static ModelSpec spec(String model) {
        return new ModelSpec(model, Task.classification(10), Input.of(FEATURES),
                List.of(Layer.dense(128, "relu"), Layer.dense(10)), null, null, null, null, null, null);
    }

    /** The registry log the service reads its specs from ({@code SpecPublisher} writes them). */
    public static void createRegistryTopic(Admin admin) throws Exception {
        admin.createTopics(List.of(new NewTopic(Topics.REGISTRY.name(), 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all().get();
    }

    /** A model's labelled, train, test and rejected topics, and the copy loop's output, one partition each. */
    public static void createTopics(Admin admin, ModelTopics topics, String copyTopic) throws Exception {
        var compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        admin.createTopics(List.of(
                new NewTopic(topics.labelled().name(), 1, (short) 1),
                new NewTopic(topics.train().name(), 1, (short) 1).configs(compacted),
                new NewTopic(topics.test().name(), 1, (short) 1).configs(compacted),
                new NewTopic(topics.rejected().name(), 1, (short) 1),
                new NewTopic(copyTopic, 1, (short) 1))).all().get();
    }

    /** MNIST-like examples: 784 grey levels 0..255, about four in five of them zero. */
    private static void produce(String bootstrap, String topic, Encoding encoding, int examples) {
        var random = new Random(42);
        long start = System.nanoTime();
        try (var producer = producer(bootstrap)) {
            for (int i = 0; i < examples; i++) {
                var pixels = new float[FEATURES];
                for (int p = 0; p < FEATURES; p++) {
                    pixels[p] = random.nextInt(5) == 0 ? 1 + random.nextInt(255) : 0;
                }
                var example = LabelledExample.of(pixels, i % 10);
                var headers = new RecordHeaders();
                byte[] value = encoding == Encoding.JSON ? JsonWriter.write(example) : BinaryCodec.write(example);
                if (encoding == Encoding.F32LE) {
                    headers.add(Encoding.HEADER, encoding.headerValue());
                }
                producer.send(new ProducerRecord<>(topic, null, bytes("example-" + i), value, headers));
            }
        }
        System.out.printf("produced %d %s examples in %.1f s%n", examples, encoding.code(),
                (System.nanoTime() - start) / 1e9);
    }

    public static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 5, "batch.size", 262144,
                "compression.type", "none"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
