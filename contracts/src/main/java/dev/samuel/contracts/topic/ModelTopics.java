package dev.samuel.contracts.topic;

import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import java.util.List;

/**
 * The topics of one model. {@code train} and {@code test} are compacted (a re-sent id is a relabel); the
 * {@code rejected} dead letters keep the original key and bytes, so their serdes are raw.
 */
public record ModelTopics(
        String model,
        Topic<String, LabelledExample> labelled,
        Topic<String, LabelledExample> train,
        Topic<String, LabelledExample> test,
        Topic<String, UnlabelledEvent> unlabelled,
        Topic<String, Prediction> predictions,
        Topic<byte[], byte[]> rejected,
        Topic<String, PerformanceRecord> performance) {

    public List<Topic<?, ?>> all() {
        return List.of(labelled, train, test, unlabelled, predictions, rejected, performance);
    }
}
