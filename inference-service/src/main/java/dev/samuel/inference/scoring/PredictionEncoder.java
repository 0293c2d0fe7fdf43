package dev.samuel.inference.scoring;

import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.inference.model.ServedModel;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One output row as a prediction (docs/design.md, formats), read by the model's signature: a classifier predicts
 * its most probable class (by name when the spec names classes) with one probability per class as {@code scores},
 * whatever the program outputs (probabilities, logits, one column for binary); a regression predicts its value (or
 * values) without scores. The id is the event's key; a keyless event is named {@code <topic>-<partition>@<offset>},
 * which is unique and stable across retries.
 */
final class PredictionEncoder {

    private final ServedModel model;
    private final ModelSignature signature;

    PredictionEncoder(ServedModel model) {
        this.model = model;
        this.signature = model.signature();
    }

    byte[] encode(ConsumerRecord<byte[], byte[]> record, float[] outputs, int row) {
        return JsonWriter.write(new Prediction(id(record), model.name(), model.version(),
                signature.prediction(outputs, row), signature.isClassifier() ? signature.probabilities(outputs, row) : null));
    }

    static String id(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? record.topic() + "-" + record.partition() + "@" + record.offset()
                : new String(record.key(), StandardCharsets.UTF_8);
    }
}
