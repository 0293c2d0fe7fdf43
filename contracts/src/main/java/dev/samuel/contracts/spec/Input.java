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
 * number is bad input. {@code categorical} names the features read as categories (strings, or numbers as codes),
 * which examples carry beside their numbers. {@code unknownFields} says whether a named feature the spec does not have is refused (absent,
 * or {@code "refuse"}) or left out ({@code "ignore"}). Both are written only when given, so that a spec without them
 * keeps its JSON, and its hash.
 */
public record Input(Integer features, List<String> names, Boolean standardize, List<Integer> shape,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Fill> missing, String unknownFields,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Categorical> categorical) {

    public static final String REFUSE = "refuse";
    public static final String IGNORE = "ignore";

    public Input(Integer features, List<String> names, Boolean standardize) {
        this(features, names, standardize, null, null, null, null);
    }

    public Input {
        names = names == null ? null : List.copyOf(names);
        shape = shape == null ? null : Collections.unmodifiableList(new ArrayList<>(shape));
        missing = missing == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        categorical = categorical == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
        if (features == null && names != null) {
            features = names.size();
        }
        standardize = standardize == null ? Boolean.TRUE : standardize;
    }

    public static Input of(int features) {
        return new Input(features, null, null);
    }

    /** How many numbers an example carries: every feature but the categorical ones. */
    public int featureCount() {
        return features - categorical.size();
    }

    /** The numeric features by name, in the order of the numbers an example carries (null without names). */
    public List<String> numericNames() {
        return categorical.isEmpty() || names == null ? names
                : names.stream().filter(name -> !categorical.containsKey(name)).toList();
    }

    /** The categorical features, in the order of {@code names}. */
    public List<String> categoricalNames() {
        return categorical.isEmpty() ? List.of() : names.stream().filter(categorical::containsKey).toList();
    }

    /** The position of a named numeric feature among the numbers, or -1 when the spec has no such number. */
    public int indexOf(String name) {
        return layout().number(name);
    }

    /** The position of a categorical feature among the categories, or -1. */
    public int categoryIndexOf(String name) {
        return layout().category(name);
    }

    /** Every named feature's position at once: what a reader of many features takes once per example. */
    public InputLayout layout() {
        return InputLayout.of(this);
    }

    /** What the program fills a missing number at this position with; null when it may not be missing. */
    public Fill fillOf(int index) {
        return names == null ? null : missing.get(numericNames().get(index));
    }

    public boolean ignoresUnknownFields() {
        return IGNORE.equals(unknownFields);
    }
}
