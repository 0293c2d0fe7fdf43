package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Node;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** What a rule sees of one node: its inputs and outputs, the output gradients, and a builder to write with. */
public final class GradContext {
    private final GraphBuilder b;
    private final Node node;
    private final List<Value> grads;
    private final IntPredicate needs;

    GradContext(GraphBuilder b, Node node, List<Value> grads, IntPredicate needs) {
        this.b = b;
        this.node = node;
        this.grads = grads;
        this.needs = needs;
    }

    public GraphBuilder b() {
        return b;
    }

    public Node node() {
        return node;
    }

    public Attrs attrs() {
        return node.attrs();
    }

    public Value in(int i) {
        return node.hasInput(i) ? b.value(node.input(i)) : null;
    }

    public int inputCount() {
        return node.inputs().size();
    }

    public Value out(int i) {
        return b.value(node.output(i));
    }

    /** The gradient of output 0, the one every rule starts from. */
    public Value g() {
        return grads.get(0);
    }

    /** Whether input i lies on a path from a parameter, so its gradient is wanted. */
    public boolean needs(int i) {
        return needs.test(i);
    }

    /** The constant behind input i (an initializer), or null when it is computed at run time. */
    public Tensor constant(int i) {
        return node.hasInput(i) ? b.constantValue(node.input(i)) : null;
    }

    public Value[] grads(Value... perInput) {
        Value[] out = new Value[inputCount()];
        for (int i = 0; i < perInput.length && i < out.length; i++) {
            out[i] = needs(i) ? perInput[i] : null;
        }
        return out;
    }

    /**
     * Sums g over the axes along which {@code target} was broadcast to g's shape, giving target's shape.
     * Leading axes go first (dropped), then axes where target has size 1 (kept).
     */
    public Value unbroadcast(Value g, Value target) {
        Shape gs = g.shape();
        Shape ts = target.shape();
        if (gs == null || ts == null) {
            throw fail("needs static ranks to reduce a broadcast gradient (" + g + " to " + target + ")");
        }
        int lead = gs.rank() - ts.rank();
        Value out = g;
        if (lead > 0) {
            long[] axes = new long[lead];
            for (int i = 0; i < lead; i++) {
                axes[i] = i;
            }
            out = b.reduceSum(out, false, axes);
        }
        List<Long> ones = new ArrayList<>();
        for (int i = 0; i < ts.rank(); i++) {
            if (ts.dim(i) == 1 && out.shape().dim(i) != 1) {
                ones.add((long) i);
            }
        }
        return ones.isEmpty() ? out : b.reduceSum(out, true, ones.stream().mapToLong(Long::longValue).toArray());
    }

    /** x's shape as a value: a constant when static, else a Shape node. */
    public Value shapeOf(Value x) {
        return x.shape() != null && x.shape().isStatic() ? b.longs(x.shape().dims()) : b.shapeOf(x);
    }

    /** g reshaped to x's shape. */
    public Value reshapeLike(Value g, Value x) {
        return g.shape() != null && g.shape().equals(x.shape()) ? g : b.reshape(g, shapeOf(x));
    }

    public GraphException fail(String message) {
        return new GraphException("gradient of " + node.op().onnxName() + " node '" + node.name() + "' " + message);
    }
}
