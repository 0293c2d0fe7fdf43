package dev.samuel.contracts.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the model predicts. Classification labels are class indices, or class names when
 * {@code classNames} is given; regression labels are one number, or an array of {@code outputs}. {@code labelField}
 * names the field of an Avro record that holds the label (default {@value #DEFAULT_LABEL_FIELD}); JSON and f32le
 * records carry the label in their own envelope.
 */
public record Task(String type, Integer classes, List<String> classNames, Integer outputs, String labelField) {

    public static final String CLASSIFICATION = "classification";
    public static final String REGRESSION = "regression";
    public static final String DEFAULT_LABEL_FIELD = "label";

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
        return new Task(CLASSIFICATION, classes, null, null, null);
    }

    public static Task regression(int outputs) {
        return new Task(REGRESSION, null, null, outputs, null);
    }

    /** The Avro field that holds the label: {@code labelField}, else {@value #DEFAULT_LABEL_FIELD}. */
    @JsonIgnore
    public String recordLabelField() {
        return labelField == null ? DEFAULT_LABEL_FIELD : labelField;
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
