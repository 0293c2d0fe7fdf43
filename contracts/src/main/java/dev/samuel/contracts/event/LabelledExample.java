package dev.samuel.contracts.event;

/** {@code {"features": [...] or {...}, "label": ..., "weight": 1.0}}; weight is optional. */
public record LabelledExample(Features features, Label label, Float weight) {

    public static LabelledExample of(float[] features, double label) {
        return new LabelledExample(new FloatVector(features), new Label.Number(label), null);
    }

    /** The example's weight in the loss; 1 when none was sent. */
    public float weightOrOne() {
        return weight == null ? 1f : weight;
    }
}
