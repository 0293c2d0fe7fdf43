package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Node;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.graph.Attrs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies the part of a forward graph that computes some values into a new builder, turning chosen
 * initializers into inputs (parameters fed by the session) and, when training, Dropout into a mask input.
 */
final class GraphReplay {
    private GraphReplay() {
    }

    static void replay(GraphBuilder b, ForwardModel m, Collection<String> asInputs, Collection<String> targets,
                       List<DropoutSite> dropouts) {
        replay(b, m, asInputs, java.util.Map.of(), targets, dropouts);
    }

    /** As above, with some initializers' values replaced (trained parameters, when freezing). */
    static void replay(GraphBuilder b, ForwardModel m, Collection<String> asInputs, java.util.Map<String, Tensor> values,
                       Collection<String> targets, List<DropoutSite> dropouts) {
        replay(b, m, asInputs, values, targets, dropouts, null);
    }

    /**
     * As above; with {@code running} (training), BatchNormalization uses batch statistics and the next value
     * of each running statistic fed as an input is put in {@code running} by name.
     */
    static void replay(GraphBuilder b, ForwardModel m, Collection<String> asInputs, java.util.Map<String, Tensor> values,
                       Collection<String> targets, List<DropoutSite> dropouts, java.util.Map<String, Value> running) {
        Value x = m.inputValue();
        b.input(x.name(), x.type(), x.shape());
        m.categoriesValue().ifPresent(c -> b.input(c.name(), c.type(), c.shape()));
        List<Node> nodes = needed(m, targets);
        Set<String> used = new HashSet<>();
        nodes.stream().filter(n -> n.op() != Op.DROPOUT || dropouts == null).forEach(n -> used.addAll(n.inputs()));
        for (Tensor t : m.graph().initializers().values()) {
            if (!used.contains(t.name()) && !asInputs.contains(t.name())) {
                continue; // e.g. a dropout ratio once dropout became a mask
            }
            if (asInputs.contains(t.name())) {
                b.input(t.name(), t.type(), t.shape());
            } else {
                b.initializer(values.containsKey(t.name()) ? values.get(t.name()).withName(t.name()) : t);
            }
        }
        for (Node n : nodes) {
            if (n.op() == Op.DROPOUT && dropouts != null) {
                sample(b, m, n, dropouts);
            } else if (n.op() == Op.BATCH_NORMALIZATION && running != null) {
                batchStatistics(b, n, asInputs, running);
            } else {
                List<Value> args = new ArrayList<>();
                n.inputs().forEach(in -> args.add(in.isEmpty() ? null : b.value(in)));
                b.node(n.name(), n.op(), n.attrs(), args, n.outputs());
            }
        }
    }

    /** y = x * mask, the mask an input the session samples. */
    private static void sample(GraphBuilder b, ForwardModel m, Node n, List<DropoutSite> dropouts) {
        Value x = b.value(n.input(0));
        Tensor ratio = n.hasInput(1) ? m.graph().initializers().get(n.input(1)) : null;
        if (n.hasInput(1) && ratio == null) {
            throw new GraphException("Dropout node '" + n.name() + "' needs a constant ratio to be trained");
        }
        Value mask = b.input("dropout.mask/" + n.name(), x.type(), x.shape());
        b.node(n.name(), Op.MUL, Attrs.NONE, List.of(x, mask), List.of(n.output(0)));
        dropouts.add(new DropoutSite(mask.name(), x.shape(), ratio == null ? 0.5 : ratio.get(0)));
    }

    // y = batch-normalised x; running = momentum running + (1 - momentum) batch statistic (variance unbiased)
    private static void batchStatistics(GraphBuilder b, Node n, Collection<String> asInputs, java.util.Map<String, Value> running) {
        if (n.outputs().size() > 1) {
            throw new GraphException("BatchNormalization node '" + n.name() + "' must be in inference form (one output)");
        }
        Value x = b.value(n.input(0));
        double eps = n.attrs().getFloat("epsilon", 1e-5);
        double momentum = n.attrs().getFloat("momentum", 0.9);
        var t = dev.samuel.onnx.spec.BatchNorms.training(b, x, b.value(n.input(1)), b.value(n.input(2)), eps);
        b.node(n.name(), Op.IDENTITY, Attrs.NONE, List.of(t.y()), n.outputs());
        long channels = x.shape().dim(1);
        Value count = b.div(b.cast(b.apply(Op.SIZE, x), x.type()), b.scalarLike(channels, x));
        // n / max(n - 1, 1): a batch of one value per channel keeps its (zero) biased variance instead of 0/0
        Value unbiased = b.mul(t.variance(), b.div(count, b.apply(Op.MAX, b.sub(count, b.scalarLike(1, x)), b.scalarLike(1, x))));
        Value[] batch = {t.mean(), unbiased};
        for (int i = 0; i < 2; i++) {
            String stat = n.input(3 + i);
            if (asInputs.contains(stat)) {
                running.put(stat, b.add(b.mul(b.value(stat), b.scalarLike(momentum, x)),
                        b.mul(batch[i], b.scalarLike(1 - momentum, x))));
            }
        }
    }

    /** The nodes the targets depend on, in graph order. */
    private static List<Node> needed(ForwardModel m, Collection<String> targets) {
        List<Node> nodes = m.graph().nodes();
        Set<String> wanted = new HashSet<>(targets);
        boolean[] keep = new boolean[nodes.size()];
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (n.outputs().stream().anyMatch(wanted::contains)) {
                keep[i] = true;
                n.inputs().stream().filter(s -> !s.isEmpty()).forEach(wanted::add);
            }
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (keep[i]) {
                out.add(nodes.get(i));
            }
        }
        return out;
    }
}
