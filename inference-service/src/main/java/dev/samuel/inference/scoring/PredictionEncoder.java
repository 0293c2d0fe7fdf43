package dev.samuel.inference.scoring;

import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.spec.Task;
import dev.samuel.inference.model.ServedModel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One output row as a prediction (DESIGN.md section 4): a classifier predicts the most probable class (by name
 * when the spec names classes) with all class probabilities as {@code scores}; a regression predicts its
 * value (or values) without scores. The id is the event's key; a keyless event is named
 * {@code <topic>-<partition>@<offset>}, which is unique and stable across retries.
 */
final class PredictionEncoder {

    private final ServedModel model;
    private final Task task;
    private final int width;

    PredictionEncoder(ServedModel model) {
        this.model = model;
        this.task = model.spec().task();
        this.width = model.shape().outputs();
    }

    byte[] encode(ConsumerRecord<byte[], byte[]> record, float[] outputs, int row) {
        var values = Arrays.copyOfRange(outputs, row * width, (row + 1) * width);
        return JsonWriter.write(new Prediction(id(record), model.name(), model.version(), label(values),
                task.isClassification() ? values : null));
    }

    static String id(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? record.topic() + "-" + record.partition() + "@" + record.offset()
                : new String(record.key(), StandardCharsets.UTF_8);
    }

    private Label label(float[] values) {
        if (!task.isClassification()) {
            return values.length == 1 ? Label.of(values[0]) : Label.of(values);
        }
        int best = argMax(values);
        return task.classNames() == null ? Label.of(best) : Label.of(task.classNames().get(best));
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
