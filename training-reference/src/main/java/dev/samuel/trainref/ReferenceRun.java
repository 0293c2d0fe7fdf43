package dev.samuel.trainref;

import dev.samuel.bench.training.Mnist;
import dev.samuel.bench.training.SamuelSide;
import dev.samuel.bench.training.TrainingProtocol;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.TrainingSession;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What both DJL benchmarks do: load PyTorch on Samuel's thread count, take Samuel's initial parameters and
 * standardisation for the spec from a session opened as Samuel's side opens it, check that DJL's forward pass gives
 * Samuel's predictions from them, then train under {@link TrainingProtocol}.
 */
final class ReferenceRun {
    /** The held-out digits both forward passes score before training. */
    private static final int PROBE = 8;
    /** The largest difference in any softmax score that still counts as the same network. */
    private static final double TOLERANCE = 1e-4;

    private ReferenceRun() {
    }

    /** {@code epochsOver} gives, for the standardised training digits, each epoch's batches. */
    static TrainingProtocol.Result run(ModelSpec spec, Mnist digits, Function<Dataset, IntFunction<List<Batch>>> epochsOver, int epochs) {
        // Each engine on its own default thread count (PyTorch's: one per core), unless -Dbench.threads sets both.
        DjlEngine.load(Integer.getInteger("bench.threads", 0));
        Dataset train;
        Dataset test;
        Map<String, Tensor> initial;
        float[] expected;
        try (TrainingSession samuel = SamuelSide.open(spec, digits.train())) {
            train = Standardized.of(digits.train(), samuel.model().graph());
            test = Standardized.of(digits.test(), samuel.model().graph());
            initial = samuel.parameters();
            expected = samuel.predict(new Batch(digits.test(), 0, PROBE));
        }
        try (DjlSide side = DjlSide.create(spec, initial, test)) {
            checkForward(expected, side.scores(new Batch(test, 0, PROBE)));
            return TrainingProtocol.run("djl", side, epochsOver.apply(train), epochs);
        }
    }

    /** Fails unless both networks give the same scores: a wrong layout or copy must not be timed as PyTorch. */
    private static void checkForward(float[] samuel, float[] djl) {
        double worst = samuel.length == djl.length ? 0 : Double.POSITIVE_INFINITY;
        for (int i = 0; i < Math.min(samuel.length, djl.length); i++) {
            worst = Math.max(worst, Math.abs(samuel[i] - djl[i]));
        }
        if (!(worst <= TOLERANCE)) {
            throw new IllegalStateException("DJL's forward pass is not Samuel's: largest score difference " + worst
                    + " on " + PROBE + " digits (" + djl.length + " scores against " + samuel.length + ")");
        }
        System.out.printf("djl forward pass = samuel's predict on %d held-out digits before training: largest score difference %.2e%n", PROBE, worst);
    }
}
