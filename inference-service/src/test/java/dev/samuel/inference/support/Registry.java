package dev.samuel.inference.support;

import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.RegistryRecord;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes what the model-registry would write to {@code samuel.registry} (spec, versions with their SHA-256,
 * champion moves), and publishes each artifact where the service downloads it.
 */
public final class Registry implements AutoCloseable {

    private final KafkaProducer<String, RegistryRecord> producer;
    private final BiConsumer<String, byte[]> publish;

    /** {@code publish} receives "model:version" and the artifact bytes. */
    public Registry(String bootstrapServers, BiConsumer<String, byte[]> publish) {
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
                new StringSerializer(), Topics.REGISTRY.valueSerde().serializer());
        this.publish = publish;
    }

    public static Registry to(String bootstrapServers, ArtifactServer server) {
        return new Registry(bootstrapServers, (key, bytes) -> {
            var parts = key.split(":");
            server.put(parts[0], Integer.parseInt(parts[1]), bytes);
        });
    }

    public static ModelSpec classifier(String name, int features, int classes) {
        return new ModelSpec(name, Task.classification(classes), Input.of(features), List.of(Layer.dense(classes)),
                null, null, null, null, null, null);
    }

    public void spec(ModelSpec spec) {
        write(new SpecRecord(spec, 1, Instant.now()));
    }

    /** Registers a version whose record carries the SHA-256 of {@code artifact} and publishes those bytes. */
    public void version(String model, int version, byte[] artifact) {
        version(model, version, artifact, artifact);
    }

    /** Registers the SHA-256 of {@code recorded} but serves {@code served}: a checksum mismatch when they differ. */
    public void version(String model, int version, byte[] recorded, byte[] served) {
        publish.accept(model + ":" + version, served);
        write(new VersionRecord(model, version, sha256(recorded), recorded.length, Map.of(), Map.of(), Instant.now(),
                null));
    }

    public void champion(String model, int version) {
        write(new AliasRecord(model, AliasRecord.CHAMPION, version, Instant.now(), "test"));
    }

    private void write(RegistryRecord record) {
        try {
            producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), record.key(), record)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    @Override
    public void close() {
        producer.close();
    }
}
