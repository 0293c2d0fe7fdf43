package dev.samuel.onnx.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.samuel.onnx.graph.Graph;
import dev.samuel.onnx.graph.Node;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.graph.Value;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** Writes a {@link Graph} as an ONNX model (IR 8, opset {@link Op#OPSET}). */
public final class OnnxWriter {
    /** IR version that goes with opset 17. */
    public static final int IR_VERSION = 8;
    /** The symbolic name written for dynamic dimensions. */
    public static final String DYNAMIC_DIM = "batch";

    private OnnxWriter() {
    }

    public static byte[] write(Graph graph, Map<String, String> metadata) {
        return toProto(graph, metadata).toByteArray();
    }

    public static ModelProto toProto(Graph graph, Map<String, String> metadata) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("samuel-onnx-training")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(Op.OPSET))
                .setGraph(graphProto(graph));
        if (graph.nodes().stream().anyMatch(n -> Op.ML_DOMAIN.equals(n.op().domain()))) {
            model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(Op.ML_DOMAIN).setVersion(Op.ML_OPSET));
        }
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    /**
     * The program with some initializers' values replaced and nothing else changed (graph, names, opsets, metadata,
     * unknown fields): trained parameters written back into the program they were imported from. Each value must
     * name an initializer of the program and keep its type and shape.
     */
    public static byte[] withInitializers(byte[] program, Map<String, Tensor> values) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(program);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new dev.samuel.onnx.graph.GraphException("not an ONNX model: " + e.getMessage(), e);
        }
        var builder = model.toBuilder();
        var graph = builder.getGraphBuilder();
        var missing = new java.util.TreeSet<>(values.keySet());
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            var old = graph.getInitializer(i);
            var value = values.get(old.getName());
            if (value == null) {
                continue;
            }
            var replacement = tensor(value.withName(old.getName()));
            if (replacement.getDataType() != old.getDataType() || !replacement.getDimsList().equals(old.getDimsList())) {
                throw new dev.samuel.onnx.graph.GraphException("initializer '" + old.getName() + "' is " + old.getDimsList()
                        + " of type " + old.getDataType() + ", the value " + replacement.getDimsList() + " of type "
                        + replacement.getDataType());
            }
            graph.setInitializer(i, replacement);
            missing.remove(old.getName());
        }
        if (!missing.isEmpty()) {
            throw new dev.samuel.onnx.graph.GraphException("the program has no initializers " + missing);
        }
        return builder.build().toByteArray();
    }

    private static GraphProto graphProto(Graph graph) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(graph.name());
        graph.inputs().forEach(v -> g.addInput(valueInfo(v)));
        graph.outputs().forEach(v -> g.addOutput(valueInfo(v)));
        graph.initializers().values().forEach(t -> g.addInitializer(tensor(t)));
        graph.nodes().forEach(n -> g.addNode(node(n)));
        return g.build();
    }

    static ValueInfoProto valueInfo(Value v) {
        TypeProto.Tensor.Builder type = TypeProto.Tensor.newBuilder().setElemType(v.type().onnxCode());
        if (v.shape() != null) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
            for (long d : v.shape().dims()) {
                shape.addDim(d == Shape.DYNAMIC
                        ? TensorShapeProto.Dimension.newBuilder().setDimParam(DYNAMIC_DIM)
                        : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            }
            type.setShape(shape);
        }
        return ValueInfoProto.newBuilder().setName(v.name()).setType(TypeProto.newBuilder().setTensorType(type)).build();
    }

    public static TensorProto tensor(Tensor t) {
        ByteBuffer raw = ByteBuffer.allocate(t.size() * t.type().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.type()) {
            case FLOAT -> raw.asFloatBuffer().put(t.floats());
            case DOUBLE -> raw.asDoubleBuffer().put(t.doubles());
            case INT64 -> raw.asLongBuffer().put(t.longs());
            case BOOL -> {
                for (boolean v : t.bools()) {
                    raw.put((byte) (v ? 1 : 0));
                }
            }
        }
        TensorProto.Builder b = TensorProto.newBuilder().setName(t.name()).setDataType(t.type().onnxCode())
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : t.shape().dims()) {
            b.addDims(d);
        }
        return b.build();
    }

    private static NodeProto node(Node n) {
        NodeProto.Builder b = NodeProto.newBuilder().setName(n.name()).setOpType(n.op().onnxName())
                .setDomain(n.op().domain()).addAllInput(n.inputs()).addAllOutput(n.outputs());
        n.attrs().asMap().forEach((name, value) -> b.addAttribute(attribute(name, value)));
        return b.build();
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (value instanceof Long l) {
            a.setType(AttributeProto.AttributeType.INT).setI(l);
        } else if (value instanceof Double d) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
        } else if (value instanceof long[] ints) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (long i : ints) {
                a.addInts(i);
            }
        } else if (value instanceof String s) {
            a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
        } else if (value instanceof String[] strings) {
            a.setType(AttributeProto.AttributeType.STRINGS);
            for (String s : strings) {
                a.addStrings(ByteString.copyFromUtf8(s));
            }
        } else if (value instanceof Tensor t) {
            a.setType(AttributeProto.AttributeType.TENSOR).setT(tensor(t));
        } else {
            throw new IllegalArgumentException("attribute " + name + " has unsupported value " + value);
        }
        return a.build();
    }
}
