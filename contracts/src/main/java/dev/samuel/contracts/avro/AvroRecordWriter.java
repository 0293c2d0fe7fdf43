package dev.samuel.contracts.avro;

import dev.samuel.contracts.event.FloatVector;
import dev.samuel.contracts.event.Label;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes rows of named values as Avro records of one registered schema, in the Confluent wire format: what a
 * producer's Confluent serializer would send, and what {@link AvroRecords} reads back as the same features, label
 * and weight. Fields are matched by name; each value is converted to its field's type ({@link AvroFieldValues}).
 * A row value the schema has no field for, or a field the row does not fill and that has no default, is refused
 * naming it ({@link IllegalArgumentException}), so nothing is dropped or invented silently.
 */
public final class AvroRecordWriter {

    private final Schema schema;
    private final int schemaId;
    private final String labelField;
    private final GenericDatumWriter<GenericRecord> writer;

    /**
     * @param schemaId   the id the registry gave {@code schema}
     * @param labelField the field that holds the label (the model's {@code task.labelField})
     */
    public AvroRecordWriter(Schema schema, int schemaId, String labelField) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("schema " + schema.getFullName() + " is of Avro type "
                    + AvroFields.describe(schema) + "; an event is an Avro record");
        }
        this.schema = schema;
        this.schemaId = schemaId;
        this.labelField = labelField;
        this.writer = new GenericDatumWriter<>(schema);
    }

    /**
     * One record. {@code values}: each feature by its field's name, a {@code Number}, {@code Boolean} or
     * {@code String}, or null (or NaN) for a missing value; {@code label}: a number or a class name, null for an
     * unlabelled event; {@code weight}: null for none.
     */
    public byte[] write(Map<String, ?> values, Label label, Float weight) {
        values.keySet().forEach(this::requireFeatureField);
        if (label != null) {
            requireField(labelField, "the row has a label");
        }
        if (weight != null) {
            requireField(AvroRecords.WEIGHT_FIELD, "the row has a weight");
        }
        var record = new GenericData.Record(schema);
        for (var field : schema.getFields()) {
            record.put(field.pos(), value(field, values, label, weight));
        }
        return ConfluentWire.frame(schemaId, body(record));
    }

    private Object value(Schema.Field field, Map<String, ?> values, Label label, Float weight) {
        var name = field.name();
        if (name.equals(labelField)) {
            return label == null ? unset(field, "an unlabelled row has no label")
                    : AvroFieldValues.of(name, field.schema(), labelValue(label));
        }
        if (name.equals(AvroRecords.WEIGHT_FIELD)) {
            return weight == null ? unset(field, "the row has no weight")
                    : AvroFieldValues.of(name, field.schema(), weight);
        }
        if (!values.containsKey(name)) {
            if (!field.hasDefaultValue()) {
                throw new IllegalArgumentException("the row has no value for field '" + name
                        + "', which has no default");
            }
            return GenericData.get().getDefaultValue(field);
        }
        return AvroFieldValues.of(name, field.schema(), values.get(name));
    }

    // A label or weight that a row does not have is the field's default, else null: an event has no label by nature.
    private static Object unset(Schema.Field field, String why) {
        if (field.hasDefaultValue()) {
            return GenericData.get().getDefaultValue(field);
        }
        if (AvroFields.nullable(field.schema())) {
            return null;
        }
        throw new IllegalArgumentException(why + ", but field '" + field.name() + "' (Avro type "
                + AvroFields.describe(field.schema()) + ") has no default and is not nullable");
    }

    private static Object labelValue(Label label) {
        if (label instanceof Label.Number number) {
            return number.value();
        }
        if (label instanceof Label.Name name) {
            return name.value();
        }
        throw new IllegalArgumentException("a label of " + ((FloatVector) label).values().length
                + " values has no Avro field to go to: a record's label is one number or class name");
    }

    // The label and the weight are AvroRecords' own fields, never features: a row naming them is a mistake.
    private void requireFeatureField(String name) {
        if (!AvroRecords.isFeature(name, labelField)) {
            var role = name.equals(labelField) ? "label" : "weight";
            throw new IllegalArgumentException("field '" + name + "' holds the record's " + role
                    + ", not a feature: give it as the row's " + role);
        }
        requireField(name, "the row has a feature '" + name + "'");
    }

    private void requireField(String name, String what) {
        if (schema.getField(name) == null) {
            throw new IllegalArgumentException(what + ", but schema " + schema.getFullName() + " has no field '"
                    + name + "'");
        }
    }

    private byte[] body(GenericRecord record) {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
