package dev.samuel.contracts.spec;

/** {@code {"dense": units, "activation": ...}}: fully connected (ONNX Gemm); after maps it flattens them first. */
public record DenseLayer(int units, String activation) implements Layer {

    public static final String KIND = "dense";

    @Override
    public String kind() {
        return KIND;
    }

    /** None given means linear. */
    public String activationOrLinear() {
        return activation == null ? "linear" : activation;
    }

    @Override
    public void validate(LayerCheck check) {
        check.activation(activation);
        check.require(units > 0, ".dense must be > 0");
        check.flatten();
    }
}
