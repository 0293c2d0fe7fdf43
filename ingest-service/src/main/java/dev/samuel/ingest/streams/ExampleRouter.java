package dev.samuel.ingest.streams;

import dev.samuel.contracts.avro.RegistryUnavailableException;
import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.ExampleResolver;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.split.HoldoutSplit;
import dev.samuel.contracts.split.HoldoutSplit.Split;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Validates one labelled example against its model's spec and routes it to the train or test topic, or to
 * the model's dead-letter topic with the reason. A valid record is forwarded with its original bytes and
 * headers; a keyless one gets the SHA-256 of its value as key.
 */
final class ExampleRouter implements Processor<byte[], byte[], byte[], Routed> {

    private final int maxRecordBytes;
    private final Codec codec;
    private final RoutingListener listener;
    private final TopicProvisioner provisioner;
    private final Set<String> provisioned = new HashSet<>();
    private ProcessorContext<byte[], Routed> context;
    private SpecCatalog catalog;

    ExampleRouter(int maxRecordBytes, Codec codec, RoutingListener listener, TopicProvisioner provisioner) {
        this.maxRecordBytes = maxRecordBytes;
        this.codec = codec;
        this.listener = listener;
        this.provisioner = provisioner;
    }

    @Override
    public void init(ProcessorContext<byte[], Routed> context) {
        this.context = context;
        this.catalog = new SpecCatalog(context.getStateStore(IngestTopology.REGISTRY_STORE));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        var source = context.recordMetadata().orElseThrow();
        var model = catalog.forLabelledTopic(source.topic());
        if (model.isEmpty()) {
            var name = SpecCatalog.conventionalModelName(source.topic());
            reject(record, source, Topics.of(name), RejectReason.UNKNOWN_MODEL,
                    "no model spec is registered for topic " + source.topic());
            return;
        }
        var topics = model.get().topics();
        try {
            validate(model.get(), record);
        } catch (InvalidRecordException e) {
            reject(record, source, topics, e.reason(), e.getMessage());
            return;
        } catch (RegistryUnavailableException e) {
            // Not the record's fault: the stream thread fails, is replaced, and meets the record again (it waits).
            throw e;
        } catch (RuntimeException e) {
            // A decoder bug must not kill the stream thread: after a restart it would meet the same record again,
            // forever (a samuel.encoding header without a value once made the decoder throw a NullPointerException).
            reject(record, source, topics, Codec.unreadable(record.headers()), e.toString());
            return;
        }
        byte[] key = record.key() != null
                ? record.key() : HoldoutSplit.keyFor(record.value()).getBytes(StandardCharsets.UTF_8);
        var split = HoldoutSplit.of(key, model.get().spec().training().holdout());
        var destination = split == Split.TEST ? topics.test() : topics.train();
        forward(topics, record.withKey(key).withValue(new Routed(destination.name(), record.value())));
        listener.routed(topics.model(), split);
    }

    private void validate(SpecCatalog.Model model, Record<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new InvalidRecordException(RejectReason.MISSING_FEATURES, "record has no value");
        }
        if (record.value().length > maxRecordBytes) {
            throw new InvalidRecordException(RejectReason.OVERSIZED,
                    "record of " + record.value().length + " bytes exceeds the limit of " + maxRecordBytes);
        }
        ExampleResolver.resolve(model.spec(), codec.readLabelled(record.value(), record.headers(),
                model.spec().task().recordLabelField()));
    }

    private void reject(Record<byte[], byte[]> record, RecordMetadata source, ModelTopics topics,
                        RejectReason reason, String message) {
        var headers = new RecordHeaders(record.headers().toArray());
        DeadLetter.annotate(headers, reason, message, source.topic(), source.partition(), source.offset());
        // An oversized value would be as large as a request may be, or larger: its dead letter could never be sent,
        // and the failing send would stop the stream on it at every restart. The letter names where it stays.
        var value = reason == RejectReason.OVERSIZED ? null : record.value();
        forward(topics, record.withHeaders(headers).withValue(new Routed(topics.rejected().name(), value)));
        listener.rejected(topics.model(), reason);
    }

    private void forward(ModelTopics topics, Record<byte[], Routed> record) {
        if (provisioned.add(topics.model())) {
            provisioner.ensureOutputTopics(topics);
        }
        context.forward(record);
    }
}
