package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Node;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input standardisation of a forward graph folded into its first dense layer, for freezing
 * ({@link FreezeOptions#foldStandardization()}):
 * <pre>
 *   ((x - mean) / std) W + b  =  x W' + b',   W'[j, k] = W[j, k] / std[j],   b'[k] = b[k] - sum_j (mean[j] / std[j]) W[j, k]
 * </pre>
 * with W as the Gemm reads it ([features, units]; with transB it holds [units, features] and j is its column).
 * Only the exact pattern qualifies: the feature input read by one Sub of a constant mean, read by one Div by a
 * constant std, read by one Gemm (transA 0, alpha 1, beta 1, a bias) as its A; mean and std constants of the graph
 * (not trained parameters, which is how an imported model's own normalisation looks), every std finite and
 * non-zero (the standardisation fitted on data already replaced a zero std by 1, so the fold sees that 1), W and
 * b read by that Gemm alone, and every folded value finite. Anything else is left as it is.
 */
final class StandardizationFold {
    /** Suffix of the folded weight and bias initializers; the trained ones keep their own names. */
    static final String SUFFIX = "/folded";

    private final Node sub;
    private final Node div;
    private final Node gemm;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor foldedWeight;
    private final Tensor foldedBias;

    private StandardizationFold(Node sub, Node div, Node gemm, Tensor weight, Tensor bias, Tensor foldedWeight,
                                Tensor foldedBias) {
        this.sub = sub;
        this.div = div;
        this.gemm = gemm;
        this.weight = weight;
        this.bias = bias;
        this.foldedWeight = foldedWeight;
        this.foldedBias = foldedBias;
    }

    /** The fold of the model's standardisation with these parameter values, if the graph has the pattern. */
    static Optional<StandardizationFold> find(ForwardModel model, Map<String, Tensor> parameters) {
        Value x = model.inputValue();
        if (model.categoriesValue().isPresent()) {
            return Optional.empty(); // the first layer reads the categories' encodings too
        }
        Node sub = onlyConsumer(model, x.name(), Op.SUB);
        Node div = sub == null ? null : onlyConsumer(model, sub.output(0), Op.DIV);
        Node gemm = div == null ? null : onlyConsumer(model, div.output(0), Op.GEMM);
        if (gemm == null || !sub.input(0).equals(x.name()) || !div.input(0).equals(sub.output(0))
                || !gemm.input(0).equals(div.output(0)) || !gemm.hasInput(2) || !plainGemm(gemm.attrs())
                || x.shape() == null || x.rank() != 2 || x.shape().dim(1) == Shape.DYNAMIC) {
            return Optional.empty();
        }
        int features = Math.toIntExact(x.shape().dim(1));
        Tensor mean = constant(model, sub.input(1));
        Tensor std = constant(model, div.input(1));
        Tensor weight = value(model, parameters, gemm.input(1), gemm);
        Tensor bias = value(model, parameters, gemm.input(2), gemm);
        boolean transB = gemm.attrs().getInt("transB", 0) == 1;
        if (!perFeature(mean, features) || !perFeature(std, features) || weight == null || bias == null
                || weight.name().equals(bias.name())
                || weight.shape().rank() != 2 || weight.shape().dim(transB ? 1 : 0) != features) {
            return Optional.empty();
        }
        int units = Math.toIntExact(weight.shape().dim(transB ? 0 : 1));
        if (bias.size() != units || (bias.shape().rank() != 1 && !bias.shape().equals(Shape.of(1, units)))) {
            return Optional.empty();
        }
        float[] m = mean.floats();
        float[] s = std.floats();
        for (int j = 0; j < features; j++) {
            if (!Float.isFinite(m[j]) || !Float.isFinite(s[j]) || s[j] == 0) {
                return Optional.empty();
            }
        }
        float[] w = weight.floats();
        float[] c = bias.floats();
        float[] w2 = new float[w.length];
        float[] c2 = new float[c.length];
        for (int k = 0; k < units; k++) {
            double b = c[k];
            for (int j = 0; j < features; j++) {
                int at = transB ? k * features + j : j * units + k;
                w2[at] = (float) (w[at] / (double) s[j]);
                b -= (double) m[j] / s[j] * w[at];
            }
            c2[k] = (float) b;
        }
        if (!allFinite(w2) || !allFinite(c2) || model.graph().values().containsKey(weight.name() + SUFFIX)
                || model.graph().values().containsKey(bias.name() + SUFFIX)) {
            return Optional.empty(); // e.g. W / std beyond float range for a subnormal std
        }
        return Optional.of(new StandardizationFold(sub, div, gemm, weight, bias,
                Tensor.floats(weight.name() + SUFFIX, w2, weight.shape().dims()),
                Tensor.floats(bias.name() + SUFFIX, c2, bias.shape().dims())));
    }

    /**
     * The model with the Sub and Div gone and the Gemm reading the raw input and the folded weight and bias.
     * The trained weight and bias stay initializers of the graph (read by nothing) so callers can still name them.
     */
    ForwardModel apply(ForwardModel model) {
        Graph g = model.graph();
        GraphBuilder b = new GraphBuilder(g.name());
        Value x = model.inputValue();
        b.input(x.name(), x.type(), x.shape());
        g.initializers().values().forEach(b::initializer);
        b.initializer(foldedWeight);
        b.initializer(foldedBias);
        for (Node n : g.nodes()) {
            if (n == sub || n == div) {
                continue;
            }
            List<String> inputs = n == gemm ? List.of(x.name(), foldedWeight.name(), foldedBias.name()) : n.inputs();
            List<Value> args = new ArrayList<>();
            inputs.forEach(in -> args.add(in.isEmpty() ? null : b.value(in)));
            b.node(n.name(), n.op(), n.attrs(), args, n.outputs());
        }
        g.outputs().forEach(b::output);
        return new ForwardModel(b.build(), model.input(), model.logits(), model.output(), model.parameters());
    }

    /** The trained weight and bias of the folded layer (values as frozen, names as trained). */
    List<Tensor> trained() {
        return List.of(weight, bias);
    }

    /** The one node reading the value, if it has that op and the value is no graph output. */
    private static Node onlyConsumer(ForwardModel model, String value, Op op) {
        List<Node> readers = model.graph().consumers(value);
        boolean output = value.equals(model.logits()) || model.graph().outputs().stream().anyMatch(o -> o.name().equals(value));
        return readers.size() == 1 && readers.get(0).op() == op && !output ? readers.get(0) : null;
    }

    private static boolean plainGemm(Attrs attrs) {
        return attrs.getInt("transA", 0) == 0 && attrs.getFloat("alpha", 1.0) == 1.0 && attrs.getFloat("beta", 1.0) == 1.0;
    }

    /** A float constant of the graph that is not a trained parameter. */
    private static Tensor constant(ForwardModel model, String name) {
        Tensor t = model.graph().initializers().get(name);
        return t != null && t.type() == DType.FLOAT && !model.parameters().contains(name) ? t : null;
    }

    /** A float initializer's current value (trained, when it is a parameter), read by that Gemm alone. */
    private static Tensor value(ForwardModel model, Map<String, Tensor> parameters, String name, Node gemm) {
        Tensor t = model.graph().initializers().get(name);
        List<Node> readers = model.graph().consumers(name);
        if (t == null || t.type() != DType.FLOAT || readers.size() != 1 || readers.get(0) != gemm) {
            return null;
        }
        Tensor current = parameters.getOrDefault(name, t);
        return current.type() == DType.FLOAT && current.shape().equals(t.shape()) ? current.withName(name) : null;
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** [features] or [1, features]: one value per feature, broadcast over the batch. */
    private static boolean perFeature(Tensor t, int features) {
        return t != null && (t.shape().equals(Shape.of(features)) || t.shape().equals(Shape.of(1, features)));
    }
}
