package dev.samuel.onnx.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Graph} node by node. Every node is checked against its {@link Op} and gets its output
 * types and shapes inferred on the spot, so later nodes (and gradient rules) can rely on them.
 */
public final class GraphBuilder extends Ops {
    private final String name;
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Tensor> initializers = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final java.util.Set<String> nodeNames = new java.util.HashSet<>();

    public GraphBuilder(String name) {
        this.name = name;
    }

    /** A builder holding everything of {@code graph}, to extend it. */
    public static GraphBuilder from(Graph graph) {
        GraphBuilder b = new GraphBuilder(graph.name());
        b.inputs.addAll(graph.inputs());
        b.outputs.addAll(graph.outputs());
        b.nodes.addAll(graph.nodes());
        b.initializers.putAll(graph.initializers());
        b.values.putAll(graph.values());
        graph.nodes().forEach(n -> b.nodeNames.add(n.name()));
        return b;
    }

    public Value input(String inputName, DType type, Shape shape) {
        Value v = declare(new Value(inputName, type, shape));
        inputs.add(v);
        return v;
    }

    public Value initializer(Tensor tensor) {
        Value v = declare(tensor.value());
        initializers.put(tensor.name(), tensor);
        return v;
    }

    /** Marks a value as a graph output. */
    public Value output(Value v) {
        outputs.add(value(v.name()));
        return v;
    }

    /** The general form: named node, named outputs; a null input is an omitted optional input. */
    public List<Value> node(String nodeName, Op op, Attrs attrs, List<Value> args, List<String> outputNames) {
        List<String> inputNames = new ArrayList<>();
        for (Value a : args) {
            inputNames.add(a == null ? "" : value(a.name()).name());
        }
        Node node = new Node(nodeName, op, inputNames, outputNames, attrs);
        if (nodeNames.contains(nodeName)) {
            throw new GraphException("graph " + name + " already has a node named '" + nodeName + "'");
        }
        List<Value> outs;
        try {
            outs = ShapeInference.infer(node, args, initializers::get);
        } catch (RuntimeException e) {
            throw new GraphException(op.onnxName() + " node '" + nodeName + "' with inputs " + args
                    + ": " + e.getMessage(), e);
        }
        outs.forEach(this::declare);
        nodes.add(node);
        nodeNames.add(nodeName);
        return outs;
    }

    @Override
    public List<Value> node(Op op, Attrs attrs, int outputCount, Value... args) {
        String nodeName = freshNodeName(op);
        List<String> outputNames = new ArrayList<>();
        for (int i = 0; i < outputCount; i++) {
            outputNames.add(outputCount == 1 ? nodeName : nodeName + "_" + i);
        }
        return node(nodeName, op, attrs, java.util.Arrays.asList(args), outputNames);
    }

    /** A single-output node whose output gets the given name. */
    public Value named(String outputName, Op op, Attrs attrs, Value... args) {
        return node(freshNodeName(op), op, attrs, java.util.Arrays.asList(args), List.of(outputName)).get(0);
    }

    @Override
    protected Value constant(Tensor proto) {
        String constName = freshName("const");
        return initializer(proto.withName(constName));
    }

    public Value value(String valueName) {
        return Graph.value(name, values, valueName);
    }

    public boolean has(String valueName) {
        return values.containsKey(valueName);
    }

    public Tensor constantValue(String valueName) {
        return initializers.get(valueName);
    }

    public Graph build() {
        return new Graph(name, inputs, outputs, nodes, initializers, values);
    }

    private Value declare(Value v) {
        if (values.containsKey(v.name())) {
            throw new GraphException("graph " + name + " already has a value named '" + v.name() + "'");
        }
        values.put(v.name(), v);
        return v;
    }

    private String freshNodeName(Op op) {
        return freshName(op.onnxName());
    }

    /** A name not yet used for a value or node: prefix_counter. */
    public String freshName(String prefix) {
        String candidate;
        do {
            candidate = prefix + "_" + counters.merge(prefix, 1, Integer::sum);
        } while (values.containsKey(candidate) || nodeNames.contains(candidate));
        return candidate;
    }
}
