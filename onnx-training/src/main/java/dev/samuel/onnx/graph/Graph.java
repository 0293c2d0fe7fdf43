package dev.samuel.onnx.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable ONNX graph: typed inputs and outputs, nodes in topological order, initializers. */
public final class Graph {
    private final String name;
    private final List<Value> inputs;
    private final List<Value> outputs;
    private final List<Node> nodes;
    private final Map<String, Tensor> initializers;
    private final Map<String, Value> values;

    Graph(String name, List<Value> inputs, List<Value> outputs, List<Node> nodes,
          Map<String, Tensor> initializers, Map<String, Value> values) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.nodes = List.copyOf(nodes);
        this.initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String name() {
        return name;
    }

    public List<Value> inputs() {
        return inputs;
    }

    public List<Value> outputs() {
        return outputs;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Map<String, Tensor> initializers() {
        return initializers;
    }

    /** Every named value with its inferred type and shape. */
    public Map<String, Value> values() {
        return values;
    }

    public Value value(String valueName) {
        return value(name, values, valueName);
    }

    /** The one lookup of a value by name, for a graph and for its builder: a missing one fails naming the graph. */
    static Value value(String graphName, Map<String, Value> values, String valueName) {
        Value v = values.get(valueName);
        if (v == null) {
            throw new GraphException("graph " + graphName + " has no value '" + valueName + "'");
        }
        return v;
    }

    public Value input(String inputName) {
        return inputs.stream().filter(v -> v.name().equals(inputName)).findFirst()
                .orElseThrow(() -> new GraphException("graph " + name + " has no input '" + inputName + "'"));
    }

    public Value output(String outputName) {
        return outputs.stream().filter(v -> v.name().equals(outputName)).findFirst()
                .orElseThrow(() -> new GraphException("graph " + name + " has no output '" + outputName + "'"));
    }

    /** Nodes that read the value, in graph order. */
    public List<Node> consumers(String valueName) {
        List<Node> found = new ArrayList<>();
        for (Node n : nodes) {
            if (n.inputs().contains(valueName)) {
                found.add(n);
            }
        }
        return found;
    }
}
