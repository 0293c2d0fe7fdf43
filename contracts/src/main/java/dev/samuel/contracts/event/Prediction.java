package dev.samuel.contracts.event;

import java.util.Arrays;

/**
 * {@code {"id": "...", "model": "M", "version": 7, "prediction": 3, "scores": [...]}}: every prediction
 * names the model version that made it. {@code scores} are class probabilities, absent for regression.
 */
public record Prediction(String id, String model, int version, Label prediction, float[] scores) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Prediction p && id.equals(p.id) && model.equals(p.model) && version == p.version
                && prediction.equals(p.prediction) && Arrays.equals(scores, p.scores);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(id, model, version, prediction) + Arrays.hashCode(scores);
    }
}
