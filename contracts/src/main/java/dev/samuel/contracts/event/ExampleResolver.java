package dev.samuel.contracts.event;

import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.InputLayout;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import java.util.Arrays;

/**
 * Checks an example against a spec (feature count or names, finite numbers, label type and range) and lays
 * it out for the network; every failure is an {@link InvalidRecordException} with its reject reason.
 */
public final class ExampleResolver {

    private ExampleResolver() {
    }

    public static ResolvedExample resolve(ModelSpec spec, LabelledExample example) {
        var row = row(spec.input(), example.features());
        var target = target(spec.task(), example.label());
        float weight = example.weightOrOne();
        if (!Float.isFinite(weight) || weight < 0) {
            throw new InvalidRecordException(RejectReason.INVALID_WEIGHT,
                    "weight must be a finite number >= 0, got " + weight);
        }
        return new ResolvedExample(row.numbers(), row.categories(), target, weight);
    }

    /** An example's or event's inputs laid out as the program reads them. */
    public static FeatureRow row(Input input, Features features) {
        FeatureRow row;
        if (features instanceof Features.Named named) {
            row = byName(input, named);
        } else if (!input.categorical().isEmpty()) {
            throw new InvalidRecordException(RejectReason.WRONG_TYPE, "features are an array of numbers, but the spec"
                    + " reads categorical features " + input.categoricalNames() + ": send named features");
        } else {
            row = new FeatureRow(((FloatVector) features).values(), FeatureRow.NO_CATEGORIES);
        }
        if (row.numbers().length != input.featureCount()) {
            throw new InvalidRecordException(RejectReason.WRONG_DIMENSION,
                    "expected " + input.featureCount() + " features, got " + row.numbers().length);
        }
        requirePresentAndFinite(input, row.numbers());
        return row;
    }

    /**
     * Lays named values out in the spec's order; a number not given is missing (NaN), as a null one is, and so is a
     * category. A categorical feature takes a string, or a number as its code ({@code 3}, not {@code 3.0}).
     */
    private static FeatureRow byName(Input input, Features.Named named) {
        if (input.names() == null) {
            throw new InvalidRecordException(RejectReason.UNKNOWN_FEATURE,
                    "features are named but the spec names none; send an array of " + input.featureCount());
        }
        var values = new float[input.featureCount()];
        Arrays.fill(values, Float.NaN);
        var categories = new String[input.categorical().size()];
        Arrays.fill(categories, FeatureRow.MISSING);
        var layout = input.layout();
        named.values().forEach((name, value) -> {
            int category = layout.category(name);
            if (category >= 0) {
                categories[category] = Float.isNaN(value) ? FeatureRow.MISSING : code(value);
                return;
            }
            int index = position(input, layout, name);
            if (index >= 0) {
                values[index] = value;
            }
        });
        named.strings().forEach((name, text) -> {
            int category = layout.category(name);
            if (category >= 0) {
                categories[category] = text;
            } else if (position(input, layout, name) >= 0) {
                throw new InvalidRecordException(RejectReason.WRONG_TYPE, "feature '" + name + "' is the string "
                        + quoted(text) + "; the spec reads it as a number");
            }
        });
        return new FeatureRow(values, categories);
    }

    /** A number as a category: an integer without a fraction, so 3 and 3.0 are one category. */
    private static String code(float value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Float.toString(value);
    }

    /** A named feature's position, or -1 for one the spec leaves out ({@code input.unknownFields: "ignore"}). */
    private static int position(Input input, InputLayout layout, String name) {
        int index = layout.number(name);
        if (index < 0 && !input.ignoresUnknownFields()) {
            throw new InvalidRecordException(RejectReason.UNKNOWN_FEATURE, "unknown feature '" + name
                    + "'; the spec's features are " + input.names() + " (\"unknownFields\": \"ignore\" leaves others out)");
        }
        return index;
    }

    private static void requirePresentAndFinite(Input input, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Float.isNaN(values[i]) && input.fillOf(i) == null) {
                throw new InvalidRecordException(RejectReason.MISSING_FEATURES, "missing feature " + name(input, i)
                        + " (null, absent or NaN), and the spec's input.missing does not allow it");
            }
            if (Float.isInfinite(values[i])) {
                throw new InvalidRecordException(RejectReason.NOT_FINITE,
                        "feature " + name(input, i) + " is " + values[i] + " (as float32); values must be finite");
            }
        }
    }

    private static String name(Input input, int index) {
        return input.names() == null ? String.valueOf(index) : "'" + input.names().get(index) + "'";
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }

    private static float[] target(Task task, Label label) {
        return task.isClassification() ? new float[] {classIndex(task, label)} : regressionTarget(task, label);
    }

    private static int classIndex(Task task, Label label) {
        if (label instanceof Label.Name name) {
            int index = task.classIndex(name.value());
            if (index < 0) {
                throw new InvalidRecordException(RejectReason.INVALID_LABEL, "unknown class '" + name.value() + "'");
            }
            return index;
        }
        if (label instanceof Label.Number number) {
            double value = number.value();
            if (value != Math.rint(value) || value < 0 || value >= task.classes()) {
                throw new InvalidRecordException(RejectReason.INVALID_LABEL,
                        "label must be a class index in [0, " + task.classes() + "), got " + value);
            }
            return (int) value;
        }
        throw new InvalidRecordException(RejectReason.INVALID_LABEL,
                "a classification label is a class index or name, got an array");
    }

    private static float[] regressionTarget(Task task, Label label) {
        float[] values;
        if (label instanceof Label.Number number) {
            values = new float[] {(float) number.value()};
        } else if (label instanceof FloatVector vector) {
            values = vector.values();
        } else {
            throw new InvalidRecordException(RejectReason.INVALID_LABEL,
                    "a regression label is a number or an array of numbers, got a string");
        }
        if (values.length != task.outputs()) {
            throw new InvalidRecordException(RejectReason.INVALID_LABEL,
                    "expected " + task.outputs() + " label values, got " + values.length);
        }
        requireFinite(values, "label");
        return values;
    }

    private static void requireFinite(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidRecordException(RejectReason.NOT_FINITE,
                        what + " " + i + " is " + values[i] + " (as float32); values must be finite");
            }
        }
    }

}
