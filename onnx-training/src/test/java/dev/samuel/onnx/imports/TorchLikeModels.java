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
