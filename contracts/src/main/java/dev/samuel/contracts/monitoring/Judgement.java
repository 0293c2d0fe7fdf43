package dev.samuel.contracts.monitoring;

import dev.samuel.contracts.event.FloatVector;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.model.ModelSignature;

/**
 * A prediction judged against its label by the model contract's one rule ({@link ModelSignature}): the spec's loss,
 * whether a classifier was right, and the 0/1 error an error detector reads.
 *
 * @param correct null for a regression
 * @param error   a classifier's miss; a regression's squared error above {@code errorThreshold}; null for a
 *                regression whose version has no threshold
 */
public record Judgement(double loss, Boolean correct, Double error) {

    /**
     * The version metric a regression's error threshold is read from: the 90th percentile of its squared error on
     * the holdout it was judged on. A version without it has no error stream, only its loss is watched.
     */
    public static final String ERROR_THRESHOLD_METRIC = "test_squared_error_p90";

    /**
     * Judges output row {@code row} of a program (or of served predictions, {@link ModelSignature#ofPredictions}).
     *
     * @param target         the label as {@code ResolvedExample.target()} holds it
     * @param errorThreshold the squared error above which a regression's result counts as an error; null: none
     */
    public static Judgement of(ModelSignature signature, float[] outputs, int row, float[] target,
                               Double errorThreshold) {
        double loss = signature.loss(outputs, row, target);
        if (signature.isClassifier()) {
            boolean correct = signature.isCorrect(outputs, row, target);
            return new Judgement(loss, correct, correct ? 0.0 : 1.0);
        }
        return new Judgement(loss, null, errorThreshold == null ? null : loss > errorThreshold ? 1.0 : 0.0);
    }

    /** Judges a prediction as {@code M.predictions} carries it, read by {@link ModelSignature#ofPredictions}. */
    public static Judgement of(ModelSignature predictions, Prediction prediction, float[] target,
                               Double errorThreshold) {
        return of(predictions, row(predictions, prediction), 0, target, errorThreshold);
    }

    private static float[] row(ModelSignature predictions, Prediction prediction) {
        if (predictions.isClassifier()) {
            if (prediction.scores() == null || prediction.scores().length != predictions.width()) {
                throw new IllegalArgumentException("prediction " + prediction.id() + " has no scores for "
                        + predictions.width() + " classes");
            }
            return prediction.scores();
        }
        Label value = prediction.prediction();
        float[] values = value instanceof FloatVector vector ? vector.values()
                : value instanceof Label.Number number ? new float[] {(float) number.value()} : null;
        if (values == null || values.length != predictions.width()) {
            throw new IllegalArgumentException("prediction " + prediction.id() + " is not " + predictions.width()
                    + " regression value(s)");
        }
        return values;
    }
}
