package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the model predicts. Classification labels are class indices, or class names when
 * {@code classNames} is given; regression labels are one number, or an array of {@code outputs}.
 */
public record Task(String type, Integer classes, List<String> classNames, Integer outputs) {

    public static final String CLASSIFICATION = "classification";
    public static final String REGRESSION = "regression";

    public Task {
        classNames = classNames == null ? null : List.copyOf(classNames);
        if (classes == null && classNames != null) {
            classes = classNames.size();
        }
        if (outputs == null && REGRESSION.equals(type)) {
            outputs = 1;
        }
    }

    public static Task classification(int classes) {
        return new Task(CLASSIFICATION, classes, null, null);
    }

    public static Task regression(int outputs) {
        return new Task(REGRESSION, null, null, outputs);
    }

    @JsonIgnore
    public boolean isClassification() {
        return CLASSIFICATION.equals(type);
    }

    /** The index of a class name, or -1 when the spec names no such class. */
    public int classIndex(String name) {
        return classNames == null ? -1 : classNames.indexOf(name);
    }
}
