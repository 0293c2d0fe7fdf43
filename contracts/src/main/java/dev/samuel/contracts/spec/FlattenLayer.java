package dev.samuel.contracts.spec;

/** {@code {"flatten": true}}: maps to a flat vector; flat values pass through. */
public record FlattenLayer() implements Layer {

    public static final String KIND = "flatten";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(LayerCheck check) {
        check.flatten();
    }
}
