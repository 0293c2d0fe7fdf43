package dev.samuel.bench.training;

import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.Evaluation;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.Standardization;
import dev.samuel.onnx.train.TrainingSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * bench/run training-cnn: conv 16 3x3 (ReLU) - max pool 2 - conv 32 3x3 (ReLU) - max pool 2 - dense 10 on the
 * flat 784-pixel digits reshaped in the graph to [1, 28, 28]; Adam 1e-3, batch 32, up to 10 epochs (examples
 * shuffled per epoch with a fixed seed) on the first 7,000 digits, evaluated on the last 1,000 after each epoch.
 * Inputs standardised inside the graph per channel (what SpecGraphs does for specs with input.shape). Examples/s counts training steps only (evaluation excluded). Last line:
 * RESULT cnn_train_eps=... cnn_heldout_acc=... (accuracy after the last epoch)
 */
public final class CnnBenchmark {
    static final String SPEC = """
            {"name": "digits-cnn", "task": {"type": "classification", "classes": 10},
             "input": {"features": 784, "shape": [1, 28, 28]},
             "layers": [{"conv2d": 16, "kernel": 3, "padding": %d, "activation": "relu"}, {"max_pool2d": 2},
                        {"conv2d": 32, "kernel": 3, "padding": %d, "activation": "relu"}, {"max_pool2d": 2}, {"dense": 10}],
             "optimizer": {"adam": {"lr": %s}}, "init": {"random": {"seed": 42}},
             "training": {"batchSize": %d, "epochs": 10}}
            """;
    static final int PADDING = Integer.getInteger("bench.padding", 0);
    static final String LR = System.getProperty("bench.lr", "0.001");
    static final int BATCH = Integer.getInteger("bench.batch", 32);

    public static void main(String[] args) throws Exception {
        Mnist digits = Mnist.fromArgs(args);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Dataset train = digits.train();
        Dataset test = digits.test();
        Random order = new Random(42);
        double seconds = 0;
        long examples = 0;
        Evaluation ev = null;
        try (TrainingSession s = TrainingSession.create(ModelSpecs.parse(SPEC.formatted(PADDING, PADDING, LR, BATCH)), Standardization.fit(train),
                InitialParameters.random(42))) {
            for (int e = 1; e <= epochs; e++) {
                List<Batch> batches = shuffled(train, order).batches(BATCH);
                long t0 = System.nanoTime();
                double loss = 0;
                for (Batch b : batches) {
                    loss += s.step(b);
                }
                double epochSeconds = (System.nanoTime() - t0) / 1e9;
                seconds += epochSeconds;
                examples += train.rows();
                ev = s.evaluate(test);
                System.out.printf("epoch %d: %.0f examples/s, train loss %.4f, held-out accuracy %.4f, loss %.4f%n",
                        e, train.rows() / epochSeconds, loss / batches.size(), ev.accuracy(), ev.loss());
            }
        }
        System.out.printf("RESULT cnn_train_eps=%.0f cnn_heldout_acc=%.4f%n", examples / seconds, ev.accuracy());
    }

    /** The examples in a fresh random order (the same sequence of orders for the same seed). */
    static Dataset shuffled(Dataset data, Random rng) {
        int n = data.rows();
        int f = data.featureCount();
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perm.add(i);
        }
        Collections.shuffle(perm, rng);
        float[] x = new float[n * f];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.features(), perm.get(i) * f, x, i * f, f);
            y[i] = data.classes()[perm.get(i)];
        }
        return Dataset.classification(x, f, y);
    }
}
