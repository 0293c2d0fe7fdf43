package dev.samuel.registry;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ONNX uploads that must be refused, beyond {@link TestModels}' truncated, external-data, dangling and misshapen
 * ones: wrong element types, external data pointing out of the store (in a node attribute, a subgraph, a sparse
 * initializer), enormous declared shapes, unknown ops and opsets, graphs without outputs, protobuf nested past its
 * parser's limit. Each starts from {@link TestModels#gemm} (4 features, 3 outputs) and changes one thing.
 */
public final class MalformedOnnx {

    private MalformedOnnx() {
    }

    /** A name for the report, the bytes, and the reason code the registry must answer with. */
    public record Upload(String what, byte[] bytes, String reason) {
    }

    public static List<Upload> uploads() {
        return List.of(
                new Upload("int64 input, cast inside", edit(MalformedOnnx::int64Input), "input_mismatch"),
                new Upload("double output, cast inside", edit(MalformedOnnx::doubleOutput), "output_mismatch"),
                new Upload("int64 input, no cast", edit(m -> retype(m, true, TensorProto.DataType.INT64)), "not_loadable"),
                new Upload("output expanded to 2^40 rows when run", edit(MalformedOnnx::expandedOutput), "fails_to_run"),
                new Upload("input of 2^40 features", edit(m -> reshape(m, 1L << 40)), "input_mismatch"),
                new Upload("weights declared [2^31, 2^31]", edit(MalformedOnnx::enormousWeights), "not_loadable"),
                new Upload("external data at ../../etc/passwd", edit(m -> external(m, "../../etc/passwd")), "external_data"),
                new Upload("external data at /etc/passwd", edit(m -> external(m, "/etc/passwd")), "external_data"),
                new Upload("external data in a Constant node", edit(MalformedOnnx::externalConstant), "external_data"),
                new Upload("external data in a subgraph", edit(MalformedOnnx::externalSubgraph), "external_data"),
                new Upload("external sparse initializer", edit(MalformedOnnx::externalSparse), "external_data"),
                new Upload("unknown op", edit(m -> graph(m, g -> g.setNode(0, g.getNode(0).toBuilder().setOpType("Nope")))),
                        "not_loadable"),
                new Upload("opset 9999", edit(m -> m.setOpsetImport(0, OperatorSetIdProto.newBuilder().setVersion(9999))),
                        "not_loadable"),
                new Upload("IR version 999", edit(m -> m.setIrVersion(999)), "not_loadable"),
                new Upload("no IR version", edit(m -> m.setIrVersion(0)), "not_onnx"),
                new Upload("no outputs", edit(m -> graph(m, GraphProto.Builder::clearOutput)), "output_mismatch"),
                new Upload("two inputs", edit(m -> graph(m, g -> g.addInput(g.getInput(0).toBuilder().setName("more")))),
                        "input_mismatch"),
                new Upload("protobuf nested 200 deep", nestedSubgraphs(200), "not_onnx"),
                new Upload("first byte flipped", flipped(0), "not_onnx"),
                new Upload("random bytes", random(4096), "not_onnx"));
    }

    /** The valid model cut at {@code length} bytes. */
    public static byte[] truncated(int length) {
        return Arrays.copyOf(TestModels.gemm(4, 3), length);
    }

    private static byte[] edit(UnaryOperator<ModelProto.Builder> change) {
        return change.apply(valid().toBuilder()).build().toByteArray();
    }

