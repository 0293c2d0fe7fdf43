package dev.samuel.contracts.event;

/** {@code {"features": [...] or {...}}}: what inference scores. */
public record UnlabelledEvent(Features features) {

    public static UnlabelledEvent of(float... features) {
        return new UnlabelledEvent(new FloatVector(features));
    }
}
