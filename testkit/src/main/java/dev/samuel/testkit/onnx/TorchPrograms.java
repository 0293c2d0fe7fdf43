package dev.samuel.testkit.onnx;

import static dev.samuel.testkit.onnx.Protos.constant;
import static dev.samuel.testkit.onnx.Protos.filled;
import static dev.samuel.testkit.onnx.Protos.gemm;
import static dev.samuel.testkit.onnx.Protos.info;
import static dev.samuel.testkit.onnx.Protos.integer;
import static dev.samuel.testkit.onnx.Protos.ints;
import static dev.samuel.testkit.onnx.Protos.real;
import static dev.samuel.testkit.onnx.Protos.uniform;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Random;

/**
 * ONNX programs written byte by byte the way {@code torch.onnx.export} writes them (opset 17, input {@code x} with a
 * symbolic batch dimension, parameters named by module path {@code 0.weight} ..., Linear weights [out, in] read by
 * {@code Gemm} with {@code transB=1}), so the platform is tested on programs it did not write.
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

    /** {@code nn.Sequential(Linear(in, hidden), ReLU, Linear(hidden, out))} and the ending. */
    public static byte[] mlp(int in, int hidden, int out, long seed, Ending ending) {
        String last = ending.op == null ? ending.output : "/2/Gemm_output_0";
        var g = mlpGraph(in, hidden, out, seed, last).addOutput(info(ending.output, out));
        if (ending.op != null) {
            var node = NodeProto.newBuilder().setName("/3/" + ending.op).setOpType(ending.op).addInput(last)
                    .addOutput(ending.output);
            if (ending == Ending.SOFTMAX) {
                node.addAttribute(integer("axis", 1));
            }
            g.addNode(node);
        }
        return Protos.model(g, "pytorch", "2.11.0").build().toByteArray();
    }

    /** The MLP whose forward ends in {@code * 1.0}, which the TorchScript exporter writes as a Constant and a Mul. */
    public static byte[] mlpTimesConstant(int in, int hidden, int out, long seed) {
        var g = mlpGraph(in, hidden, out, seed, "/2/Gemm_output_0").addOutput(info("logits", out))
                .addNode(constant("/Constant_output_0", TensorProto.newBuilder().setDataType(Protos.FLOAT).addFloatData(1f)))
                .addNode(NodeProto.newBuilder().setName("/Mul").setOpType("Mul")
                        .addInput("/2/Gemm_output_0").addInput("/Constant_output_0").addOutput("logits"));
        return Protos.model(g, "pytorch", "2.11.0").build().toByteArray();
    }

    /** The program with {@code nn.Softmax(dim=1)} after its output: output {@code probabilities}. */
    public static byte[] withSoftmax(byte[] program) {
        try {
            var m = ModelProto.parseFrom(program).toBuilder();
            var g = m.getGraphBuilder();
            g.addNode(NodeProto.newBuilder().setName("/Softmax").setOpType("Softmax").addInput(g.getOutput(0).getName())
                    .addOutput("probabilities").addAttribute(integer("axis", 1)));
            g.setOutput(0, g.getOutput(0).toBuilder().setName("probabilities"));
            return m.build().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX program", e);
        }
    }

    /**
     * A small CNN as PyTorch exports one whose forward starts with {@code x.view(-1, 1, 8, 8)}: x [batch, 64] ->
     * Reshape (Constant shape) -> Conv2d(1, 4, 3, padding=1) -> BatchNorm2d(4) (eval mode: running statistics as
     * initializers, momentum 0.9 in ONNX's sense) -> ReLU -> MaxPool2d(2) -> Flatten -> Linear(64, 3) -> logits. With
     * {@code imageInput} the graph takes x [batch, 1, 8, 8] itself (no Reshape).
     */
    public static byte[] cnn(long seed, boolean imageInput) {
        var rng = new Random(seed);
        var g = GraphProto.newBuilder().setName("main_graph")
                .addInput(imageInput ? info("x", 1, 8, 8) : info("x", 64))
                .addOutput(info("logits", 3))
                .addInitializer(uniform("conv.weight", rng, 1 / 3.0, 4, 1, 3, 3))
                .addInitializer(uniform("conv.bias", rng, 1 / 3.0, 4))
                .addInitializer(filled("bn.weight", 1f, 4))
                .addInitializer(filled("bn.bias", 0f, 4))
                .addInitializer(filled("bn.running_mean", 0f, 4))
                .addInitializer(filled("bn.running_var", 1f, 4))
                .addInitializer(uniform("fc.weight", rng, 1 / 8.0, 3, 64))
                .addInitializer(uniform("fc.bias", rng, 1 / 8.0, 3));
        if (!imageInput) {
            g.addNode(constant("/Constant_output_0", TensorProto.newBuilder().setDataType(7).addDims(4)
                            .addInt64Data(-1).addInt64Data(1).addInt64Data(8).addInt64Data(8)))
                    .addNode(NodeProto.newBuilder().setName("/Reshape").setOpType("Reshape").addInput("x")
                            .addInput("/Constant_output_0").addOutput("/Reshape_output_0"));
        }
        g.addNode(NodeProto.newBuilder().setName("/conv/Conv").setOpType("Conv").addInput(imageInput ? "x" : "/Reshape_output_0")
                        .addInput("conv.weight").addInput("conv.bias").addOutput("/conv/Conv_output_0")
                        .addAttribute(ints("dilations", 1, 1)).addAttribute(integer("group", 1))
                        .addAttribute(ints("kernel_shape", 3, 3)).addAttribute(ints("pads", 1, 1, 1, 1))
                        .addAttribute(ints("strides", 1, 1)))
                .addNode(NodeProto.newBuilder().setName("/bn/BatchNormalization").setOpType("BatchNormalization")
                        .addInput("/conv/Conv_output_0").addInput("bn.weight").addInput("bn.bias")
                        .addInput("bn.running_mean").addInput("bn.running_var").addOutput("/bn/BatchNormalization_output_0")
                        .addAttribute(real("epsilon", 1e-5f)).addAttribute(real("momentum", 0.9f))
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
        return Protos.model(g, "pytorch", "2.11.0").build().toByteArray();
    }

    /** A program with ops no gradient rule covers (LpPool, Resize). */
    public static byte[] unsupported() {
        var g = GraphProto.newBuilder().setName("cnn")
                .addInput(info("x", 1, 8, 8)).addOutput(info("y", 1, 4, 4))
                .addNode(NodeProto.newBuilder().setName("c").setOpType("LpPool").addInput("x").addOutput("c"))
                .addNode(NodeProto.newBuilder().setName("p").setOpType("Resize").addInput("c").addOutput("p"))
                .addNode(NodeProto.newBuilder().setName("r").setOpType("Relu").addInput("p").addOutput("y"));
        return Protos.model(g, "pytorch", "2.11.0").build().toByteArray();
    }

    private static GraphProto.Builder mlpGraph(int in, int hidden, int out, long seed, String last) {
        var rng = new Random(seed);
        return GraphProto.newBuilder().setName("main_graph")
                .addInput(info("x", in))
                .addInitializer(uniform("0.weight", rng, 1 / Math.sqrt(in), hidden, in))
                .addInitializer(uniform("0.bias", rng, 1 / Math.sqrt(in), hidden))
                .addInitializer(uniform("2.weight", rng, 1 / Math.sqrt(hidden), out, hidden))
                .addInitializer(uniform("2.bias", rng, 1 / Math.sqrt(hidden), out))
                .addNode(gemm("/0/Gemm", "x", "0.weight", "0.bias", "/0/Gemm_output_0"))
                .addNode(NodeProto.newBuilder().setName("/1/Relu").setOpType("Relu")
                        .addInput("/0/Gemm_output_0").addOutput("/1/Relu_output_0"))
                .addNode(gemm("/2/Gemm", "/1/Relu_output_0", "2.weight", "2.bias", last));
    }
}
