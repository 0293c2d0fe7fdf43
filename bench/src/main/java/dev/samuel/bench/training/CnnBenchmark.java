package dev.samuel.bench.training;

import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.TrainingSession;

/**
 * bench/run training-cnn, Samuel's side: conv 16 3x3 (ReLU) - max pool 2 - conv 32 3x3 (ReLU) - max pool 2 - dense 10
 * on the flat 784-pixel digits reshaped in the graph to [1, 28, 28]; Adam 1e-3, batch 32, the examples shuffled per
 * epoch ({@link EpochOrders}), on the first 7,000 digits, evaluated on the last 1,000, under {@link TrainingProtocol}
 * (15 epochs in this fresh JVM: cold rate over epochs 1-3, held-out accuracy after epoch 3, warmed rate the median
 * over epochs 6-15). Inputs standardised inside the graph per channel (what SpecGraphs does for specs with
 * input.shape). Arguments: the MNIST folder, the epochs (15). Last line:
 * RESULT cnn_train_eps=... cnn_cold_train_eps=... cnn_heldout_acc=...
 */
public final class CnnBenchmark {
    private static final String SPEC = """
            {"name": "digits-cnn", "task": {"type": "classification", "classes": 10},
             "input": {"features": 784, "shape": [1, 28, 28]},
             "layers": [{"conv2d": 16, "kernel": 3, "padding": %d, "activation": "relu"}, {"max_pool2d": 2},
                        {"conv2d": 32, "kernel": 3, "padding": %d, "activation": "relu"}, {"max_pool2d": 2}, {"dense": 10}],
             "optimizer": {"adam": {"lr": %s}}, "init": {"random": {"seed": 42}},
             "training": {"batchSize": %d, "epochs": 10}}
            """;

    public static void main(String[] args) throws Exception {
        Mnist digits = Mnist.fromArgs(args);
        int epochs = TrainingProtocol.epochs(args, 1);
        Dataset train = digits.train();
        ModelSpec spec = spec();
        TrainingProtocol.Result result;
        try (TrainingSession s = SamuelSide.open(spec, train)) {
            EpochOrders orders = new EpochOrders(train, spec.training().batchSize());
            result = TrainingProtocol.run("samuel", new SamuelSide(s, digits.test()), e -> orders.next(), epochs);
        }
        System.out.printf("RESULT cnn_train_eps=%.0f cnn_cold_train_eps=%.0f cnn_heldout_acc=%.4f%n",
                result.warmed(), result.cold(), result.heldOut().accuracy());
    }

    /**
     * The CNN both sides train; -Dbench.padding=N (conv padding, default 0), -Dbench.lr=X (0.001) and -Dbench.batch=N
     * (32) select the variations bench/RESULTS.md records.
     */
    public static ModelSpec spec() {
        int padding = Integer.getInteger("bench.padding", 0);
        String lr = System.getProperty("bench.lr", "0.001");
        int batch = Integer.getInteger("bench.batch", 32);
        return ModelSpecs.parse(SPEC.formatted(padding, padding, lr, batch));
    }
}
