package dev.samuel.onnx.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Shape;
import dev.samuel.onnx.graph.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientTableTest {

    @Test
    void everyOpHasOneOfTheThreeOutcomes() {
        for (Op op : Op.values()) {
            assertThat(GradientTable.lookup(op)).as(op.onnxName()).isPresent();
            assertThat(GradientTable.lookup(op).get()).isInstanceOfAny(
                    Gradient.Rule.class, Gradient.NoGradient.class, Gradient.Forbidden.class);
        }
    }

    @Test
    void forbiddenOpFailsNamingOpAndNode() {
        GraphBuilder b = new GraphBuilder("g");
        Value x = b.input("x", DType.FLOAT, Shape.of(2, 3));
        Value y = b.apply(Op.MAX, x, b.scalarLike(0, x));
        assertThatThrownBy(() -> Backprop.gradients(b, Map.of(y.name(), x), List.of("x")))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("Max node '" + y.name() + "'")
                .hasMessageContaining("ties");
    }

    @Test
    void noGradientStopsQuietly() {
        GraphBuilder b = new GraphBuilder("g");
        Value x = b.input("x", DType.FLOAT, Shape.of(2, 3));
        Value mask = b.cast(b.greater(x, b.scalarLike(0, x)), DType.FLOAT);
        Value y = b.mul(x, mask);
        Map<String, Value> grads = Backprop.gradients(b, Map.of(y.name(), x), List.of("x"));
        assertThat(grads.get("x").shape()).isEqualTo(Shape.of(2, 3));
    }

    @Test
    void unusedParameterIsReported() {
        GraphBuilder b = new GraphBuilder("g");
        Value x = b.input("x", DType.FLOAT, Shape.of(2, 3));
        b.input("unused", DType.FLOAT, Shape.of(3));
        Value y = b.relu(x);
        assertThatThrownBy(() -> Backprop.gradients(b, Map.of(y.name(), x), List.of("x", "unused")))
                .hasMessageContaining("'unused' does not affect");
    }

    @Test
    void dropoutInTrainingModeWithoutItsMaskFails() {
        GraphBuilder b = new GraphBuilder("g");
        Value x = b.input("x", DType.FLOAT, Shape.of(2, 3));
        Value y = b.apply(Op.DROPOUT, x, b.scalarLike(0.5, x),
                b.initializer(dev.samuel.onnx.graph.Tensor.bools("t", new boolean[] {true})));
        assertThatThrownBy(() -> Backprop.gradients(b, Map.of(y.name(), x), List.of("x")))
                .hasMessageContaining("Dropout node").hasMessageContaining("mask output");
    }
}
