package dev.samuel.onnx.train;

import dev.samuel.contracts.spec.OnnxMetadata;
import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.io.OnnxWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Freeze: the forward graph alone, with trained parameters as its initializers and the caller's metadata. */
public final class Freezer {
    private Freezer() {
    }

    public static byte[] freeze(ForwardModel model, Map<String, Tensor> parameters, FreezeMetadata metadata) {
        var properties = new LinkedHashMap<>(metadata.asProperties());
        if (outputsProbabilities(model)) {
            // Tells inference to serve the outputs as they are rather than guess from a probe batch.
            properties.put(OnnxMetadata.SCORES, OnnxMetadata.PROBABILITIES);
        }
        return OnnxWriter.write(frozenGraph(model, parameters), properties);
    }

    /** A classifier whose output is a Softmax or Sigmoid of its logits. */
    static boolean outputsProbabilities(ForwardModel model) {
        return model.graph().nodes().stream()
                .filter(node -> node.outputs().contains(model.output()))
                .anyMatch(node -> node.op() == Op.SOFTMAX || node.op() == Op.SIGMOID);
    }

    static Graph frozenGraph(ForwardModel model, Map<String, Tensor> parameters) {
        GraphBuilder b = new GraphBuilder(model.graph().name());
        GraphReplay.replay(b, model, List.of(), parameters, List.of(model.output()), null);
        b.output(b.value(model.output()));
        return b.build();
    }
}
