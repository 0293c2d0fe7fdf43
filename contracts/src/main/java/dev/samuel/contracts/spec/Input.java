package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature vector a model reads. With {@code names}, examples may send features as an object of
 * named values; they are laid out in the order of {@code names}. Standardisation inside the graph is on
 * unless {@code standardize} is false. With {@code shape} ([channels, height, width], e.g. [1, 28, 28]; its
 * product equals {@code features}) the flat vector is reshaped inside the graph for convolution layers.
 * {@code missing} names the features that may be missing and what the program fills them with; any other missing
 * value is bad input. {@code unknownFields} says whether a named feature the spec does not have is refused (absent,
 * or {@code "refuse"}) or left out ({@code "ignore"}). Both are written only when given, so that a spec without them
 * keeps its JSON, and its hash.
 */
public record Input(Integer features, List<String> names, Boolean standardize, List<Integer> shape,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Fill> missing, String unknownFields) {

    public static final String REFUSE = "refuse";
    public static final String IGNORE = "ignore";

    public Input(Integer features, List<String> names, Boolean standardize) {
        this(features, names, standardize, null, null, null);
    }

    public Input {
        names = names == null ? null : List.copyOf(names);
        shape = shape == null ? null : Collections.unmodifiableList(new ArrayList<>(shape));
        missing = missing == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        if (features == null && names != null) {
            features = names.size();
        }
        standardize = standardize == null ? Boolean.TRUE : standardize;
    }

    public static Input of(int features) {
        return new Input(features, null, null);
    }

    public int featureCount() {
        return features;
    }

    /** The position of a named feature, or -1 when the spec names no such feature. */
    public int indexOf(String name) {
        return names == null ? -1 : names.indexOf(name);
    }

    /** What the program fills a missing value of the feature at this position with; null when it may not be missing. */
    public Fill fillOf(int index) {
        return names == null ? null : missing.get(names.get(index));
    }

    public boolean ignoresUnknownFields() {
        return IGNORE.equals(unknownFields);
    }
}
