package dev.samuel.onnx.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GraphBuilderTest {
    private final GraphBuilder b = new GraphBuilder("g");
    private final Value x = b.input("x", DType.FLOAT, Shape.of(Shape.DYNAMIC, 4));

    @Test
    void wrongArityNamesOpAndNode() {
        assertThatThrownBy(() -> b.apply(Op.GEMM, x))
                .isInstanceOf(GraphException.class).hasMessageContaining("Gemm node 'Gemm_1' takes 2 to 3 inputs, got 1");
    }

    @Test
    void unknownAttributeIsRefused() {
        assertThatThrownBy(() -> b.apply(Op.RELU, Attrs.of("alpha", 0.1), x))
                .hasMessageContaining("Relu node").hasMessageContaining("no attribute 'alpha'");
    }

    @Test
    void attributeOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> b.apply(Op.SOFTMAX, Attrs.of("axis", 1.5), x))
                .hasMessageContaining("Softmax node").hasMessageContaining("'axis' must be INT");
    }

    @Test
    void missingRequiredAttributeIsRefused() {
        assertThatThrownBy(() -> b.apply(Op.CONCAT, x, x)).hasMessageContaining("needs attribute 'axis'");
    }

    @Test
    void shapesThatDoNotFitNameTheNode() {
        Value w = b.input("w", DType.FLOAT, Shape.of(3, 2));
        assertThatThrownBy(() -> b.matmul(x, w)).hasMessageContaining("MatMul node 'MatMul_1'")
                .hasMessageContaining("inner dimensions");
    }

    @Test
    void infersShapesThroughTheOpsWeUse() {
        Value w = b.input("w", DType.FLOAT, Shape.of(4, 3));
        Value h = b.gemm(x, w, b.initializer(Tensor.filled("bias", DType.FLOAT, 0, 3)), false, false);
        assertThat(h.shape()).isEqualTo(Shape.of(Shape.DYNAMIC, 3));
        assertThat(b.reshape(h, b.longs(-1, 3, 1)).shape()).isEqualTo(Shape.of(Shape.DYNAMIC, 3, 1));
        assertThat(b.reshape(x, b.longs(0, 2, -1)).shape()).isEqualTo(Shape.of(Shape.DYNAMIC, 2, 2));
        Value batched = b.input("m", DType.FLOAT, Shape.of(5, 1, 4, 2));
        assertThat(b.matmul(b.input("a", DType.FLOAT, Shape.of(3, 6, 4)), batched).shape())
                .isEqualTo(Shape.of(5, 3, 6, 2));
        assertThat(b.reduceSum(h, false, 1).shape()).isEqualTo(Shape.of(Shape.DYNAMIC));
        assertThat(b.apply(Op.ARG_MAX, Attrs.of("axis", 1, "keepdims", 0), h).type()).isEqualTo(DType.INT64);
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThatThrownBy(() -> b.input("x", DType.FLOAT, Shape.of(1))).hasMessageContaining("already has");
    }
}
