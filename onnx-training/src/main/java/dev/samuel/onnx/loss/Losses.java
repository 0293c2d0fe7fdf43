package dev.samuel.onnx.loss;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Value;

/**
 * Writes a loss over logits z [N, K] with per-example weights w [N]: L = sum_i w_i l_i / sum_i w_i. Each
 * loss also writes its gradient at the logits in closed form (the fused rule every framework uses), so
 * backpropagation starts at z and never differentiates the loss's own nodes.
 */
public final class Losses {
    private Losses() {
    }

    public static LossNodes build(GraphBuilder b, LossKind kind, Value logits, Value labels, Value weights) {
        return switch (kind) {
            case SOFTMAX_CROSS_ENTROPY -> softmaxCrossEntropy(b, logits, labels, weights);
            case MSE -> meanSquaredError(b, logits, labels, weights);
            case BINARY_CROSS_ENTROPY -> binaryCrossEntropy(b, logits, labels, weights);
        };
    }

    // l_i = -log softmax(z_i)[y_i];  dL/dz_i = w_i / sum(w) (softmax(z_i) - onehot(y_i))
    private static LossNodes softmaxCrossEntropy(GraphBuilder b, Value z, Value y, Value w) {
        long classes = z.shape().dim(1);
        long[] range = new long[(int) classes];
        for (int k = 0; k < classes; k++) {
            range[k] = k;
        }
        Value classIds = b.reshape(b.longs(range), b.longs(1, classes));
        Value oneHot = b.cast(b.equal(b.unsqueeze(y, 1), classIds), z.type());
        Value logp = b.apply(Op.LOG_SOFTMAX, Attrs.of("axis", 1), z);
        Value perExample = b.neg(b.reduceSum(b.mul(oneHot, logp), false, 1));
        Value grad = b.sub(b.exp(logp), oneHot);
        Value predicted = b.apply(Op.ARG_MAX, Attrs.of("axis", 1, "keepdims", 0), z);
        Value correct = b.reduceSum(b.cast(b.equal(predicted, y), z.type()), false);
        return finish(b, perExample, grad, w, correct, 1);
    }

    // l_i = mean_k (z_ik - y_ik)^2;  dL/dz_ik = w_i / sum(w) * 2 (z_ik - y_ik) / K
    private static LossNodes meanSquaredError(GraphBuilder b, Value z, Value y, Value w) {
        Value d = b.sub(z, y);
        Value perExample = b.reduceMean(b.mul(d, d), false, 1);
        return finish(b, perExample, b.mul(d, b.scalarLike(2, z)), w, null, z.shape().dim(1));
    }

    // l_i = max(z,0) - z y + log(1 + e^-|z|) (= -y log s(z) - (1-y) log(1 - s(z)));  dL/dz_i = w_i / sum(w) (s(z_i) - y_i)
    private static LossNodes binaryCrossEntropy(GraphBuilder b, Value z, Value classes, Value w) {
        if (z.shape().dim(1) != 1) {
            throw new IllegalArgumentException("binary cross-entropy needs one logit per example, got " + z);
        }
        Value y = b.cast(b.unsqueeze(classes, 1), z.type());
        Value softplus = b.log(b.add(b.scalarLike(1, z), b.exp(b.neg(b.abs(z)))));
        Value elementwise = b.add(b.sub(b.relu(z), b.mul(z, y)), softplus);
        Value perExample = b.reduceMean(elementwise, false, 1);
        Value hit = b.equal(b.greater(z, b.scalarLike(0, z)), b.greater(y, b.scalarLike(0.5, z)));
        Value correct = b.reduceSum(b.cast(hit, z.type()), false);
        long outputs = z.shape().dim(1);
        Value correctExamples = b.div(correct, b.scalarLike(outputs, z));
        return finish(b, perExample, b.sub(b.sigmoid(z), y), w, correctExamples, outputs);
    }

    /** Weights the per-example losses and scales the per-element gradient by w_i / (sum(w) K). */
    private static LossNodes finish(GraphBuilder b, Value perExample, Value grad, Value w, Value correct, long k) {
        Value lossSum = b.reduceSum(b.mul(perExample, w), false);
        Value weightSum = b.reduceSum(w, false);
        Value loss = b.div(lossSum, weightSum);
        Value coefficient = b.div(w, k == 1 ? weightSum : b.mul(weightSum, b.scalarLike(k, w)));
        Value gradLogits = b.mul(grad, b.unsqueeze(coefficient, 1));
        return new LossNodes(lossSum, weightSum, loss, gradLogits, correct);
    }

    /** The element type labels of this loss have in a graph of the given float type. */
    public static DType labelType(LossKind kind, DType floatType) {
        return kind.hasClassLabels() ? DType.INT64 : floatType;
    }
}
