package dev.samuel.registry;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import java.util.List;
import java.util.stream.IntStream;

/** Tiny ONNX models built in code: a dense layer {@code features -> outputs} as one Gemm with its initializers. */
public final class TestModels {

    private TestModels() {
    }

    /** A classification spec with one dense layer, matching {@link #gemm(int, int)}. */
    public static ModelSpec spec(String name, int features, int classes) {
        return new ModelSpec(name, Task.classification(classes), Input.of(features), List.of(Layer.dense(classes)),
                null, null, null, null, null, null);
    }

    public static String specJson(String name, int features, int classes) {
        return dev.samuel.contracts.spec.ModelSpecs.toJson(spec(name, features, classes));
    }

    /** {@code scores[N, outputs] = features[N, inputs] x W + B}, with weights that differ per seed. */
    public static byte[] gemm(int inputs, int outputs, int seed) {
        return model(gemmGraph(inputs, outputs, seed, weights(inputs, outputs, seed))).toByteArray();
    }

    public static byte[] gemm(int inputs, int outputs) {
        return gemm(inputs, outputs, 1);
    }

    /** A valid model whose weights live in an external file, as onnx saves large models by default. */
    public static byte[] withExternalData(int inputs, int outputs) {
        var external = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(inputs).addDims(outputs)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("weights.bin"))
                .build();
        return model(gemmGraph(inputs, outputs, 1, external)).toByteArray();
    }

    /** A valid model padded with a doc string to about {@code bytes} bytes. */
    public static byte[] padded(int inputs, int outputs, int bytes) {
        return model(gemmGraph(inputs, outputs, 1, weights(inputs, outputs, 1)).toBuilder()
                .setDocString("x".repeat(bytes)).build()).toByteArray();
    }

    /** Protobuf that parses as a model but references a weight that does not exist: ONNX Runtime refuses it. */
    public static byte[] dangling(int inputs, int outputs) {
        var graph = gemmGraph(inputs, outputs, 1, weights(inputs, outputs, 1)).toBuilder().removeInitializer(0).build();
        return model(graph).toByteArray();
    }

    /** Bytes that are no ONNX model at all. */
    public static byte[] corrupt() {
        var bytes = gemm(4, 3);
        return java.util.Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static ModelProto model(GraphProto graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("samuel-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build();
    }

    private static GraphProto gemmGraph(int inputs, int outputs, int seed, TensorProto weights) {
        var bias = TensorProto.newBuilder().setName("B").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(outputs);
        IntStream.range(0, outputs).forEach(i -> bias.addFloatData(0.01f * (i + seed)));
        return GraphProto.newBuilder().setName("dense")
                .addNode(NodeProto.newBuilder().setOpType("Gemm").addInput("features").addInput("W").addInput("B")
                        .addOutput("scores"))
                .addInitializer(weights).addInitializer(bias)
                .addInput(matrix("features", inputs)).addOutput(matrix("scores", outputs))
                .build();
    }

    private static TensorProto weights(int inputs, int outputs, int seed) {
        var weights = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(inputs).addDims(outputs);
        IntStream.range(0, inputs * outputs).forEach(i -> weights.addFloatData((float) Math.sin(i + seed)));
        return weights.build();
    }

    /** A float tensor of shape {@code [N, width]}, N symbolic. */
    private static ValueInfoProto matrix(String name, int width) {
        var shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }
}
