package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.io.OnnxWriter;
import java.util.List;
import java.util.Map;

/** Freeze: the forward graph alone, with trained parameters as its initializers and the caller's metadata. */
public final class Freezer {
    private Freezer() {
    }

    public static byte[] freeze(ForwardModel model, Map<String, Tensor> parameters, FreezeMetadata metadata) {
        return OnnxWriter.write(frozenGraph(model, parameters), metadata.asProperties());
    }

    static Graph frozenGraph(ForwardModel model, Map<String, Tensor> parameters) {
        GraphBuilder b = new GraphBuilder(model.graph().name());
        GraphReplay.replay(b, model, List.of(), parameters, List.of(model.output()), null);
        b.output(b.value(model.output()));
        return b.build();
    }
}
