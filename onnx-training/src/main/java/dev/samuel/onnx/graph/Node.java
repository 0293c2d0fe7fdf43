package dev.samuel.onnx.graph;

import java.util.List;
import java.util.Map;

/**
 * One op application. Construction checks the node against its op's arity and attributes, so a malformed
 * node fails with a message naming the op and the node. An omitted optional input is the empty name.
 */
public record Node(String name, Op op, List<String> inputs, List<String> outputs, Attrs attrs) {

    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        check(inputs.size() >= op.minInputs() && inputs.size() <= op.maxInputs(), name, op,
                "takes " + range(op.minInputs(), op.maxInputs()) + " inputs, got " + inputs.size());
        check(outputs.size() >= op.minOutputs() && outputs.size() <= op.maxOutputs(), name, op,
                "has " + range(op.minOutputs(), op.maxOutputs()) + " outputs, got " + outputs.size());
        checkAttributes(name, op, attrs);
    }

    public String input(int i) {
        return i < inputs.size() ? inputs.get(i) : "";
    }

    public boolean hasInput(int i) {
        return !input(i).isEmpty();
    }

    public String output(int i) {
        return outputs.get(i);
    }

    private static void checkAttributes(String name, Op op, Attrs attrs) {
        for (Map.Entry<String, Object> e : attrs.asMap().entrySet()) {
            AttrSpec spec = op.attribute(e.getKey()).orElse(null);
            check(spec != null, name, op, "has no attribute '" + e.getKey() + "'; it accepts " + op.attributes());
            check(spec.type().accepts(e.getValue()), name, op,
                    "attribute '" + e.getKey() + "' must be " + spec.type() + ", got " + e.getValue());
        }
        for (AttrSpec spec : op.attributes()) {
            check(!spec.required() || attrs.get(spec.name()) != null, name, op,
                    "needs attribute '" + spec.name() + "'");
        }
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
    }

    static void check(boolean ok, String node, Op op, String message) {
        if (!ok) {
            throw new GraphException(op.onnxName() + " node '" + node + "' " + message);
        }
    }
}
