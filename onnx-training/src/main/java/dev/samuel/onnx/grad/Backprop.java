package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Node;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation of the nodes already in a builder: walks them from last to first, asks
 * {@link GradientTable} for each node on a path from a parameter to a seed, and sums the partial
 * gradients of a value that feeds several nodes.
 */
public final class Backprop {
    private final GraphBuilder b;
    private final Map<String, List<Value>> partials = new HashMap<>();

    private Backprop(GraphBuilder b) {
        this.b = b;
    }

    /**
     * Adds the gradient nodes to {@code b}. {@code seeds} maps value names to the gradient of the objective
     * with respect to them (for a scalar loss, its own gradient 1; for a fused loss, the gradient at the
     * logits). Returns the gradient of each of {@code wrt}, in order.
     */
    public static Map<String, Value> gradients(GraphBuilder b, Map<String, Value> seeds, Collection<String> wrt) {
        return new Backprop(b).run(seeds, wrt);
    }

    private Map<String, Value> run(Map<String, Value> seeds, Collection<String> wrt) {
        List<Node> forward = b.build().nodes();
        Set<String> fromParams = reachableFrom(forward, wrt);
        Set<String> toSeeds = reaching(forward, seeds.keySet());
        seeds.forEach((name, g) -> partials.computeIfAbsent(name, k -> new ArrayList<>()).add(g));
        for (int i = forward.size() - 1; i >= 0; i--) {
            Node node = forward.get(i);
            if (node.outputs().stream().anyMatch(partials::containsKey)) {
                visit(node, in -> fromParams.contains(in) && toSeeds.contains(in) && b.value(in).type().isFloating());
            }
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (String w : wrt) {
            if (!partials.containsKey(w)) {
                throw new GraphException("parameter '" + w + "' does not affect the objective");
            }
            out.put(w, total(w));
        }
        return out;
    }

    private void visit(Node node, java.util.function.Predicate<String> wanted) {
        if (node.inputs().stream().noneMatch(in -> !in.isEmpty() && wanted.test(in))) {
            return;
        }
        Gradient entry = GradientTable.lookup(node.op()).orElseThrow(() -> new GraphException(
                "no gradient rule for " + node.op().onnxName() + " (node '" + node.name() + "')"));
        if (entry instanceof Gradient.Forbidden f) {
            throw new GraphException("cannot differentiate " + node.op().onnxName() + " node '" + node.name()
                    + "': " + f.why());
        }
        if (entry instanceof Gradient.Rule rule) {
            List<Value> outGrads = new ArrayList<>();
            for (String o : node.outputs()) {
                outGrads.add(partials.containsKey(o) ? total(o) : null);
            }
            if (outGrads.get(0) == null) {
                throw new GraphException("gradient of " + node.op().onnxName() + " node '" + node.name()
                        + "' reaches only its secondary outputs");
            }
            GradContext ctx = new GradContext(b, node, outGrads, i -> node.hasInput(i) && wanted.test(node.input(i)));
            collect(node, rule.apply(ctx), ctx);
        }
    }

    private void collect(Node node, Value[] grads, GradContext ctx) {
        for (int i = 0; i < node.inputs().size(); i++) {
            if (i < grads.length && grads[i] != null && ctx.needs(i)) {
                checkShape(ctx, grads[i], b.value(node.input(i)));
                partials.computeIfAbsent(node.input(i), k -> new ArrayList<>()).add(grads[i]);
            }
        }
    }

    /** The gradient of a value: its partials summed once, in the order they arrived. */
    private Value total(String name) {
        List<Value> list = partials.get(name);
        if (list.size() > 1) {
            Value sum = b.sum(list.toArray(Value[]::new));
            list.clear();
            list.add(sum);
        }
        return list.get(0);
    }

    private static void checkShape(GradContext ctx, Value grad, Value input) {
        Shape g = grad.shape();
        Shape x = input.shape();
        if (g == null || x == null) {
            return;
        }
        boolean ok = g.rank() == x.rank();
        for (int d = 0; ok && d < g.rank(); d++) {
            ok = g.dim(d) == x.dim(d) || g.dim(d) == Shape.DYNAMIC || x.dim(d) == Shape.DYNAMIC;
        }
        if (!ok) {
            throw ctx.fail("gave " + input.name() + " of shape " + x + " a gradient of shape " + g);
        }
    }

    private static Set<String> reachableFrom(List<Node> nodes, Collection<String> starts) {
        Set<String> seen = new HashSet<>(starts);
        for (Node n : nodes) {
            if (n.inputs().stream().anyMatch(seen::contains)) {
                seen.addAll(n.outputs());
            }
        }
        return seen;
    }

    private static Set<String> reaching(List<Node> nodes, Collection<String> ends) {
        Set<String> seen = new HashSet<>(ends);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.outputs().stream().anyMatch(seen::contains)) {
                n.inputs().stream().filter(s -> !s.isEmpty()).forEach(seen::add);
            }
        }
        return seen;
    }
}
