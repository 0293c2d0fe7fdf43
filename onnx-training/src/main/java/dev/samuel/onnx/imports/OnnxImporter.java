package dev.samuel.onnx.imports;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Node;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import dev.samuel.onnx.io.OnnxReader;
import dev.samuel.onnx.train.ForwardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports an existing forward model (for example one exported by PyTorch) whose ops are all in {@link Op}:
 * its floating-point initializers become trainable parameters with their values as the starting point
 * (initializers no node reads are left out).
 * The model needs one feature input [batch, features] (or [batch, C, H, W], read from flat features) and one output, read as the logits; an output
 * activation (softmax, sigmoid) may be added on top so the frozen program emits scores like spec models do.
 */
public final class OnnxImporter {
    /** Opsets whose signatures for our ops equal those of {@link Op#OPSET}. */
    public static final int MIN_OPSET = 13;
    private static final String CONSTANT = "Constant";

    public enum OutputActivation { NONE, SOFTMAX, SIGMOID }

    private OnnxImporter() {
    }

    public static ForwardModel read(byte[] onnx, OutputActivation activation) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw new GraphException("not an ONNX model: " + e.getMessage(), e);
        }
        checkOpset(model);
        GraphProto g = model.getGraph();
        checkOps(g);
        return build(g, activation);
    }

    /**
     * A registered program as a network to fine-tune: its own graph and parameters, unchanged, with the loss reading
     * its logits. Logits and values are the output itself; probabilities must be a Softmax (one column: a Sigmoid)
     * of the logits, which the loss then reads before it.
     */
    public static ForwardModel trainable(byte[] onnx, OutputKind kind) {
        ForwardModel model = read(onnx, OutputActivation.NONE);
        if (kind != OutputKind.PROBABILITIES) {
            return model;
        }
        Node last = model.graph().nodes().stream().filter(n -> n.outputs().contains(model.output())).findFirst()
                .orElse(null);
        boolean normalises = last != null && (last.op() == Op.SIGMOID
                || last.op() == Op.SOFTMAX && List.of(1L, -1L).contains(last.attrs().getInt("axis", -1)));
        if (!normalises) {
            throw new GraphException("output '" + model.output() + "' holds probabilities that are not a Softmax over"
                    + " its last axis (or a Sigmoid) of logits: cross-entropy cannot be trained through it");
        }
        return new ForwardModel(model.graph(), model.input(), last.input(0), model.output(), model.parameters());
    }

    /** The initializers of any ONNX model (e.g. a frozen version, for a warm start), by name. */
    public static java.util.Map<String, Tensor> initializers(byte[] onnx) {
        try {
            java.util.Map<String, Tensor> out = new java.util.LinkedHashMap<>();
            ModelProto.parseFrom(onnx).getGraph().getInitializerList().forEach(t -> out.put(t.getName(), OnnxReader.tensor(t)));
            return out;
        } catch (InvalidProtocolBufferException e) {
            throw new GraphException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    /** The metadata_props of any ONNX model, by key. */
    public static java.util.Map<String, String> metadata(byte[] onnx) {
        try {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            ModelProto.parseFrom(onnx).getMetadataPropsList().forEach(p -> out.put(p.getKey(), p.getValue()));
            return out;
        } catch (InvalidProtocolBufferException e) {
            throw new GraphException("not an ONNX model: " + e.getMessage(), e);
        }
    }

    private static void checkOpset(ModelProto model) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            boolean standard = o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx");
            if (standard && (o.getVersion() < MIN_OPSET || o.getVersion() > Op.OPSET)) {
                throw new GraphException("model uses opset " + o.getVersion() + "; importable are opsets "
                        + MIN_OPSET + " to " + Op.OPSET);
            }
        }
    }

    /** One error listing every unsupported op, so a user sees the whole gap at once. */
    private static void checkOps(GraphProto g) {
        Set<String> unsupported = new TreeSet<>();
        for (NodeProto n : g.getNodeList()) {
            boolean standard = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
            if (!standard) {
                unsupported.add(n.getDomain() + "." + n.getOpType());
            } else if (!n.getOpType().equals(CONSTANT) && Op.byOnnxName(n.getOpType()).isEmpty()) {
                unsupported.add(n.getOpType());
            }
        }
        if (!unsupported.isEmpty()) {
            throw new GraphException("model '" + g.getName() + "' uses ops this library cannot train: "
                    + String.join(", ", unsupported));
        }
    }

    private static ForwardModel build(GraphProto g, OutputActivation activation) {
        GraphBuilder b = new GraphBuilder(g.getName().isEmpty() ? "imported" : g.getName());
        List<String> parameters = new ArrayList<>();
        Set<String> initializerNames = new TreeSet<>();
        g.getInitializerList().forEach(t -> initializerNames.add(t.getName()));
        List<ValueInfoProto> features = g.getInputList().stream().filter(v -> !initializerNames.contains(v.getName())).toList();
        if (features.size() != 1 || g.getOutputCount() != 1) {
            throw new GraphException("an importable model has one feature input and one output; '" + g.getName()
                    + "' has " + features.size() + " inputs and " + g.getOutputCount() + " outputs");
        }
        ValueInfoProto x = features.get(0);
        Set<String> read = new TreeSet<>();
        g.getNodeList().forEach(n -> read.addAll(n.getInputList()));
        g.getOutputList().forEach(o -> read.add(o.getName()));
        for (var t : g.getInitializerList()) {
            if (!read.contains(t.getName())) {
                continue; // read by no node (ORT drops it too), e.g. the trained weights kept beside a folded layer
            }
            Tensor tensor = OnnxReader.tensor(t);
            b.initializer(tensor);
            if (tensor.type().isFloating()) {
                parameters.add(tensor.name());
            }
        }
        java.util.Map<String, String> alias = input(b, x);
        for (NodeProto n : g.getNodeList()) {
            node(b, n, alias);
        }
        Value logits = b.value(g.getOutput(0).getName());
        Value out = switch (activation) {
            case NONE -> logits;
            case SOFTMAX -> b.named("scores", Op.SOFTMAX, Attrs.of("axis", 1), logits);
            case SIGMOID -> b.named("scores", Op.SIGMOID, Attrs.NONE, logits);
        };
        b.output(out);
        return new ForwardModel(b.build(), x.getName(), logits.name(), out.name(), parameters);
    }

    /**
     * Declares the feature input. An image input [batch, C, H, W] (as PyTorch exports a CNN) becomes a flat
     * [batch, C*H*W] input of the same name, reshaped inside the graph, so the model reads flat feature vectors
     * like every other; the returned map sends the nodes' reads of the input to the reshaped maps.
     */
    private static java.util.Map<String, String> input(GraphBuilder b, ValueInfoProto x) {
        Shape s = OnnxReader.shape(x);
        if (s == null || s.rank() <= 2) {
            b.input(x.getName(), OnnxReader.type(x), s);
            return java.util.Map.of();
        }
        long[] dims = s.dims();
        long flat = 1;
        for (int i = 1; i < dims.length; i++) {
            if (dims[i] == Shape.DYNAMIC) {
                throw new GraphException("input '" + x.getName() + "' " + s + ": an image input needs static sizes after the batch");
            }
            flat *= dims[i];
        }
        Value in = b.input(x.getName(), OnnxReader.type(x), Shape.of(Shape.DYNAMIC, flat));
        dims[0] = -1;
        Value maps = b.named(x.getName() + "/maps", Op.RESHAPE, Attrs.NONE, in, b.longs(dims));
        return java.util.Map.of(x.getName(), maps.name());
    }

    private static void node(GraphBuilder b, NodeProto n, java.util.Map<String, String> alias) {
        Attrs attrs = Attrs.NONE;
        for (AttributeProto a : n.getAttributeList()) {
            attrs = OnnxReader.attribute(attrs, a);
        }
        if (n.getOpType().equals(CONSTANT)) {
            Object value = attrs.get("value");
            if (!(value instanceof Tensor t)) {
                throw new GraphException("Constant node '" + n.getName() + "' must hold a tensor 'value'");
            }
            b.initializer(t.withName(n.getOutput(0)));
            return;
        }
        Op op = Op.byOnnxName(n.getOpType()).orElseThrow();
        List<Value> args = new ArrayList<>();
        n.getInputList().forEach(in -> args.add(in.isEmpty() ? null : b.value(alias.getOrDefault(in, in))));
        String name = n.getName().isEmpty() || b.has(n.getName()) ? b.freshName(op.onnxName()) : n.getName();
        b.node(name, op, attrs, args, n.getOutputList());
    }
}
