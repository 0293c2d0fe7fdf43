package dev.samuel.inference.judge;

import dev.samuel.contracts.event.JsonReader;
import dev.samuel.inference.judge.JudgeInput.Kind;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keys every prediction and label by model and example id, so that the repartition that follows brings the two
 * halves of an example to the same task, whatever the partitioning of the topics they came from (a keyless event's
 * prediction is not keyed by its id; a user's topics may differ in partitions). A label's tombstone (a deleted
 * example) has nothing to judge and is left out, as is a record of a topic no spec names any more.
 */
final class InputKeying implements Processor<byte[], byte[], String, byte[]> {

    private final ModelIndex topics;
    private final JudgeMetrics metrics;
    private ProcessorContext<String, byte[]> context;

    InputKeying(ModelIndex topics, JudgeMetrics metrics) {
        this.topics = topics;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        var source = context.recordMetadata().orElseThrow();
        var entry = topics.lookup(source.topic()).orElse(null);
        if (entry == null || record.value() == null || entry.role() == ModelIndex.Role.PERFORMANCE) {
            return;
        }
        String model = entry.spec().name();
        Kind kind = entry.role() == ModelIndex.Role.PREDICTIONS ? Kind.PREDICTION : Kind.LABEL;
        String id = id(kind, record, model);
        if (id == null) {
            return;
        }
        var input = new JudgeInput(kind, model, source.topic(), source.partition(), source.offset(), record.value());
        context.forward(record.withKey(JudgeInput.key(model, id)).withValue(input.encode()));
    }

    private String id(Kind kind, Record<byte[], byte[]> record, String model) {
        if (record.key() != null) {
            return new String(record.key(), StandardCharsets.UTF_8);
        }
        if (kind == Kind.LABEL) {
            // Ingest keys every example; a keyless one here was written around it.
            metrics.unjudged(model, "keyless_label");
            return null;
        }
        try {
            return JsonReader.readPrediction(record.value()).id();
        } catch (RuntimeException unreadable) {
            metrics.unjudged(model, "unreadable_prediction");
            return null;
        }
    }
}
