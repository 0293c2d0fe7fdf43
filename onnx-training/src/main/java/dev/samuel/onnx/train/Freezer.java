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
import java.util.Optional;

/**
 * Freeze: the forward graph alone, with trained parameters as its initializers and the caller's metadata;
 * by default with the input standardisation folded into the first dense layer ({@link FreezeOptions}).
 */
public final class Freezer {
    private Freezer() {
    }

    /** Frozen as it ships: {@link FreezeOptions#DEFAULT}. */
    public static byte[] freeze(ForwardModel model, Map<String, Tensor> parameters, FreezeMetadata metadata) {
        return freeze(model, parameters, metadata, FreezeOptions.DEFAULT);
    }

    public static byte[] freeze(ForwardModel model, Map<String, Tensor> parameters, FreezeMetadata metadata,
                                FreezeOptions options) {
        var properties = new LinkedHashMap<>(metadata.asProperties());
        if (outputsProbabilities(model)) {
            // Tells inference to serve the outputs as they are rather than guess from a probe batch.
            properties.put(OnnxMetadata.SCORES, OnnxMetadata.PROBABILITIES);
        }
        return OnnxWriter.write(frozenGraph(model, parameters, options), properties);
    }

    /** A classifier whose output is a Softmax or Sigmoid of its logits. */
    static boolean outputsProbabilities(ForwardModel model) {
        return model.graph().nodes().stream()
                .filter(node -> node.outputs().contains(model.output()))
                .anyMatch(node -> node.op() == Op.SOFTMAX || node.op() == Op.SIGMOID);
    }

    static Graph frozenGraph(ForwardModel model, Map<String, Tensor> parameters, FreezeOptions options) {
        Optional<StandardizationFold> fold = options.foldStandardization()
                ? StandardizationFold.find(model, parameters) : Optional.empty();
        GraphBuilder b = new GraphBuilder(model.graph().name());
        ForwardModel source = fold.map(f -> f.apply(model)).orElse(model);
        GraphReplay.replay(b, source, List.of(), parameters, List.of(model.output()), null);
        // The folded layer's trained weight and bias, read by no node: a warm start takes its parameters from a
        // frozen program by name, and it needs them as trained (its own graph standardises again).
        fold.ifPresent(f -> f.trained().forEach(b::initializer));
        b.output(b.value(model.output()));
        return b.build();
    }
}
