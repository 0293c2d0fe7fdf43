package dev.samuel.contracts.spec;

/** {@code {"dropout": rate}}: drops that fraction of its inputs while training; identity in the frozen program. */
public record DropoutLayer(double rate) implements Layer {

    public static final String KIND = "dropout";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(LayerCheck check) {
        check.require(rate >= 0 && rate < 1, ".dropout must be in [0, 1)");
    }
}
