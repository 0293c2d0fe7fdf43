package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a missing value of a feature becomes inside the program ({@code input.missing}): the mean of the feature's
 * values in the job's training data ({@code "mean"}), or a constant. Either way the program also reads a 0/1
 * "was missing" input beside it, so the network can learn what a missing value says.
 */
public record Fill(Float constant) {

    public static final Fill MEAN = new Fill(null);
    private static final String MEAN_NAME = "mean";

    public static Fill constant(float value) {
        return new Fill(value);
    }

    public boolean isMean() {
        return constant == null;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Fill fromJson(JsonNode json) {
        if (json.isTextual() && MEAN_NAME.equals(json.asText())) {
            return MEAN;
        }
        if (json.isNumber() && Float.isFinite(json.floatValue())) {
            return constant(json.floatValue());
        }
        throw new IllegalArgumentException("a missing value's fill is \"mean\" or a finite number, got " + json);
    }

    @JsonValue
    Object toJson() {
        return isMean() ? MEAN_NAME : constant;
    }
}
