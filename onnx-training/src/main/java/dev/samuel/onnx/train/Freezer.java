package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.io.OnnxWriter;
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
        return OnnxWriter.write(frozenGraph(model, parameters, options), metadata.asProperties());
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
