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
import dev.samuel.onnx.train.Checkpoint;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.Evaluation;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.FreezeOptions;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.Standardization;
import dev.samuel.onnx.train.TrainingSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/run training: MLP 784-128-10 (ReLU, Adam 1e-3, batch 64, 3 epochs, no shuffle) on the first 7,000
 * digits, evaluated on the last 1,000; one untimed warm-up epoch, then five timed 3-epoch runs from the
 * same initial parameters (medians); then the frozen model's inference rate at batch 1 and 256 (as it ships: the
 * standardisation folded into the first layer), and at batch 256 unfolded for comparison.
 */
public final class TrainingBenchmark {
    static final String SPEC = """
            {"name": "digits", "task": {"type": "classification", "classes": 10}, "input": {"features": 784},
             "layers": [{"dense": 128, "activation": "relu"}, {"dense": 10}], "loss": "softmax_cross_entropy",
             "optimizer": {"adam": {"lr": 0.001}}, "init": {"random": {"seed": 42}},
             "training": {"batchSize": 64, "epochs": 3}}
            """;

    public static void main(String[] args) throws Exception {
        Mnist digits = Mnist.fromArgs(args);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Dataset train = digits.train();
        Dataset test = digits.test();
        ModelSpec spec = ModelSpecs.parse(SPEC);
        List<Double> eps = new ArrayList<>();
        List<Double> acc = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        byte[] frozen;
        byte[] unfolded;
        try (TrainingSession s = TrainingSession.create(spec, Standardization.fit(train), InitialParameters.random(42))) {
            Checkpoint initial = s.checkpoint();
            epoch(s, train);
            for (int r = 0; r < runs; r++) {
                s.restore(initial);
                long t0 = System.nanoTime();
                for (int e = 0; e < 3; e++) {
                    epoch(s, train);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Evaluation ev = s.evaluate(test);
                eps.add(3.0 * train.rows() / seconds);
                acc.add(ev.accuracy());
                loss.add(ev.loss());
                System.out.printf("run %d: %.0f examples/s, held-out accuracy %.4f, loss %.4f%n",
                        r + 1, eps.get(r), ev.accuracy(), ev.loss());
            }
            FreezeMetadata metadata = new FreezeMetadata("digits", "bench", OutputKind.PROBABILITIES, Origin.SPEC, Map.of("test_loss", median(loss)), Map.of());
            frozen = s.freeze(metadata);
            unfolded = s.freeze(metadata, FreezeOptions.AS_TRAINED);
        }
        double b1 = inference(frozen, test, 1, runs);
        double b256 = inference(frozen, test, 256, runs);
        // The same parameters frozen without folding the standardisation (Sub, Div before the first Gemm), for comparison.
        double b256Unfolded = inference(unfolded, test, 256, runs);
        System.out.printf("unfolded (FreezeOptions.AS_TRAINED): infer_b256_rps=%.0f%n", b256Unfolded);
        System.out.printf("RESULT train_eps=%.0f heldout_acc=%.4f heldout_loss=%.4f infer_b1_rps=%.0f infer_b256_rps=%.0f%n",
                median(eps), median(acc), median(loss), b1, b256);
    }

    private static void epoch(TrainingSession s, Dataset train) {
        for (Batch b : train.batches(64)) {
            s.step(b);
        }
    }

    /** Median rows/s of the frozen model (prepacked, as inference serves it) over a reused direct-buffer tensor. */
    static double inference(byte[] model, Dataset test, int batch, int runs) throws Exception {
        float[] x = test.features();
        List<Double> rates = new ArrayList<>();
        FloatBuffer buf = ByteBuffer.allocateDirect(batch * 784 * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        try (OrtSession session = Sessions.open(model, SessionConfig.DEFAULT.withThreads(Integer.getInteger("bench.ortThreads", 0)));
             OnnxTensor input = OnnxTensor.createTensor(Sessions.env(), buf, new long[] {batch, 784})) {
            int rowsPerRun = batch == 1 ? 20_000 : 100 * 1024;
            for (int r = 0; r <= runs; r++) {
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
        return median(rates);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
