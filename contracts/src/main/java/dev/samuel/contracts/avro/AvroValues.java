package dev.samuel.contracts.avro;

import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Set;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;

/**
 * One field of a decoded Avro record as a feature's value: a {@code Double} for numbers, booleans (1 or 0) and the
 * date, time, timestamp and decimal logical types; a {@code String} for strings, enums and uuids; {@code null} for a
 * missing value. Anything else (records, arrays, maps, bytes, fixed) is refused by its schema, not its value, so a
 * field is refused on every record, also on one where a nullable union happens to hold null.
 */
final class AvroValues {

    private static final Set<Schema.Type> PLAIN = Set.of(Schema.Type.NULL, Schema.Type.BOOLEAN, Schema.Type.INT,
            Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE, Schema.Type.STRING, Schema.Type.ENUM);
    private static final Set<String> LOGICAL = Set.of("decimal", "big-decimal", "uuid", "date", "time-millis",
            "time-micros", "timestamp-millis", "timestamp-micros", "timestamp-nanos", "local-timestamp-millis",
            "local-timestamp-micros", "local-timestamp-nanos");
    private static final Conversions.DecimalConversion DECIMAL = new Conversions.DecimalConversion();
    private static final Conversions.BigDecimalConversion BIG_DECIMAL = new Conversions.BigDecimalConversion();

    private AvroValues() {
    }

    /** The value of field {@code field} whose schema is {@code schema}; refuses a type that is no feature. */
    static Object value(String field, Schema schema, Object value) {
        requireSupported(field, schema);
        if (value == null) {
            return null;
        }
        var branch = schema.getType() == Schema.Type.UNION
                ? schema.getTypes().get(GenericData.get().resolveUnion(schema, value)) : schema;
        var logical = branch.getLogicalType();
        return logical != null ? logical(branch, logical, value) : plain(branch, value);
    }

    /** Refuses a field of a type that is no feature, naming it; on its schema alone, so on every record. */
    static void requireSupported(String field, Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            schema.getTypes().forEach(branch -> requireSupported(field, branch));
        } else if (!supported(schema)) {
            throw new InvalidRecordException(RejectReason.WRONG_TYPE, "field '" + field + "' is of Avro type "
                    + describe(schema) + "; a feature is a number, boolean, string, enum or null, or a date, time,"
                    + " timestamp or decimal (nested records, arrays, maps, bytes and fixed are not read)");
        }
    }

    private static boolean supported(Schema schema) {
        var logical = schema.getLogicalType();
        if (logical == null) {
            return PLAIN.contains(schema.getType());
        }
        // A uuid on fixed(16) is left out: no producer we know of writes one, and its bytes are no feature.
        return LOGICAL.contains(logical.getName())
                && !(logical.getName().equals("uuid") && schema.getType() != Schema.Type.STRING);
    }

    /** Whether a (non-union) schema reads as text: strings, enums and uuids. */
    static boolean isText(Schema schema) {
        var logical = schema.getLogicalType();
        return logical != null ? logical.getName().equals("uuid")
                : schema.getType() == Schema.Type.STRING || schema.getType() == Schema.Type.ENUM;
    }

    private static Object plain(Schema schema, Object value) {
        return switch (schema.getType()) {
            case INT, LONG, FLOAT, DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN -> (Boolean) value ? 1.0 : 0.0;
            case STRING, ENUM -> value.toString();
            default -> null;
        };
    }

    // Times become numbers a model can use directly: days, milliseconds of the day, epoch milliseconds.
    private static Object logical(Schema schema, LogicalType logical, Object value) {
        return switch (logical.getName()) {
            case "decimal" -> decimal(schema, logical, value).doubleValue();
            case "big-decimal" -> BIG_DECIMAL.fromBytes((ByteBuffer) value, schema, logical).doubleValue();
            case "uuid" -> value.toString();
            case "time-micros", "timestamp-micros", "local-timestamp-micros" -> millis((Long) value, 1_000L);
            case "timestamp-nanos", "local-timestamp-nanos" -> millis((Long) value, 1_000_000L);
            default -> ((Number) value).doubleValue(); // date (days), time-millis, the *-millis timestamps
        };
    }

    private static BigDecimal decimal(Schema schema, LogicalType logical, Object value) {
        return value instanceof GenericFixed fixed ? DECIMAL.fromFixed(fixed, schema, logical)
                : DECIMAL.fromBytes((ByteBuffer) value, schema, logical);
    }

    private static double millis(long value, long perMilli) {
        return Math.floorDiv(value, perMilli);
    }

    static String describe(Schema schema) {
        var logical = schema.getLogicalType();
        var type = schema.getType().getName();
        if (logical != null) {
            return type + " (logical type " + logical.getName() + ")";
        }
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> type + " " + schema.getFullName();
            case ARRAY -> "array of " + describe(schema.getElementType());
            case MAP -> "map of " + describe(schema.getValueType());
            case UNION -> "union of " + schema.getTypes().stream().map(AvroValues::describe).toList();
            default -> type;
        };
    }
}
