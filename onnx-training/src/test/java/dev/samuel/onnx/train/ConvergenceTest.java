package dev.samuel.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.spec.ModelSpec;
import org.junit.jupiter.api.Test;

/** Small networks learn data generated here, to stated accuracies and errors. */
class ConvergenceTest {

    static Evaluation train(ModelSpec spec, Dataset train, Dataset test, int epochs, int batch) {
        try (TrainingSession s = TrainingSession.create(spec, Standardization.fit(train), InitialParameters.random(11))) {
            for (int e = 0; e < epochs; e++) {
                for (Batch b : train.batches(batch)) {
                    s.step(b);
                }
            }
            return s.evaluate(test);
        }
    }

    @Test
    void mlpSeparatesFourGaussianBlobs() {
        Dataset data = Synthetic.blobs(4, 2, 1200, 1);
        ModelSpec spec = Specs.classifier(2, "{\"dense\": 16, \"activation\": \"relu\"}", 4, "{\"adam\": {\"lr\": 0.01}}");
        Evaluation eval = train(spec, data.slice(0, 1000), data.slice(1000, 1200), 10, 32);
        assertThat(eval.accuracy()).as("held-out accuracy").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void mlpLearnsTwoSpirals() {
        Dataset data = Synthetic.spirals(1200, 2);
        ModelSpec spec = Specs.classifier(2, "{\"dense\": 32, \"activation\": \"tanh\"}, {\"dense\": 32, \"activation\": \"tanh\"}",
                2, "{\"adam\": {\"lr\": 0.01}}");
        Evaluation eval = train(spec, data.slice(0, 1000), data.slice(1000, 1200), 150, 32);
        assertThat(eval.accuracy()).as("held-out accuracy").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void regressionNetReachesLowError() {
        Dataset data = Synthetic.regression(1200, 3);
        ModelSpec spec = Specs.regressor(3, "{\"dense\": 32, \"activation\": \"tanh\"}", 1, "mse", "{\"adam\": {\"lr\": 0.01}}");
        Evaluation eval = train(spec, data.slice(0, 1000), data.slice(1000, 1200), 60, 32);
        // the target's variance is about 2.6; noise variance 0.0025
        assertThat(eval.loss()).as("held-out MSE").isLessThan(0.02);
    }
}
