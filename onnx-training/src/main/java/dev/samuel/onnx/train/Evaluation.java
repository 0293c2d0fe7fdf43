package dev.samuel.onnx.train;

/**
 * Loss (weighted mean over examples, as in training) and accuracy (fraction of correct predictions;
 * NaN for regression) over a dataset.
 */
public record Evaluation(double loss, double accuracy, long examples) {
}
