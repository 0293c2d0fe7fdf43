package dev.samuel.trainer.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.samuel.contracts.event.ResolvedExample;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.trainer.data.ExampleSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoldoutEvaluatorTest {

    static final ModelSpec SPEC = new ModelSpec("eval", Task.classification(2), Input.of(2), List.of(Layer.dense(2)),
            null, null, null, null, null, null);

    @Test
    void computesWeightedCrossEntropyAndAccuracyFromTheProgramsProbabilities() throws Exception {
        // probabilities = softmax(x W): W = 2 I, so x = (1, 0) gives softmax(2, 0) = (0.881, 0.119).
        var holdout = new ExampleSet(List.of(
                example(1, 0, 0, 1f),
                example(0, 1, 1, 1f),
                example(1, 0, 1, 2f)));

        var evaluation = HoldoutEvaluator.score(softmaxOfScaledInput(2f), SPEC, Optional.empty(), holdout);

        double right = -Math.log(Math.exp(2) / (Math.exp(2) + 1));
        double wrong = -Math.log(1 / (Math.exp(2) + 1));
        assertThat(evaluation.loss()).isCloseTo((right + right + 2 * wrong) / 4, within(1e-6));
        assertThat(evaluation.accuracy()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(evaluation.examples()).isEqualTo(3);
    }

    @Test
    void scoresHoldoutsLargerThanOneBatch() throws Exception {
        var examples = new java.util.ArrayList<ResolvedExample>();
        for (int i = 0; i < 600; i++) {
            examples.add(example(i % 2, 1 - i % 2, i % 2 == 0 ? 1 : 0, 1f));
        }

        var evaluation = HoldoutEvaluator.score(softmaxOfScaledInput(5f), SPEC, Optional.empty(), new ExampleSet(examples));

        assertThat(evaluation.accuracy()).isEqualTo(1.0);
        assertThat(evaluation.loss()).isCloseTo(-Math.log(Math.exp(5) / (Math.exp(5) + 1)), within(1e-6));
    }

    static ResolvedExample example(float a, float b, int label, float weight) {
        return new ResolvedExample(new float[] {a, b}, new float[] {label}, weight);
    }

    /** {@code softmax(x · scale I)} over x of shape [N, 2]: a frozen classifier whose probabilities are known. */
    static byte[] softmaxOfScaledInput(float scale) {
        var weights = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(2).addDims(2).addFloatData(scale).addFloatData(0).addFloatData(0).addFloatData(scale).build();
        var graph = GraphProto.newBuilder().setName("eval")
                .addInput(floatInfo("x", -1, 2)).addOutput(floatInfo("probabilities", -1, 2))
                .addInitializer(weights)
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("x").addInput("W").addOutput("logits"))
                .addNode(NodeProto.newBuilder().setOpType("Softmax").addInput("logits").addOutput("probabilities")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setI(1)
                                .setType(AttributeProto.AttributeType.INT)))
                .build();
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(graph).build().toByteArray();
    }

    private static ValueInfoProto floatInfo(String name, long rows, long columns) {
        var shape = TensorShapeProto.newBuilder()
                .addDim(rows < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                        : TensorShapeProto.Dimension.newBuilder().setDimValue(rows))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }
}
