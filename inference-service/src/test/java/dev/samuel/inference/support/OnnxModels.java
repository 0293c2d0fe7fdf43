package dev.samuel.inference.support;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Frozen forward-only ONNX models written with the ONNX protobuf classes, as the trainer would export them:
 * one float input {@code [batch, features]}, one float output {@code [batch, width]}.
 */
public final class OnnxModels {

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private OnnxModels() {
    }

    /**
     * Gemm + Softmax whose favoured class wins for any input in [-1, 1]: tiny weights, bias 8 on that class.
     * So every prediction tells which version made it.
     */
    public static byte[] favouring(int features, int classes, int favoured) {
        return favouring(features, classes, favoured, true);
    }

    /** The same without the Softmax: the model outputs logits, as a PyTorch export would. */
    public static byte[] favouringLogits(int features, int classes, int favoured) {
        return favouring(features, classes, favoured, false);
    }

    private static byte[] favouring(int features, int classes, int favoured, boolean softmax) {
        var random = new Random(favoured);
        var weights = new float[features * classes];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (random.nextGaussian() * 0.01);
        }
        var bias = new float[classes];
        bias[favoured] = 8f;
        var layers = new ArrayList<Layer>();
        layers.add(new Layer(weights, bias, features, classes, false));
        return mlp(features, layers, softmax, Map.of("samuel.model.source", "test"));
    }

    /** A dense layer: weights {@code [in, out]} row-major, bias {@code [out]}, optionally followed by Relu. */
    public record Layer(float[] weights, float[] bias, int in, int out, boolean relu) {

        public static Layer random(Random random, int in, int out, boolean relu) {
            var weights = new float[in * out];
            double scale = Math.sqrt(2.0 / in);
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (random.nextGaussian() * scale);
            }
            return new Layer(weights, new float[out], in, out, relu);
        }
    }

    /** Gemm (+ Relu) per layer, then Softmax when asked. Input {@code x}, output {@code scores}. */
    public static byte[] mlp(int features, List<Layer> layers, boolean softmax, Map<String, String> metadata) {
        var graph = GraphProto.newBuilder().setName("mlp").addInput(matrix("x", features));
        String current = "x";
        for (int i = 0; i < layers.size(); i++) {
            var layer = layers.get(i);
            graph.addInitializer(tensor("w" + i, layer.weights(), layer.in(), layer.out()));
            graph.addInitializer(tensor("b" + i, layer.bias(), layer.out()));
            String out = "h" + i;
            graph.addNode(NodeProto.newBuilder().setOpType("Gemm").addInput(current).addInput("w" + i)
                    .addInput("b" + i).addOutput(out));
            current = out;
            if (layer.relu()) {
                graph.addNode(NodeProto.newBuilder().setOpType("Relu").addInput(current).addOutput(out + "r"));
                current = out + "r";
            }
        }
        if (softmax) {
            graph.addNode(NodeProto.newBuilder().setOpType("Softmax").addInput(current).addOutput("scores")
                    .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                            .setI(1)));
        } else {
            graph.addNode(NodeProto.newBuilder().setOpType("Identity").addInput(current).addOutput("scores"));
        }
        graph.addOutput(matrix("scores", layers.get(layers.size() - 1).out()));
        var model = ModelProto.newBuilder().setIrVersion(8).setProducerName("samuel-inference-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build().toByteArray();
    }

    private static ValueInfoProto matrix(String name, int width) {
        var shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape))).build();
    }

    private static TensorProto tensor(String name, float[] values, long... dims) {
        var tensor = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        for (float value : values) {
            tensor.addFloatData(value);
        }
        return tensor.build();
    }
}
