package dev.samuel.contracts.avro;

import dev.samuel.contracts.event.InvalidRecordException;
import java.util.List;
import org.apache.avro.Schema;

/**
 * What a field of a record schema is to the platform, as {@link AvroRecords} reads its values ({@link AvroValues}):
 * a number (numbers, booleans as 1 or 0, dates, times, timestamps, decimals) or text (strings, enums, uuids), and
 * whether it may be null. For what starts from a schema rather than a record: a spec written from it, a writer of its
 * records.
 */
public final class AvroFields {

    /** How a field's values read. */
    public enum Kind { NUMBER, TEXT }

    private AvroFields() {
    }

    /**
     * How the field reads. A union with a text branch reads as text: a categorical feature takes a number as its
     * code, so a union of numbers and strings fits one.
     *
     * @throws InvalidRecordException naming the field when its type is no feature (records, arrays, maps, bytes)
     */
    public static Kind kind(Schema.Field field) {
        AvroValues.requireSupported(field.name(), field.schema());
        return branches(field.schema()).stream().anyMatch(AvroValues::isText) ? Kind.TEXT : Kind.NUMBER;
    }

    /** Whether the schema takes null: {@code null} itself, or a union with a null branch. */
    public static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(AvroFields::isNull);
    }

    /** The schema's types other than null: a union's other branches, else the schema itself. */
    public static List<Schema> branches(Schema schema) {
        var all = schema.getType() == Schema.Type.UNION ? schema.getTypes() : List.of(schema);
        return all.stream().filter(branch -> !isNull(branch)).toList();
    }

    /** The schema's type as messages name it: {@code int}, {@code enum Kind}, {@code union of [null, string]}. */
    public static String describe(Schema schema) {
        return AvroValues.describe(schema);
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() == Schema.Type.NULL;
    }
}
