package dev.samuel.onnx.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.io.OnnxWriter;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import java.nio.DoubleBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each loss's closed-form gradient at the logits against central differences of the loss, in double
 * precision, with random per-example weights; and the loss value against a direct Java computation.
 */
class LossesTest {
    static final long SEED = 77L;
    static final int N = 5;

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void gradientAtTheLogitsMatchesFiniteDifferences(LossKind kind) throws Exception {
        int k = kind == LossKind.BINARY_CROSS_ENTROPY ? 1 : 4;
        Random rng = new Random(SEED);
        double[] z = new double[N * k];
        for (int i = 0; i < z.length; i++) {
            z[i] = 3 * rng.nextGaussian();
        }
        long[] classes = new long[N];
        double[] targets = new double[N * k];
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            classes[i] = rng.nextInt(kind == LossKind.BINARY_CROSS_ENTROPY ? 2 : k);
            w[i] = 0.5 + rng.nextDouble();
        }
        for (int i = 0; i < targets.length; i++) {
            targets[i] = rng.nextGaussian();
        }
        try (OrtSession s = Sessions.open(model(kind, k), SessionConfig.DOUBLE_CHECKS)) {
            double[] analytic = run(s, kind, z, k, classes, targets, w).get("grad");
            assertThat(run(s, kind, z, k, classes, targets, w).get("loss")[0])
                    .isCloseTo(reference(kind, z, k, classes, targets, w), org.assertj.core.api.Assertions.within(1e-12));
            double h = 1e-5;
            for (int j = 0; j < z.length; j++) {
                double saved = z[j];
                z[j] = saved + h;
                double up = run(s, kind, z, k, classes, targets, w).get("loss")[0];
                z[j] = saved - h;
                double down = run(s, kind, z, k, classes, targets, w).get("loss")[0];
                z[j] = saved;
                double numeric = (up - down) / (2 * h);
                double tolerance = 1e-8 + 1e-5 * Math.abs(numeric);
                if (Math.abs(numeric - analytic[j]) > tolerance) {
                    fail(String.format("%s: seed %d, logit %d: analytic %.10g, numeric %.10g, tolerance %.3g",
                            kind, SEED, j, analytic[j], numeric, tolerance));
                }
            }
        }
    }

    private static byte[] model(LossKind kind, int k) {
        GraphBuilder b = new GraphBuilder("loss");
        Value z = b.input("z", DType.DOUBLE, Shape.of(Shape.DYNAMIC, k));
        Value y = kind.hasClassLabels() ? b.input("y", DType.INT64, Shape.of(Shape.DYNAMIC))
                : b.input("y", DType.DOUBLE, Shape.of(Shape.DYNAMIC, k));
        Value w = b.input("w", DType.DOUBLE, Shape.of(Shape.DYNAMIC));
        LossNodes nodes = Losses.build(b, kind, z, y, w);
        b.output(b.named("loss", Op.IDENTITY, Attrs.NONE, nodes.loss()));
        b.output(b.named("grad", Op.IDENTITY, Attrs.NONE, nodes.gradLogits()));
        return OnnxWriter.write(b.build(), Map.of());
    }

    private static Map<String, double[]> run(OrtSession s, LossKind kind, double[] z, int k, long[] classes,
                                             double[] targets, double[] w) throws Exception {
        var env = Sessions.env();
        try (OnnxTensor zt = OnnxTensor.createTensor(env, DoubleBuffer.wrap(z), new long[] {N, k});
             OnnxTensor yt = kind.hasClassLabels() ? OnnxTensor.createTensor(env, LongBuffer.wrap(classes), new long[] {N})
                     : OnnxTensor.createTensor(env, DoubleBuffer.wrap(targets), new long[] {N, k});
             OnnxTensor wt = OnnxTensor.createTensor(env, DoubleBuffer.wrap(w), new long[] {N});
             OrtSession.Result r = s.run(Map.of("z", zt, "y", yt, "w", wt))) {
            Map<String, double[]> out = new HashMap<>();
            for (String name : new String[] {"loss", "grad"}) {
                DoubleBuffer buf = ((OnnxTensor) r.get(name).orElseThrow()).getDoubleBuffer();
                double[] v = new double[buf.remaining()];
                buf.get(v);
                out.put(name, v);
            }
            return out;
        }
    }

    /** The loss computed directly, as a reader would from its definition. */
    private static double reference(LossKind kind, double[] z, int k, long[] classes, double[] targets, double[] w) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < N; i++) {
            double l = 0;
            switch (kind) {
                case SOFTMAX_CROSS_ENTROPY -> {
                    double norm = 0;
                    for (int j = 0; j < k; j++) {
                        norm += Math.exp(z[i * k + j]);
                    }
                    l = Math.log(norm) - z[i * k + (int) classes[i]];
                }
                case MSE -> {
                    for (int j = 0; j < k; j++) {
                        double d = z[i * k + j] - targets[i * k + j];
                        l += d * d / k;
                    }
                }
                case BINARY_CROSS_ENTROPY -> {
                    double p = 1 / (1 + Math.exp(-z[i]));
                    l = classes[i] == 1 ? -Math.log(p) : -Math.log(1 - p);
                }
            }
            sum += w[i] * l;
            weights += w[i];
        }
        return sum / weights;
    }
}
