package dev.samuel.bench.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import dev.samuel.onnx.train.Batch;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.FreezeOptions;
import dev.samuel.onnx.train.TrainingSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/run training, Samuel's side: MLP 784-128-10 (ReLU, Adam 1e-3, batch 64, no shuffle) on the first 7,000
 * digits, evaluated on the last 1,000, under {@link TrainingProtocol} (15 epochs in this fresh JVM: cold rate over
 * epochs 1-3, held-out figures after epoch 3, warmed rate the median over epochs 6-15); then the trained model's
 * inference rate at batch 1 and 256, frozen as it ships (the standardisation folded into the first layer), and at
 * batch 256 unfolded for comparison. Arguments: the MNIST folder, the epochs (15). Last line:
 * RESULT train_eps=... cold_train_eps=... heldout_acc=... heldout_loss=... infer_b1_rps=... infer_b256_rps=...
 */
public final class TrainingBenchmark {
    private static final String SPEC = """
            {"name": "digits", "task": {"type": "classification", "classes": 10}, "input": {"features": 784},
             "layers": [{"dense": 128, "activation": "relu"}, {"dense": 10}], "loss": "softmax_cross_entropy",
             "optimizer": {"adam": {"lr": 0.001}}, "init": {"random": {"seed": 42}},
             "training": {"batchSize": 64, "epochs": 3}}
            """;
    /** Timed passes of each inference rate (after one untimed pass), medians. */
    private static final int INFERENCE_RUNS = 5;

    public static void main(String[] args) throws Exception {
        Mnist digits = Mnist.fromArgs(args);
        int epochs = TrainingProtocol.epochs(args, 1);
        Dataset train = digits.train();
        Dataset test = digits.test();
        ModelSpec spec = spec();
        TrainingProtocol.Result result;
        byte[] frozen;
        byte[] unfolded;
        try (TrainingSession s = SamuelSide.open(spec, train)) {
            List<Batch> batches = train.batches(spec.training().batchSize());
            result = TrainingProtocol.run("samuel", new SamuelSide(s, test), e -> batches, epochs);
            FreezeMetadata metadata = new FreezeMetadata("digits", "bench", OutputKind.PROBABILITIES, Origin.SPEC,
                    Map.of("test_loss", result.heldOut().loss()), Map.of());
            frozen = s.freeze(metadata);
            unfolded = s.freeze(metadata, FreezeOptions.AS_TRAINED);
        }
        double b1 = inference(frozen, test, 1);
        double b256 = inference(frozen, test, 256);
        // The same parameters frozen without folding the standardisation (Sub, Div before the first Gemm), for comparison.
        double b256Unfolded = inference(unfolded, test, 256);
        System.out.printf("unfolded (FreezeOptions.AS_TRAINED): infer_b256_rps=%.0f%n", b256Unfolded);
        System.out.printf("RESULT train_eps=%.0f cold_train_eps=%.0f heldout_acc=%.4f heldout_loss=%.4f infer_b1_rps=%.0f infer_b256_rps=%.0f%n",
                result.warmed(), result.cold(), result.heldOut().accuracy(), result.heldOut().loss(), b1, b256);
    }

    /** The MLP both sides train: training-reference's DJL side builds its network from it too. */
    public static ModelSpec spec() {
        return ModelSpecs.parse(SPEC);
    }

    /** Median rows/s of the frozen model (prepacked, as inference serves it) over a reused direct-buffer tensor. */
    static double inference(byte[] model, Dataset test, int batch) throws Exception {
        float[] x = test.features();
        List<Double> rates = new ArrayList<>();
        FloatBuffer buf = ByteBuffer.allocateDirect(batch * 784 * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        try (OrtSession session = Sessions.open(model, SessionConfig.DEFAULT.withThreads(Integer.getInteger("bench.ortThreads", 0)));
             OnnxTensor input = OnnxTensor.createTensor(Sessions.env(), buf, new long[] {batch, 784})) {
            int rowsPerRun = batch == 1 ? 20_000 : 100 * 1024;
            for (int r = 0; r <= INFERENCE_RUNS; r++) {
                long t0 = System.nanoTime();
                for (int done = 0; done < rowsPerRun; done += batch) {
                    int from = (done % (test.rows() - batch + 1));
                    buf.clear();
                    buf.put(x, from * 784, batch * 784);
                    try (OrtSession.Result result = session.run(Map.of("features", input))) {
                        result.get(0);
                    }
                }
                if (r > 0) { // the first pass warms up
                    rates.add(rowsPerRun / ((System.nanoTime() - t0) / 1e9));
                }
            }
        }
        return TrainingProtocol.median(rates);
    }
}
