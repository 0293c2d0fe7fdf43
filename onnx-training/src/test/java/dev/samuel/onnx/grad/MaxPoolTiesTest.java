package dev.samuel.onnx.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a window's maximum is tied, finite differences say nothing (max has no derivative there): the rule for
 * windows that tile x shares the window's gradient equally among its tied maxima, so each window still passes
 * on exactly its gradient, once.
 */
class MaxPoolTiesTest {

    @Test
    void tiedMaximaShareTheirWindowsGradient() throws Exception {
        GraphBuilder b = new GraphBuilder("ties");
        Value x = b.input("x", DType.FLOAT, Shape.of(1, 1, 2, 6));
        Value g = b.input("g", DType.FLOAT, Shape.of(1, 1, 1, 3));
        Value y = b.apply(Op.MAX_POOL, Attrs.of("kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}), x);
        b.output(b.named("dx", Op.IDENTITY, Attrs.NONE, Backprop.gradients(b, Map.of(y.name(), g), List.of("x")).get("x")));
        // windows: four equal values; the maximum 3 twice; one maximum
        float[] in = {1, 1, 0, 3, 5, -1,
                      1, 1, 3, 2, 4, 0};
        float[] dx = run(b, in, new float[] {2, 4, 8});
        assertThat(dx).containsExactly(new float[] {0.5f, 0.5f, 0, 2, 8, 0,
                                                    0.5f, 0.5f, 2, 0, 0, 0}, within(1e-6f));
    }

    private static float[] run(GraphBuilder b, float[] x, float[] g) throws Exception {
        try (OrtSession s = Sessions.open(OnnxWriter.write(b.build(), Map.of()), SessionConfig.EXACT);
             OnnxTensor xt = OnnxTensor.createTensor(Sessions.env(), FloatBuffer.wrap(x), new long[] {1, 1, 2, 6});
             OnnxTensor gt = OnnxTensor.createTensor(Sessions.env(), FloatBuffer.wrap(g), new long[] {1, 1, 1, 3});
             OrtSession.Result r = s.run(Map.of("x", xt, "g", gt))) {
            float[][][][] out = (float[][][][]) r.get(0).getValue();
            float[] flat = new float[12];
            for (int i = 0; i < 2; i++) {
                System.arraycopy(out[0][0][i], 0, flat, i * 6, 6);
            }
            return flat;
        }
    }
}
