package dev.samuel.ingest;

import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Registers a spec as the model-registry would: a spec record on {@code samuel.registry}, keyed by model name. */
public final class SpecPublisher {

    private SpecPublisher() {
    }

    public static void publish(String bootstrapServers, ModelSpec spec) throws ExecutionException, InterruptedException {
        var record = new SpecRecord(spec, 1, Instant.now());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                Topics.REGISTRY.keySerde().serializer(), Topics.REGISTRY.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), record.key(), record)).get();
        }
    }
}
