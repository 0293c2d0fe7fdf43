package dev.samuel.testkit.onnx;

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
 * ONNX programs written byte by byte the way other tools write them, so the platform is tested on programs it did
 * not write: an MLP as {@code torch.onnx.export} writes {@code nn.Sequential(Linear, ReLU, Linear)} (opset 17,
 * Linear weights [out, in] read by {@code Gemm} with {@code transB=1}, parameters named by module path
 * {@code 0.weight} ..., a symbolic batch dimension, input {@code x}), and a linear classifier as skl2onnx writes one
 * (ONNX-ML {@code LinearClassifier}, which no gradient rule covers).
 */
public final class TorchPrograms {

    /** What follows the last Linear layer, and the name of the output. */
    public enum Ending {
        /** Nothing: output {@code logits}. */
        LOGITS("logits", null),
        /** {@code nn.Softmax(dim=1)}: output {@code probabilities}. */
        SOFTMAX("probabilities", "Softmax"),
        /** {@code nn.Sigmoid()}: output {@code probability}. */
        SIGMOID("probability", "Sigmoid");

        private final String output;
        private final String op;

        Ending(String output, String op) {
            this.output = output;
            this.op = op;
        }

        public String output() {
            return output;
        }
    }

    private TorchPrograms() {
    }

    /** x [batch, in] -> Linear(in, hidden) -> ReLU -> Linear(hidden, out) -> the ending; uniform(+-1/sqrt(fan in)). */
    public static byte[] mlp(int in, int hidden, int out, long seed, Ending ending) {
        var rng = new Random(seed);
        String last = ending.op == null ? ending.output : "/2/Gemm_output_0";
        var g = GraphProto.newBuilder().setName("main_graph")
                .addInput(info("x", in))
                .addOutput(info(ending.output, out))
                .addInitializer(uniform("0.weight", rng, 1 / Math.sqrt(in), hidden, in))
                .addInitializer(uniform("0.bias", rng, 1 / Math.sqrt(in), hidden))
                .addInitializer(uniform("2.weight", rng, 1 / Math.sqrt(hidden), out, hidden))
                .addInitializer(uniform("2.bias", rng, 1 / Math.sqrt(hidden), out))
                .addNode(gemm("/0/Gemm", "x", "0.weight", "0.bias", "/0/Gemm_output_0"))
                .addNode(NodeProto.newBuilder().setName("/1/Relu").setOpType("Relu")
                        .addInput("/0/Gemm_output_0").addOutput("/1/Relu_output_0"))
                .addNode(gemm("/2/Gemm", "/1/Relu_output_0", "2.weight", "2.bias", last));
        if (ending.op != null) {
            var node = NodeProto.newBuilder().setName("/3/" + ending.op).setOpType(ending.op).addInput(last)
                    .addOutput(ending.output);
            if (ending == Ending.SOFTMAX) {
                node.addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                        .setI(1));
            }
            g.addNode(node);
        }
        return model(g, "pytorch", "2.11.0", 17);
    }

    /**
     * A multinomial logistic regression as skl2onnx writes it with {@code zipmap=False}: {@code LinearClassifier}
     * (ONNX-ML) giving {@code label} [batch] (int64) and {@code probabilities} [batch, classes] (softmax).
     */
    public static byte[] linearClassifier(int in, int classes, long seed) {
        var rng = new Random(seed);
        var node = NodeProto.newBuilder().setName("LinearClassifier").setOpType("LinearClassifier")
                .setDomain("ai.onnx.ml").addInput("x").addOutput("label").addOutput("probabilities")
                .addAttribute(ints("classlabels_ints", classes))
                .addAttribute(floats("coefficients", rng, classes * in))
                .addAttribute(floats("intercepts", rng, classes))
                .addAttribute(AttributeProto.newBuilder().setName("multi_class").setType(AttributeProto.AttributeType.INT)
                        .setI(1))
                .addAttribute(AttributeProto.newBuilder().setName("post_transform")
                        .setType(AttributeProto.AttributeType.STRING)
                        .setS(com.google.protobuf.ByteString.copyFromUtf8("SOFTMAX")));
        var label = ValueInfoProto.newBuilder().setName("label").setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.INT64.getNumber())
                        .setShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder()
                                .setDimParam("batch")))));
        var g = GraphProto.newBuilder().setName("ONNX(LogisticRegression)").addInput(info("x", in))
                .addOutput(label).addOutput(info("probabilities", classes)).addNode(node);
        var model = ModelProto.newBuilder().setIrVersion(8).setProducerName("skl2onnx").setProducerVersion("1.17.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1))
                .setGraph(g);
        return model.build().toByteArray();
    }

    private static byte[] model(GraphProto.Builder g, String producer, String version, int opset) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName(producer).setProducerVersion(version)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(g).build().toByteArray();
    }

    private static NodeProto gemm(String name, String a, String w, String bias, String out) {
        return NodeProto.newBuilder().setName(name).setOpType("Gemm").addInput(a).addInput(w).addInput(bias).addOutput(out)
                .addAttribute(AttributeProto.newBuilder().setName("alpha").setType(AttributeProto.AttributeType.FLOAT).setF(1f))
                .addAttribute(AttributeProto.newBuilder().setName("beta").setType(AttributeProto.AttributeType.FLOAT).setF(1f))
                .addAttribute(AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT).setI(1))
                .build();
    }

    private static TensorProto uniform(String name, Random rng, double bound, long... dims) {
        var t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
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

    private static AttributeProto floats(String name, Random rng, int n) {
        var a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS);
        for (int i = 0; i < n; i++) {
            a.addFloats((float) rng.nextGaussian());
        }
        return a.build();
    }

    private static AttributeProto ints(String name, int count) {
        var a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (int i = 0; i < count; i++) {
            a.addInts(i);
        }
        return a.build();
    }

    /** A float tensor [batch, width] with a symbolic batch dimension, as exporters declare them. */
    private static ValueInfoProto info(String name, long width) {
        var shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }
}