    private static ModelProto valid() {
        try {
            return ModelProto.parseFrom(TestModels.gemm(4, 3));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModelProto.Builder graph(ModelProto.Builder model, UnaryOperator<GraphProto.Builder> change) {
        return model.setGraph(change.apply(model.getGraph().toBuilder()));
    }

    private static ModelProto.Builder retype(ModelProto.Builder model, boolean input, TensorProto.DataType type) {
        return graph(model, g -> {
            var info = input ? g.getInput(0) : g.getOutput(0);
            var typed = info.toBuilder().setType(TypeProto.newBuilder().setTensorType(
                    info.getType().getTensorType().toBuilder().setElemType(type.getNumber())));
            return input ? g.setInput(0, typed) : g.setOutput(0, typed);
        });
    }

    /** The input is int64 and cast to float before the Gemm: ONNX Runtime loads it, the registry must refuse it. */
    private static ModelProto.Builder int64Input(ModelProto.Builder model) {
        return graph(retype(model, true, TensorProto.DataType.INT64), g -> g
                .setNode(0, g.getNode(0).toBuilder().setInput(0, "features_f"))
                .addNode(0, cast("features", "features_f", TensorProto.DataType.FLOAT)));
    }

    private static ModelProto.Builder doubleOutput(ModelProto.Builder model) {
        return graph(retype(model, false, TensorProto.DataType.DOUBLE), g -> g
                .setNode(0, g.getNode(0).toBuilder().setOutput(0, "scores_f"))
                .addNode(cast("scores_f", "scores", TensorProto.DataType.DOUBLE)));
    }

    private static NodeProto cast(String from, String to, TensorProto.DataType type) {
        return NodeProto.newBuilder().setOpType("Cast").addInput(from).addOutput(to)
                .addAttribute(AttributeProto.newBuilder().setName("to").setType(AttributeProto.AttributeType.INT)
                        .setI(type.getNumber())).build();
    }

    /**
     * Declares [N, 3] but expands its scores to [2^40, 3] (12 TiB) when run: the dry run's allocation must fail
     * and be reported, not take the registry down.
     */
    private static ModelProto.Builder expandedOutput(ModelProto.Builder model) {
        var shape = TensorProto.newBuilder().setName("huge").setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(2).addInt64Data(1L << 40).addInt64Data(3).build();
        return graph(model, g -> g.addInitializer(shape)
                .setNode(0, g.getNode(0).toBuilder().setOutput(0, "small"))
                .addNode(NodeProto.newBuilder().setOpType("Expand").addInput("small").addInput("huge").addOutput("scores")));
    }

    private static ModelProto.Builder reshape(ModelProto.Builder model, long features) {
        return graph(model, g -> {
            var tensor = g.getInput(0).getType().getTensorType().toBuilder();
            tensor.setShape(tensor.getShape().toBuilder().setDim(1, TensorShapeProto.Dimension.newBuilder()
                    .setDimValue(features)));
            return g.setInput(0, g.getInput(0).toBuilder().setType(TypeProto.newBuilder().setTensorType(tensor)));
        });
    }

    /** The weights claim 2^62 floats (16 EiB) and carry twelve: a loader that trusted the dims would try to allocate. */
    private static ModelProto.Builder enormousWeights(ModelProto.Builder model) {
        return graph(model, g -> g.setInitializer(0, g.getInitializer(0).toBuilder().clearDims()
                .addDims(1L << 31).addDims(1L << 31)));
    }

    private static ModelProto.Builder external(ModelProto.Builder model, String location) {
        return graph(model, g -> g.setInitializer(0, g.getInitializer(0).toBuilder().clearFloatData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))));
    }

    private static TensorProto externalTensor(String name) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber()).addDims(3)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("/etc/passwd")).build();
    }

    /** The bias comes from a Constant node whose value lives in an external file. */
    private static ModelProto.Builder externalConstant(ModelProto.Builder model) {
        return graph(model, g -> g.removeInitializer(1).addNode(0, NodeProto.newBuilder().setOpType("Constant")
                .addOutput("B").addAttribute(AttributeProto.newBuilder().setName("value")
                        .setType(AttributeProto.AttributeType.TENSOR).setT(externalTensor("B")))));
    }

    /** An If node (never taken in practice) whose branches hold an external initializer. */
    private static ModelProto.Builder externalSubgraph(ModelProto.Builder model) {
        var branch = GraphProto.newBuilder().setName("branch").addInitializer(externalTensor("hidden"))
                .addNode(NodeProto.newBuilder().setOpType("Identity").addInput("hidden").addOutput("out"))
                .addOutput(ValueInfoProto.newBuilder().setName("out").setType(floatVector())).build();
        var condition = TensorProto.newBuilder().setName("cond").setDataType(TensorProto.DataType.BOOL.getNumber())
                .addInt32Data(0).build();
        return graph(model, g -> g.addInitializer(condition).addNode(NodeProto.newBuilder().setOpType("If")
                .addInput("cond").addOutput("unused")
                .addAttribute(AttributeProto.newBuilder().setName("then_branch").setType(AttributeProto.AttributeType.GRAPH)
                        .setG(branch))
                .addAttribute(AttributeProto.newBuilder().setName("else_branch").setType(AttributeProto.AttributeType.GRAPH)
                        .setG(branch))));
    }

    private static ModelProto.Builder externalSparse(ModelProto.Builder model) {
        var indices = TensorProto.newBuilder().setName("idx").setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(1).addInt64Data(0).build();
        return graph(model, g -> g.addSparseInitializer(SparseTensorProto.newBuilder().setValues(externalTensor("sparse"))
                .setIndices(indices).addDims(3)));
    }

    private static TypeProto floatVector() {
        return TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())).build();
    }

    /** Graphs inside If nodes inside graphs, deeper than protobuf's default recursion limit of 100. */
    private static byte[] nestedSubgraphs(int depth) {
        var graph = GraphProto.newBuilder().setName("leaf").build();
        for (int i = 0; i < depth; i++) {
            graph = GraphProto.newBuilder().setName("g" + i).addNode(NodeProto.newBuilder().setOpType("If")
                    .addAttribute(AttributeProto.newBuilder().setName("then_branch")
                            .setType(AttributeProto.AttributeType.GRAPH).setG(graph))).build();
        }
        return valid().toBuilder().setGraph(graph).build().toByteArray();
    }

    private static byte[] flipped(int index) {
        var bytes = TestModels.gemm(4, 3);
        bytes[index] ^= (byte) 0xff;
        return bytes;
    }

    private static byte[] random(int length) {
        var bytes = new byte[length];
        new java.util.Random(length).nextBytes(bytes);
        return bytes;
    }
}
