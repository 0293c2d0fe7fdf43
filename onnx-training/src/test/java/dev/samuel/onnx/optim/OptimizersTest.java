package dev.samuel.onnx.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.io.OnnxWriter;
import dev.samuel.onnx.runtime.SessionConfig;
import dev.samuel.onnx.runtime.Sessions;
import java.nio.DoubleBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Update nodes against the textbook formulas written out in Java, in double precision, over several steps. */
class OptimizersTest {
    static final double[] P = {0.5, -1.0, 2.0};
    static final double[] Q = {0.1, 0.2};
    static final double[][] GP = {{0.3, -0.2, 1.0}, {-0.5, 0.4, 0.1}, {2.0, 2.0, -3.0}};
    static final double[][] GQ = {{1.5, -0.7}, {0.2, 0.2}, {-4.0, 1.0}};

    @Test
    void adamWithDecoupledWeightDecayAndClipping() throws Exception {
        OptimizerConfig cfg = OptimizerConfig.adam().withWeightDecay(0.1).withClipNorm(2.0);
        double[] p = P.clone();
        double[] q = Q.clone();
        double[][] m = {new double[3], new double[2]};
        double[][] v = {new double[3], new double[2]};
        Map<String, double[]> state = run(cfg, 0.01, 3);
        for (int t = 1; t <= 3; t++) {
            double[][] g = clip(new double[][] {GP[t - 1], GQ[t - 1]}, 2.0);
            double[][] params = {p, q};
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < params[k].length; i++) {
                    m[k][i] = 0.9 * m[k][i] + 0.1 * g[k][i];
                    v[k][i] = 0.999 * v[k][i] + 0.001 * g[k][i] * g[k][i];
                    double mHat = m[k][i] / (1 - Math.pow(0.9, t));
                    double vHat = v[k][i] / (1 - Math.pow(0.999, t));
                    params[k][i] = params[k][i] * (1 - 0.01 * 0.1) - 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
                }
            }
        }
        assertThat(state.get("p")).containsExactly(p, within(1e-12));
        assertThat(state.get("q")).containsExactly(q, within(1e-12));
        // the state holds the second moment divided by (1 - beta2)
        assertThat(state.get("adam.v/p")).containsExactly(java.util.Arrays.stream(v[0]).map(x -> x / 0.001).toArray(),
                within(1e-9));
    }

    @Test
    void momentumAndSgd() throws Exception {
        double[] p = P.clone();
        double[] vel = new double[3];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 3; i++) {
                vel[i] = 0.9 * vel[i] + GP[t - 1][i];
                p[i] -= 0.1 * vel[i];
            }
        }
        assertThat(run(OptimizerConfig.momentum(0.9), 0.1, 3).get("p")).containsExactly(p, within(1e-12));
        double[] s = P.clone();
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 3; i++) {
                s[i] -= 0.1 * GP[t - 1][i];
            }
        }
        assertThat(run(OptimizerConfig.sgd(), 0.1, 3).get("p")).containsExactly(s, within(1e-12));
    }

    /** g scaled by min(1, c / global norm). */
    private static double[][] clip(double[][] g, double c) {
        double sq = 0;
        for (double[] a : g) {
            for (double x : a) {
                sq += x * x;
            }
        }
        double scale = Math.min(1, c / (Math.sqrt(sq) + 1e-12));
        double[][] out = new double[g.length][];
        for (int k = 0; k < g.length; k++) {
            out[k] = g[k].clone();
            for (int i = 0; i < out[k].length; i++) {
                out[k][i] *= scale;
            }
        }
        return out;
    }

    /** Runs `steps` updates with the gradients fed as inputs, carrying the outputs back by hand. */
    private static Map<String, double[]> run(OptimizerConfig cfg, double lr, int steps) throws Exception {
        GraphBuilder b = new GraphBuilder("opt");
        Map<String, Value> params = new LinkedHashMap<>();
        params.put("p", b.input("p", DType.DOUBLE, Shape.of(3)));
        params.put("q", b.input("q", DType.DOUBLE, Shape.of(2)));
        Map<String, Value> grads = Map.of("p", b.input("gp", DType.DOUBLE, Shape.of(3)), "q", b.input("gq", DType.DOUBLE, Shape.of(2)));
        List<Slot> slots = Optimizers.build(b, cfg, params, grads,
                Optimizers.learningRateInput(b, DType.DOUBLE), Optimizers.stepInput(b, DType.DOUBLE));
        Map<String, double[]> state = new HashMap<>();
        for (Slot s : slots) {
            state.put(s.input(), s.input().equals("p") ? P.clone() : s.input().equals("q") ? Q.clone()
                    : new double[Math.toIntExact(s.shape().size())]);
        }
        try (OrtSession session = Sessions.open(OnnxWriter.write(b.build(), Map.of()), SessionConfig.DOUBLE_CHECKS)) {
            for (int t = 1; t <= steps; t++) {
                Map<String, OnnxTensor> in = new HashMap<>();
                try {
                    for (Slot s : slots) {
                        in.put(s.input(), tensor(state.get(s.input()), s.shape().dims()));
                    }
                    in.put("gp", tensor(GP[t - 1], 3));
                    in.put("gq", tensor(GQ[t - 1], 2));
                    in.put("lr", tensor(new double[] {lr}));
                    in.put("step", tensor(new double[] {t}));
                    try (OrtSession.Result r = session.run(in)) {
                        for (Slot s : slots) {
                            DoubleBuffer buf = ((OnnxTensor) r.get(s.output()).orElseThrow()).getDoubleBuffer();
                            double[] v = new double[buf.remaining()];
                            buf.get(v);
                            state.put(s.input(), v);
                        }
                    }
                } finally {
                    in.values().forEach(OnnxTensor::close);
                }
            }
        }
        return state;
    }

    private static OnnxTensor tensor(double[] v, long... dims) throws Exception {
        return OnnxTensor.createTensor(Sessions.env(), DoubleBuffer.wrap(v), dims);
    }
}
