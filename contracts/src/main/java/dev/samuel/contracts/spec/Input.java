package dev.samuel.contracts.spec;

import java.util.List;

/**
 * The feature vector a model reads. With {@code names}, examples may send features as an object of
 * named values; they are laid out in the order of {@code names}. Standardisation inside the graph is on
 * unless {@code standardize} is false. With {@code shape} ([channels, height, width], e.g. [1, 28, 28]; its
 * product equals {@code features}) the flat vector is reshaped inside the graph for convolution layers.
 */
public record Input(Integer features, List<String> names, Boolean standardize, List<Integer> shape) {

    public Input(Integer features, List<String> names, Boolean standardize) {
        this(features, names, standardize, null);
    }

    public Input {
        names = names == null ? null : List.copyOf(names);
        shape = shape == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(shape));
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
}
