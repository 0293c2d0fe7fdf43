package dev.samuel.inference.scoring;

import dev.samuel.contracts.avro.RegistryUnavailableException;
import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.ExampleResolver;
import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.inference.metrics.InferenceMetrics;
import dev.samuel.inference.model.ServedModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Reads an unlabelled event as its encoding header says and checks it against the served model's spec. An
 * event that cannot be scored is dead-lettered, in the same transaction, with its original key, bytes and
 * headers plus the reason headers: it is never dropped and never stops the loop.
 */
final class EventDecoder {

    private final ServedModel model;
    private final InferenceMetrics metrics;
    private final Codec codec;

    EventDecoder(ServedModel model, InferenceMetrics metrics, Codec codec) {
        this.model = model;
        this.metrics = metrics;
        this.codec = codec;
    }

    /** The event's inputs, or null when it was dead-lettered. */
    FeatureRow decode(ConsumerRecord<byte[], byte[]> record, Producer<byte[], byte[]> producer) {
        try {
            if (record.value() == null) {
                throw new InvalidRecordException(RejectReason.MISSING_FEATURES, "the event has no value");
            }
            var event = codec.readUnlabelled(record.value(), record.headers(),
                    model.spec().task().recordLabelField());
            if (event.features() == null) {
                throw new InvalidRecordException(RejectReason.MISSING_FEATURES, "the event has no features");
            }
            return ExampleResolver.row(model.spec().input(), event.features());
        } catch (InvalidRecordException e) {
            reject(record, e.reason(), e.getMessage(), producer);
        } catch (RegistryUnavailableException e) {
            // Not the event's fault: the poll fails, its transaction is aborted and rewound, and the event waits.
            throw e;
        } catch (RuntimeException e) {
            // A reader bug must not stop the loop either: the event is kept, with what went wrong.
            reject(record, Codec.unreadable(record.headers()), e.toString(), producer);
        }
        return null;
    }

    private void reject(ConsumerRecord<byte[], byte[]> record, RejectReason reason, String message,
                        Producer<byte[], byte[]> producer) {
        var dead = new ProducerRecord<>(model.topics().rejected().name(), null, record.timestamp(), record.key(),
                record.value(), record.headers());
        DeadLetter.annotate(dead.headers(), reason, message, record.topic(), record.partition(), record.offset());
        producer.send(dead);
        metrics.rejected(model.name(), reason);
    }
}
