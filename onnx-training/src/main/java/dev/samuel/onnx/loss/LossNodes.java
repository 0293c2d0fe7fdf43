package dev.samuel.onnx.loss;

import dev.samuel.onnx.graph.Value;

/**
 * What a loss writes: the weighted sum of per-example losses and of weights (their ratio is the loss;
 * the sums let evaluation add up batches), the mean loss, the loss's gradient at the logits, and the
 * number of correct predictions (per output for binary targets; null for regression).
 */
public record LossNodes(Value lossSum, Value weightSum, Value loss, Value gradLogits, Value correct) {
}
