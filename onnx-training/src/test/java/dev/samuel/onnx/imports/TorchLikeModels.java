package dev.samuel.onnx.imports;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Random;

/**
 * Models written the way PyTorch's exporter writes an MLP (Linear weights [out, in], Gemm with transB=1,
 * module-path names like "0.weight", a symbolic batch dimension, a Constant node), built here directly on
 * the protobuf classes so the importer is tested against bytes it did not write.
 */
final class TorchLikeModels {
    private TorchLikeModels() {
    }

    /** x [batch, in] -> Linear(in, hidden) -> ReLU -> Linear(hidden, out) -> Mul by a Constant 1.0 -> logits. */
    static byte[] mlp(int in, int hidden, int out, long seed) {
        Random rng = new Random(seed);
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph")
                .addInput(info("x", "batch_size", in))
                .addOutput(info("logits", "batch_size", out))
                .addInitializer(floats("0.weight", rng, 1 / Math.sqrt(in), hidden, in))
                .addInitializer(floats("0.bias", rng, 1 / Math.sqrt(in), hidden))
                .addInitializer(floats("2.weight", rng, 1 / Math.sqrt(hidden), out, hidden))
                .addInitializer(floats("2.bias", rng, 1 / Math.sqrt(hidden), out))
                .addNode(gemm("/0/Gemm", "x", "0.weight", "0.bias", "/0/Gemm_output_0"))
                .addNode(NodeProto.newBuilder().setName("/1/Relu").setOpType("Relu")
                        .addInput("/0/Gemm_output_0").addOutput("/1/Relu_output_0"))
                .addNode(gemm("/2/Gemm", "/1/Relu_output_0", "2.weight", "2.bias", "/2/Gemm_output_0"))
                .addNode(NodeProto.newBuilder().setName("/Constant").setOpType("Constant").addOutput("/Constant_output_0")
                        .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                                .setT(TensorProto.newBuilder().setDataType(1).addFloatData(1f))))
                .addNode(NodeProto.newBuilder().setName("/Mul").setOpType("Mul")
                        .addInput("/2/Gemm_output_0").addInput("/Constant_output_0").addOutput("logits"));
        return model(g);
    }

    /** The model with {@code nn.Softmax(dim=1)} after its logits: output {@code probabilities}. */
    static byte[] withSoftmax(byte[] model) {
        try {
            var m = ModelProto.parseFrom(model).toBuilder();
            var g = m.getGraphBuilder();
            String logits = g.getOutput(0).getName();
            g.addNode(NodeProto.newBuilder().setName("/Softmax").setOpType("Softmax").addInput(logits)
                    .addOutput("probabilities").addAttribute(integer("axis", 1)));
            g.setOutput(0, g.getOutput(0).toBuilder().setName("probabilities"));
            return m.build().toByteArray();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A small CNN as PyTorch exports one whose forward starts with {@code x.view(-1, 1, 8, 8)}: x [batch, 64] ->
     * Reshape (Constant shape) -> Conv2d(1, 4, 3, padding=1) -> BatchNorm2d(4) (eval mode: running statistics as
     * initializers, momentum 0.9 in ONNX's sense) -> ReLU -> MaxPool2d(2) -> Flatten -> Linear(64, 3) -> logits.
     */
    static byte[] cnn(long seed) {
        return cnn(seed, false);
    }

    /** As {@link #cnn(long)}; with {@code imageInput} the graph takes x [batch, 1, 8, 8] itself (no Reshape). */
    static byte[] cnn(long seed, boolean imageInput) {
        Random rng = new Random(seed);
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph")
                .addInput(imageInput ? info("x", "batch_size", 1, 8, 8) : info("x", "batch_size", 64))
                .addOutput(info("logits", "batch_size", 3))
                .addInitializer(floats("conv.weight", rng, 1 / 3.0, 4, 1, 3, 3))
                .addInitializer(floats("conv.bias", rng, 1 / 3.0, 4))
                .addInitializer(filled("bn.weight", 1f, 4))
                .addInitializer(filled("bn.bias", 0f, 4))
                .addInitializer(filled("bn.running_mean", 0f, 4))
                .addInitializer(filled("bn.running_var", 1f, 4))
                .addInitializer(floats("fc.weight", rng, 1 / 8.0, 3, 64))
                .addInitializer(floats("fc.bias", rng, 1 / 8.0, 3))
                .addNode(NodeProto.newBuilder().setName("/conv/Conv").setOpType("Conv").addInput(imageInput ? "x" : "/Reshape_output_0")
                        .addInput("conv.weight").addInput("conv.bias").addOutput("/conv/Conv_output_0")
                        .addAttribute(ints("dilations", 1, 1)).addAttribute(integer("group", 1))
                        .addAttribute(ints("kernel_shape", 3, 3)).addAttribute(ints("pads", 1, 1, 1, 1))
                        .addAttribute(ints("strides", 1, 1)))
                .addNode(NodeProto.newBuilder().setName("/bn/BatchNormalization").setOpType("BatchNormalization")
                        .addInput("/conv/Conv_output_0").addInput("bn.weight").addInput("bn.bias")
                        .addInput("bn.running_mean").addInput("bn.running_var").addOutput("/bn/BatchNormalization_output_0")
                        .addAttribute(AttributeProto.newBuilder().setName("epsilon").setType(AttributeProto.AttributeType.FLOAT).setF(1e-5f))
                        .addAttribute(AttributeProto.newBuilder().setName("momentum").setType(AttributeProto.AttributeType.FLOAT).setF(0.9f))
                        .addAttribute(integer("training_mode", 0)))
                .addNode(NodeProto.newBuilder().setName("/relu/Relu").setOpType("Relu")
                        .addInput("/bn/BatchNormalization_output_0").addOutput("/relu/Relu_output_0"))
                .addNode(NodeProto.newBuilder().setName("/pool/MaxPool").setOpType("MaxPool").addInput("/relu/Relu_output_0")
                        .addOutput("/pool/MaxPool_output_0").addAttribute(integer("ceil_mode", 0))
                        .addAttribute(ints("kernel_shape", 2, 2)).addAttribute(ints("pads", 0, 0, 0, 0))
                        .addAttribute(ints("strides", 2, 2)))
                .addNode(NodeProto.newBuilder().setName("/Flatten").setOpType("Flatten").addInput("/pool/MaxPool_output_0")
                        .addOutput("/Flatten_output_0").addAttribute(integer("axis", 1)))
                .addNode(gemm("/fc/Gemm", "/Flatten_output_0", "fc.weight", "fc.bias", "logits"));
        if (!imageInput) {
            g.addNode(0, NodeProto.newBuilder().setName("/Constant").setOpType("Constant").addOutput("/Constant_output_0")
                            .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                                    .setT(TensorProto.newBuilder().setDataType(7).addDims(4)
                                            .addInt64Data(-1).addInt64Data(1).addInt64Data(8).addInt64Data(8))))
                    .addNode(1, NodeProto.newBuilder().setName("/Reshape").setOpType("Reshape").addInput("x")
                            .addInput("/Constant_output_0").addOutput("/Reshape_output_0"));
        }
        return model(g);
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static TensorProto filled(String name, float value, long n) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(1).addDims(n);
        for (long i = 0; i < n; i++) {
            t.addFloatData(value);
        }
        return t.build();
    }

    /** A model with ops the library cannot train. */
    static byte[] unsupported() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("cnn")
                .addInput(info("x", "N", 1, 8, 8)).addOutput(info("y", "N", 1, 4, 4))
                .addNode(NodeProto.newBuilder().setName("c").setOpType("LpPool").addInput("x").addOutput("c"))
                .addNode(NodeProto.newBuilder().setName("p").setOpType("Resize").addInput("c").addOutput("p"))
                .addNode(NodeProto.newBuilder().setName("r").setOpType("Relu").addInput("p").addOutput("y"));
        return model(g);
    }

    private static byte[] model(GraphProto.Builder g) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("pytorch").setProducerVersion("2.11.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(g).build().toByteArray();
    }

    private static NodeProto gemm(String name, String a, String w, String bias, String out) {
        return NodeProto.newBuilder().setName(name).setOpType("Gemm").addInput(a).addInput(w).addInput(bias).addOutput(out)
                .addAttribute(AttributeProto.newBuilder().setName("alpha").setType(AttributeProto.AttributeType.FLOAT).setF(1f))
                .addAttribute(AttributeProto.newBuilder().setName("beta").setType(AttributeProto.AttributeType.FLOAT).setF(1f))
                .addAttribute(AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT).setI(1))
                .build();
    }

    private static TensorProto floats(String name, Random rng, double bound, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(1);
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (long i = 0; i < n; i++) {
            t.addFloatData((float) ((2 * rng.nextDouble() - 1) * bound));
        }
        return t.build();
    }

    private static ValueInfoProto info(String name, String batch, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape))).build();
    }
}
