package dev.samuel.contracts.spec;

/**
 * How a training job runs. {@code holdout} is the fraction of examples routed to the test topic;
 * {@code retrainEvery} is the number of new training examples that triggers a retrain (0: only on request).
 */
public record Training(Integer batchSize, Integer epochs, Double holdout, Long retrainEvery) {

    public static final Training DEFAULT = new Training(null, null, null, null);

    public Training {
        batchSize = batchSize == null ? 64 : batchSize;
        epochs = epochs == null ? 3 : epochs;
        holdout = holdout == null ? 0.2 : holdout;
        retrainEvery = retrainEvery == null ? 0L : retrainEvery;
    }
}
