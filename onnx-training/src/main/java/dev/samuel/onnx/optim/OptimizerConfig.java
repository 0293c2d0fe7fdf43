package dev.samuel.onnx.optim;

/**
 * An update rule and its constants. The learning rate is not here: it is a graph input, as is the step
 * count, so a schedule changes them per step without rebuilding anything. {@code clipNorm} > 0 clips the
 * gradients by their global norm first; {@code weightDecay} is decoupled (AdamW) and applies to Adam only.
 */
public record OptimizerConfig(Kind kind, double momentum, double beta1, double beta2, double epsilon,
                              double weightDecay, double clipNorm) {

    public enum Kind { SGD, MOMENTUM, ADAM }

    public static OptimizerConfig sgd() {
        return new OptimizerConfig(Kind.SGD, 0, 0, 0, 0, 0, 0);
    }

    public static OptimizerConfig momentum(double momentum) {
        return new OptimizerConfig(Kind.MOMENTUM, momentum, 0, 0, 0, 0, 0);
    }

    public static OptimizerConfig adam() {
        return new OptimizerConfig(Kind.ADAM, 0, 0.9, 0.999, 1e-8, 0, 0);
    }

    public OptimizerConfig withWeightDecay(double decay) {
        return new OptimizerConfig(kind, momentum, beta1, beta2, epsilon, decay, clipNorm);
    }

    public OptimizerConfig withClipNorm(double norm) {
        return new OptimizerConfig(kind, momentum, beta1, beta2, epsilon, weightDecay, norm);
    }
}
