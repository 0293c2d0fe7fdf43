package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forward network, ready to be trained or frozen: the graph (feature input {@code input}, one output
 * {@code output}) whose initializers hold the parameters' initial values, the value the loss reads
 * ({@code logits}: before the output softmax of a classifier; the output itself otherwise), and which
 * initializers are parameters. Other initializers (standardisation, shapes) stay constants. Dropout
 * appears as standard ONNX Dropout nodes in inference mode: identity when frozen, sampled when training.
 */
public record ForwardModel(Graph graph, String input, String logits, String output, List<String> parameters) {

    /** The second input of a spec's graph with categorical features: their raw values, [batch, features], strings. */
    public static final String CATEGORIES = dev.samuel.contracts.model.ProgramSignature.CATEGORIES;

    public ForwardModel {
        parameters = List.copyOf(parameters);
        graph.input(input);
        graph.output(output);
        graph.value(logits);
        for (String p : parameters) {
            Tensor t = graph.initializers().get(p);
            if (t == null || !t.type().isFloating()) {
                throw new GraphException("parameter '" + p + "' is not a floating-point initializer of " + graph.name());
            }
        }
    }

    public Value inputValue() {
        return graph.input(input);
    }

    /** The categorical features' input, when the graph reads any. */
    public java.util.Optional<Value> categoriesValue() {
        return graph.inputs().stream().filter(v -> v.name().equals(CATEGORIES) && v.type() == DType.STRING).findFirst();
    }

    public int featureCount() {
        return Math.toIntExact(inputValue().shape().dim(1));
    }

    /** Width of the logits (classes or regression outputs). */
    public int outputWidth() {
        return Math.toIntExact(graph.value(logits).shape().dim(1));
    }

    /** The parameters' values in the graph, by name. */
    public Map<String, Tensor> initialValues() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        parameters.forEach(p -> out.put(p, graph.initializers().get(p)));
        return out;
    }
}
