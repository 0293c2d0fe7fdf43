package dev.samuel.onnx.grad;

import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.io.OnnxWriter;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Checks a rule against central differences in double precision. The objective is L = sum(y * w) with a
 * fixed random w, so backpropagation is seeded with dL/dy = w and every output element matters.
 */
final class FiniteDifference {
    static final double H = 1e-5;
    static final double ATOL = 1e-7;
    static final double RTOL = 1e-5;
    /** Float cases (linear ops only): a unit-scale step, tolerances of float rounding. */
    static final double H_FLOAT = 0.5;
    static final double ATOL_FLOAT = 2e-4;
    static final double RTOL_FLOAT = 2e-4;
    /** Elements checked per input: all of small tensors, a seeded sample of larger ones. */
    static final int MAX_ELEMENTS = 24;

    private FiniteDifference() {
    }

    static void check(GradCase c, long seed) throws OrtException {
        Random rng = new Random(seed);
        List<double[]> xs = new ArrayList<>();
        for (long[] s : c.shapes()) {
            xs.add(draw(rng, Math.toIntExact(Shape.of(s).size()), c.domain()));
        }
        byte[] model = build(c, rng);
        double[][] analytic = gradients(model, c, xs);
        for (int i = 0; i < xs.size(); i++) {
            double[] x = xs.get(i);
            for (int j : elements(x.length, rng)) {
                double saved = x[j];
                boolean single = c.type() == DType.FLOAT;
                double h = single ? H_FLOAT : H;
                x[j] = saved + h;
                double up = loss(model, c, xs);
                x[j] = saved - h;
                double down = loss(model, c, xs);
                x[j] = saved;
                double numeric = (up - down) / (2 * h);
                double error = Math.abs(numeric - analytic[i][j]);
                double tolerance = (single ? ATOL_FLOAT : ATOL) + (single ? RTOL_FLOAT : RTOL) * Math.max(Math.abs(numeric), Math.abs(analytic[i][j]));
                if (!(error <= tolerance)) {
                    fail(String.format("%s: seed %d, input %d element %d: analytic %.10g, numeric %.10g,"
                            + " error %.3g > tolerance %.3g", c, seed, i, j, analytic[i][j], numeric, error, tolerance));
                }
            }
        }
    }

    private static byte[] build(GradCase c, Random rng) {
        GraphBuilder b = new GraphBuilder("fd");
        List<Value> inputs = new ArrayList<>();
        for (int i = 0; i < c.shapes().size(); i++) {
            inputs.add(b.input("x" + i, c.type(), Shape.of(c.shapes().get(i))));
        }
        Value y = c.f().apply(b, inputs);
        long[] dims = y.shape().dims();
        double[] wd = draw(rng, Math.toIntExact(y.shape().size()), GradCase.Domain.SIGNED);
        Value w = b.initializer(c.type() == DType.FLOAT ? Tensor.floats("w", toFloats(wd), dims) : Tensor.doubles("w", wd, dims));
        b.output(b.named("loss", Op.REDUCE_SUM, dev.samuel.onnx.graph.Attrs.of("keepdims", 0), b.mul(y, w)));
        List<String> names = inputs.stream().map(Value::name).toList();
        Map<String, Value> grads = Backprop.gradients(b, Map.of(y.name(), w), names);
        for (String n : names) {
            b.output(b.named("grad_" + n, Op.IDENTITY, dev.samuel.onnx.graph.Attrs.NONE, grads.get(n)));
        }
        return OnnxWriter.write(b.build(), Map.of());
    }

    private static double[][] gradients(byte[] model, GradCase c, List<double[]> xs) throws OrtException {
        try (OrtSession s = Sessions.open(model, SessionConfig.DOUBLE_CHECKS); Inputs in = new Inputs(c, xs);
             OrtSession.Result r = s.run(in.map)) {
            double[][] out = new double[xs.size()][];
            for (int i = 0; i < xs.size(); i++) {
                out[i] = flat((OnnxTensor) r.get("grad_x" + i).orElseThrow());
            }
            return out;
        }
    }

    private static final Map<byte[], OrtSession> SHARED = new HashMap<>();

    private static double loss(byte[] model, GradCase c, List<double[]> xs) throws OrtException {
        if (c.freshSession()) {
            try (OrtSession s = Sessions.open(model, SessionConfig.DOUBLE_CHECKS)) {
                return lossIn(s, c, xs);
            }
        }
        OrtSession s = SHARED.computeIfAbsent(model, m -> Sessions.open(m, SessionConfig.DOUBLE_CHECKS));
        return lossIn(s, c, xs);
    }

    private static double lossIn(OrtSession s, GradCase c, List<double[]> xs) throws OrtException {
        try (Inputs in = new Inputs(c, xs); OrtSession.Result r = s.run(in.map)) {
            return flat((OnnxTensor) r.get("loss").orElseThrow())[0];
        }
    }

    /** Closes the session kept for the last case's model. */
    static void closeShared() throws OrtException {
        for (OrtSession s : SHARED.values()) {
            s.close();
        }
        SHARED.clear();
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double[] flat(OnnxTensor t) {
        if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.FLOAT) {
            java.nio.FloatBuffer fb = t.getFloatBuffer();
            double[] out = new double[fb.remaining()];
            for (int i = 0; i < out.length; i++) {
                out[i] = fb.get(i);
            }
            return out;
        }
        DoubleBuffer buf = t.getDoubleBuffer();
        double[] out = new double[buf.remaining()];
        buf.get(out);
        return out;
    }

    private static double[] draw(Random rng, int n, GradCase.Domain domain) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (domain) {
                case POSITIVE -> 0.5 + 1.5 * rng.nextDouble();
                case SIGNED -> (rng.nextBoolean() ? 1 : -1) * (0.1 + 1.9 * rng.nextDouble());
            };
        }
        return out;
    }

    private static int[] elements(int n, Random rng) {
        if (n <= MAX_ELEMENTS) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        return rng.ints(0, n).distinct().limit(MAX_ELEMENTS).toArray();
    }

    /** The input tensors of one run, closed together. */
    private static final class Inputs implements AutoCloseable {
        final Map<String, OnnxTensor> map = new HashMap<>();

        Inputs(GradCase c, List<double[]> xs) throws OrtException {
            for (int i = 0; i < xs.size(); i++) {
                map.put("x" + i, c.type() == DType.FLOAT
                        ? OnnxTensor.createTensor(Sessions.env(), java.nio.FloatBuffer.wrap(toFloats(xs.get(i))), c.shapes().get(i))
                        : OnnxTensor.createTensor(Sessions.env(), DoubleBuffer.wrap(xs.get(i)), c.shapes().get(i)));
            }
        }

        @Override
        public void close() {
            map.values().forEach(OnnxTensor::close);
        }
    }
}
