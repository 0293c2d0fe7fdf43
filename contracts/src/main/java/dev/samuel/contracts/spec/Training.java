package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * How a training job runs. {@code holdout} is the fraction of examples routed to the test topic;
 * {@code retrainEvery} is the number of new training examples that triggers a retrain (0: only on request);
 * {@code retrainInterval} (ISO-8601, such as {@code PT1H}) retrains on a schedule: at most once per interval, and only
 * when new training examples arrived since the latest job (null: no schedule);
 * {@code window} is how many of the most recent labelled examples a job uses (0: all the trainer holds), so a model
 * can forget a concept that has drifted away; it is shared between the splits as ingest shares the stream;
 * {@code minExamples} asks for a model's first job (trigger {@code firstJob}) once it has no champion and its train
 * topic holds that many examples (0: off). It is written only when set, so a spec without it keeps its JSON, and its
 * hash, byte for byte.
 */
public record Training(Integer batchSize, Integer epochs, Double holdout, Long retrainEvery, Long window,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) Duration retrainInterval,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) Long minExamples) {

    public static final Training DEFAULT = new Training(null, null, null, null, null, null, null);

    public Training(Integer batchSize, Integer epochs, Double holdout, Long retrainEvery) {
        this(batchSize, epochs, holdout, retrainEvery, null, null, null);
    }

    public Training(Integer batchSize, Integer epochs, Double holdout, Long retrainEvery, Long window,
                    Duration retrainInterval) {
        this(batchSize, epochs, holdout, retrainEvery, window, retrainInterval, null);
    }

    public Training {
        batchSize = batchSize == null ? 64 : batchSize;
        epochs = epochs == null ? 3 : epochs;
        holdout = holdout == null ? 0.2 : holdout;
        retrainEvery = retrainEvery == null ? 0L : retrainEvery;
        window = window == null ? 0L : window;
        minExamples = minExamples == null ? 0L : minExamples;
    }

    /** The newest training examples a job uses: the window's share of the train split (0: all). */
    public long trainWindow() {
        return window == 0 ? 0 : Math.max(1, Math.round(window * (1 - holdout)));
    }

    /** The newest holdout examples a job is judged on: the window's share of the test split (0: all). */
    public long testWindow() {
        return window == 0 ? 0 : Math.max(1, Math.round(window * holdout));
    }
}
