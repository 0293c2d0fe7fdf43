package dev.samuel.testkit.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.util.Random;

/** ONNX programs written the way skl2onnx writes scikit-learn models: ONNX-ML ops, which no gradient rule covers. */
public final class SklearnPrograms {

    private SklearnPrograms() {
    }

    /**
     * A multinomial logistic regression with {@code zipmap=False}: {@code LinearClassifier} (ONNX-ML) giving
     * {@code label} [batch] (int64) and {@code probabilities} [batch, classes] (softmax).
     */
    public static byte[] linearClassifier(int in, int classes, long seed) {
        var rng = new Random(seed);
        var node = NodeProto.newBuilder().setName("LinearClassifier").setOpType("LinearClassifier")
                .setDomain("ai.onnx.ml").addInput("x").addOutput("label").addOutput("probabilities")
                .addAttribute(classLabels(classes))
                .addAttribute(gaussian("coefficients", rng, classes * in))
                .addAttribute(gaussian("intercepts", rng, classes))
                .addAttribute(Protos.integer("multi_class", 1))
                .addAttribute(AttributeProto.newBuilder().setName("post_transform")
                        .setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8("SOFTMAX")));
        var label = ValueInfoProto.newBuilder().setName("label").setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.INT64.getNumber())
                        .setShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder()
                                .setDimParam("batch")))));
        var g = GraphProto.newBuilder().setName("ONNX(LogisticRegression)").addInput(Protos.info("x", in))
                .addOutput(label).addOutput(Protos.info("probabilities", classes)).addNode(node);
        return Protos.model(g, "skl2onnx", "1.17.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1))
                .build().toByteArray();
    }

    private static AttributeProto gaussian(String name, Random rng, int n) {
        var a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS);
        for (int i = 0; i < n; i++) {
            a.addFloats((float) rng.nextGaussian());
        }
        return a.build();
    }

    private static AttributeProto classLabels(int classes) {
        var labels = new long[classes];
        for (int i = 0; i < classes; i++) {
            labels[i] = i;
        }
        return Protos.ints("classlabels_ints", labels);
    }
}
