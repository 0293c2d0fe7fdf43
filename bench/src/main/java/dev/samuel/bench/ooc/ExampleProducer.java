package dev.samuel.bench.ooc;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.topic.ModelTopics;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the examples straight to the model's train and test topics as ingest routes them there: the example id as
 * key, the value in f32le with the {@code samuel.encoding} header, written by the platform's own serde (what
 * {@code bin/samuel produce --encoding f32le} sends and ingest passes on unchanged). Examples {@code 0 .. train - 1}
 * go to the train topic, the {@code holdout} after them to the test topic. Several threads, each generating and
 * sending its own slice of indices through one producer (thread-safe, and one set of large batches per partition);
 * no compression, since random floats do not compress.
 */
final class ExampleProducer {

    private ExampleProducer() {
    }

    /** Sends every example; returns once the broker acknowledged them all, failing on the first refused one. */
    static void produce(String bootstrap, ModelTopics topics, SyntheticClasses data, long train, long holdout,
                        int threads) throws InterruptedException {
        long total = train + holdout;
        var failure = new AtomicReference<Exception>();
        var settings = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                // A shared machine can hold the broker up for minutes: a trial run at load 5 had batches expire
                // after the default 2 min, which fails the whole run.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(),
                SamuelSerdes.labelled(Encoding.F32LE).serializer())) {
            var senders = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                long from = total * t / threads;
                long to = total * (t + 1) / threads;
                var sender = new Thread(() -> {
                    var features = new float[SyntheticClasses.FEATURES];
                    for (long i = from; i < to && failure.get() == null; i++) {
                        int label = data.example(i, features);
                        // Serialised within send(), so the feature array is reused for the next example.
                        var record = new ProducerRecord<>(i < train ? topics.train().name() : topics.test().name(),
                                SyntheticClasses.key(i), LabelledExample.of(features, label));
                        producer.send(record, (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                    }
                }, "produce-" + t);
                sender.start();
                senders.add(sender);
            }
            for (var sender : senders) {
                sender.join();
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing the examples failed: " + failure.get(), failure.get());
        }
    }
}
