package dev.samuel.cli.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samuel.cli.CliException;
import dev.samuel.contracts.avro.AvroFields;
import dev.samuel.contracts.avro.AvroRecords;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.spec.InvalidModelSpecException;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.contracts.spec.Task;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A starting spec for records of an Avro schema, read as {@link AvroRecords} reads them: every field but the label
 * and the weight is a named feature, a number ({@code input.missing} "mean" where it is nullable) or a category (text:
 * strings, enums, uuids; a missing one falls in the "other" bucket). The label's type says the task
 * ({@link LabelTask}). The network, optimizer and training are a small default to edit. The spec is checked with the
 * platform's own validator, so what is written is what {@code create} takes.
 */
public final class SpecFromAvro {

    private static final int HIDDEN = 32;

    private SpecFromAvro() {
    }

    /**
     * @param name    the model's name; null: the schema's
     * @param classes {@code --classes}: a count or class names, for a label that does not name its classes (null)
     * @return the spec as pretty-printed JSON
     */
    public static String write(Schema schema, String labelField, String name, List<String> classes) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new CliException("the schema is of Avro type " + AvroFields.describe(schema)
                    + "; a model reads records");
        }
        var label = schema.getField(labelField);
        if (label == null) {
            throw new CliException("schema " + schema.getFullName() + " has no field '" + labelField + "' for the"
                    + " label (its fields: " + schema.getFields().stream().map(Schema.Field::name).toList() + ")");
        }
        if (labelField.equals(AvroRecords.WEIGHT_FIELD)) {
            throw new CliException("field '" + AvroRecords.WEIGHT_FIELD + "' is an example's weight, never its label");
        }
        var task = LabelTask.of(label, classes);
        var spec = Json.MAPPER.createObjectNode().put("name", name != null ? name : schema.getName());
        spec.set("task", task.json(labelField));
        spec.set("input", input(schema, labelField));
        spec.set("layers", Json.MAPPER.createArrayNode()
                .add(Json.MAPPER.createObjectNode().put("dense", HIDDEN).put("activation", "relu"))
                .add(Json.MAPPER.createObjectNode().put("dense", task.outputs())));
        spec.set("optimizer", Json.MAPPER.createObjectNode()
                .set("adam", Json.MAPPER.createObjectNode().put("lr", 0.001)));
        spec.set("training", Json.MAPPER.createObjectNode().put("batchSize", 32).put("epochs", 20)
                .put("holdout", 0.2));
        return validated(spec);
    }

    // Later versions of the schema may add fields: the model ignores them until its spec names them.
    private static ObjectNode input(Schema schema, String labelField) {
        var input = Json.MAPPER.createObjectNode();
        var names = input.putArray("names");
        var missing = Json.MAPPER.createObjectNode();
        var categorical = Json.MAPPER.createObjectNode();
        for (var field : schema.getFields()) {
            var name = field.name();
            if (!AvroRecords.isFeature(name, labelField)) {
                continue;
            }
            names.add(name);
            if (kind(field) == AvroFields.Kind.TEXT) {
                categorical.putObject(name);
            } else if (AvroFields.nullable(field.schema())) {
                missing.put(name, "mean");
            }
        }
        if (!missing.isEmpty()) {
            input.set("missing", missing);
        }
        if (!categorical.isEmpty()) {
            input.set("categorical", categorical);
        }
        return input.put("unknownFields", "ignore");
    }

    static AvroFields.Kind kind(Schema.Field field) {
        try {
            return AvroFields.kind(field);
        } catch (InvalidRecordException e) {
            throw new CliException(e.getMessage() + ". Leave the field out of the schema, or flatten it into fields"
                    + " of those types");
        }
    }

    private static String validated(ObjectNode spec) {
        try {
            var json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
            ModelSpecs.parse(json);
            return json + System.lineSeparator();
        } catch (InvalidModelSpecException e) {
            throw new CliException("the spec written from the schema is not valid: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task a label field says: its classes, or a regression. */
    record LabelTask(String type, List<String> classNames, int outputs) {

        ObjectNode json(String labelField) {
            var task = Json.MAPPER.createObjectNode().put("type", type);
            if (classNames != null) {
                task.set("classNames", Json.MAPPER.valueToTree(classNames));
            } else if (Task.CLASSIFICATION.equals(type)) {
                task.put("classes", outputs);
            }
            if (!labelField.equals(Task.DEFAULT_LABEL_FIELD)) {
                task.put("labelField", labelField);
            }
            return task;
        }

        /**
         * An enum's symbols are its classes, a boolean's false and true (read as 0 and 1); an int, long or string
         * label needs them from {@code --classes}; any other number is a regression target.
         */
        static LabelTask of(Schema.Field label, List<String> classes) {
            var kind = kind(label);
            var branches = AvroFields.branches(label.schema());
            if (branches.size() != 1) {
                throw new CliException("label field '" + label.name() + "' is of Avro type "
                        + AvroFields.describe(label.schema()) + "; a label has one type (or is a nullable one)");
            }
            var type = branches.get(0);
            if (type.getType() == Schema.Type.ENUM) {
                refuseClasses(label, classes, "its symbols " + type.getEnumSymbols() + " are the classes");
                return classification(type.getEnumSymbols());
            }
            if (type.getLogicalType() == null && type.getType() == Schema.Type.BOOLEAN) {
                return classification(classes != null ? classes : List.of("false", "true"));
            }
            boolean indices = type.getLogicalType() == null
                    && (type.getType() == Schema.Type.INT || type.getType() == Schema.Type.LONG);
            if (indices || kind == AvroFields.Kind.TEXT) {
                return classification(label, classes, indices);
            }
            refuseClasses(label, classes, "a number of this type is a regression target");
            return new LabelTask(Task.REGRESSION, null, 1);
        }

        private static LabelTask classification(Schema.Field label, List<String> classes, boolean indices) {
            if (classes == null) {
                throw new CliException("label field '" + label.name() + "' is " + (indices
                        ? "a class index (Avro " + AvroFields.describe(label.schema()) + "): give the number of classes"
                                + " with --classes N, or their names in index order with --classes a,b,c"
                        : "a class name (Avro " + AvroFields.describe(label.schema()) + "): list the classes with"
                                + " --classes a,b,c (the order is the order of the model's outputs)"));
            }
            if (classes.size() == 1 && classes.get(0).matches("\\d+")) {
                if (!indices) {
                    throw new CliException("label field '" + label.name() + "' holds class names: list them with"
                            + " --classes a,b,c rather than a count");
                }
                return new LabelTask(Task.CLASSIFICATION, null, Integer.parseInt(classes.get(0)));
            }
            return classification(classes);
        }

        private static LabelTask classification(List<String> names) {
            return new LabelTask(Task.CLASSIFICATION, List.copyOf(names), names.size());
        }

        private static void refuseClasses(Schema.Field label, List<String> classes, String why) {
            if (classes != null) {
                throw new CliException("--classes is not for label field '" + label.name() + "' (Avro "
                        + AvroFields.describe(label.schema()) + "): " + why);
            }
        }
    }
}
