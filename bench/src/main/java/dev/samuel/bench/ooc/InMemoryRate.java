package dev.samuel.bench.ooc;

import dev.samuel.bench.training.SamuelSide;
import dev.samuel.bench.training.TrainingProtocol;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.TrainingSession;

/**
 * {@code train_eps_in_memory}: the training engine alone, onnx-training's {@link TrainingSession} opened as
 * {@code bench/run training} opens it ({@link SamuelSide#open}: the spec's network, the standardisation fitted on
 * the examples, seeded parameters, the trainer's default intra-op threads), on the first examples of the same stream
 * held in one array, the spec's batch size cut in order up front; one epoch timed by {@link TrainingProtocol}, the
 * training steps alone. Then, untimed, its accuracy on the same holdout the job is judged on.
 */
final class InMemoryRate {

    private InMemoryRate() {
    }

    /**
     * One epoch on examples {@code 0 .. examples - 1}; held-out figures on the {@code holdout} examples from
     * {@code holdoutFrom}.
     */
    static TrainingProtocol.Result measure(ModelSpec spec, SyntheticClasses data, int examples, long holdoutFrom,
                                           int holdout) {
        var train = dataset(data, 0, examples);
        var test = dataset(data, holdoutFrom, holdout);
        try (TrainingSession session = SamuelSide.open(spec, train)) {
            var batches = train.batches(spec.training().batchSize());
            return TrainingProtocol.run("in-memory", new SamuelSide(session, test), epoch -> batches, 1);
        }
    }

    private static Dataset dataset(SyntheticClasses data, long from, int count) {
        int f = SyntheticClasses.FEATURES;
        var x = new float[count * f];
        var classes = new long[count];
        var row = new float[f];
        for (int i = 0; i < count; i++) {
            classes[i] = data.example(from + i, row);
            System.arraycopy(row, 0, x, i * f, f);
        }
        return Dataset.classification(x, f, classes);
    }
}
