package dev.samuel.contracts.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the numbers a program outputs mean. A classifier outputs class {@link #PROBABILITIES} or {@link #LOGITS},
 * one per class, or one of either for the second of two classes (binary); a regression outputs {@link #VALUES}.
 */
public enum OutputKind {
    /** Non-negative and summing to 1 per row; one column: the probability of the second class. */
    PROBABILITIES,
    /** Unnormalised log-probabilities: softmax per row; one column: the logit of the second class (sigmoid). */
    LOGITS,
    /** Regression values, served as they are. */
    VALUES;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind by its name in JSON, ONNX metadata and the cli ({@code logits}, ...). */
    @JsonCreator
    public static OutputKind of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("output kind must be one of "
                        + Arrays.stream(values()).map(OutputKind::jsonName).toList() + ", got '" + name + "'"));
    }
}
