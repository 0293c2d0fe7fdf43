package dev.samuel.contracts.avro;

import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.Features;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.RegistryRecords;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.event.UnlabelledEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads Avro records in the Confluent wire format as the platform's events: every field of the record is a named
 * feature ({@link AvroValues} says how each type reads), except the label field (the model's {@code task.labelField})
 * and the weight field ({@value #WEIGHT_FIELD}), which are never
 * features, not even of an unlabelled event, so a label cannot leak into a model's inputs. Each record is decoded with
 * the schema its own id names and its fields are taken by name, so records of older and newer schema versions read
 * side by side.
 */
public final class AvroRecords implements RegistryRecords {

    /** The optional field that weights an example. */
    public static final String WEIGHT_FIELD = "weight";

    private final SchemaSource schemas;

    /** Whether a record's field is a feature: every field is, but the label field and {@value #WEIGHT_FIELD}. */
    public static boolean isFeature(String field, String labelField) {
        return !field.equals(labelField) && !field.equals(WEIGHT_FIELD);
    }

    public AvroRecords(SchemaSource schemas) {
        this.schemas = schemas;
    }

    /**
     * The services' codec: Avro read through the registry at {@code registryUrl}, when one is configured, waiting up
     * to {@code patience} for a registry that does not answer ({@link PatientSchemaSource}).
     */
    public static Codec codec(Optional<String> registryUrl, Duration patience) {
        return registryUrl.map(url -> codec(new SchemaRegistryClient(url), patience)).orElse(Codec.WITHOUT_REGISTRY);
    }

    /** As above, on a client that other codecs of the service share (one schema cache per registry). */
    public static Codec codec(SchemaRegistryClient registry, Duration patience) {
        return new Codec(new AvroRecords(new PatientSchemaSource(registry, patience)));
    }

    /**
     * @throws InvalidRecordException for a record to dead-letter (including {@link UnknownSchemaException})
     * @throws RegistryUnavailableException when its schema cannot be had now: retry, never dead-letter
     */
    @Override
    public LabelledExample labelled(byte[] record, String labelField) {
        var decoded = decode(record);
        return new LabelledExample(features(decoded, labelField), label(decoded, labelField), weight(decoded));
    }

    /** As {@link #labelled}, without a label; a label or weight field in the record is left out. */
    @Override
    public UnlabelledEvent unlabelled(byte[] record, String labelField) {
        return new UnlabelledEvent(features(decode(record), labelField));
    }

    /** The record decoded with the schema its id names. */
    public GenericRecord decode(byte[] record) {
        var wire = ConfluentWire.parse(record);
        var schema = schemas.schema(wire.schemaId());
        if (schema.getType() != Schema.Type.RECORD) {
            throw new InvalidRecordException(RejectReason.WRONG_TYPE, "schema id " + wire.schemaId() + " is of Avro"
                    + " type " + AvroValues.describe(schema) + "; an event is an Avro record");
        }
        var decoder = DecoderFactory.get().binaryDecoder(record, ConfluentWire.BODY_OFFSET, wire.bodyLength(), null);
        try {
            var decoded = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes are left after the record");
            }
            return decoded;
        } catch (IOException | RuntimeException e) {
            // Avro signals a malformed body with several exception types; all mean the same to a producer.
            throw new InvalidRecordException(RejectReason.INVALID_BINARY, "record body does not match schema id "
                    + wire.schemaId() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static Features features(GenericRecord record, String labelField) {
        Map<String, Float> values = new LinkedHashMap<>();
        Map<String, String> strings = new LinkedHashMap<>();
        for (var field : record.getSchema().getFields()) {
            var name = field.name();
            if (!isFeature(name, labelField)) {
                continue;
            }
            var value = AvroValues.value(name, field.schema(), record.get(field.pos()));
            if (value instanceof String text) {
                strings.put(name, text);
            } else {
                values.put(name, value == null ? Float.NaN : ((Double) value).floatValue());
            }
        }
        return new Features.Named(values, strings);
    }

    private static Label label(GenericRecord record, String labelField) {
        var field = record.getSchema().getField(labelField);
        if (field == null) {
            throw new InvalidRecordException(RejectReason.MISSING_LABEL, "record of " + record.getSchema().getFullName()
                    + " has no label field '" + labelField + "'");
        }
        var value = fieldValue(field, record, RejectReason.INVALID_LABEL);
        if (value == null) {
            throw new InvalidRecordException(RejectReason.MISSING_LABEL, "label field '" + labelField + "' is null");
        }
        return value instanceof String name ? new Label.Name(name) : new Label.Number((Double) value);
    }

    private static Float weight(GenericRecord record) {
        var field = record.getSchema().getField(WEIGHT_FIELD);
        var value = field == null ? null : fieldValue(field, record, RejectReason.INVALID_WEIGHT);
        if (value instanceof String) {
            throw new InvalidRecordException(RejectReason.INVALID_WEIGHT, "weight field '" + WEIGHT_FIELD
                    + "' must be a number, it is of Avro type " + AvroValues.describe(field.schema()));
        }
        return value == null ? null : ((Double) value).floatValue();
    }

    // The label and weight are refused under their own reasons, so a producer sees which of the two is wrong.
    private static Object fieldValue(Schema.Field field, GenericRecord record, RejectReason reason) {
        try {
            return AvroValues.value(field.name(), field.schema(), record.get(field.pos()));
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(reason, e.getMessage());
        }
    }
}
