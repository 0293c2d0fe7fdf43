package dev.samuel.contracts.avro;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * A row's value (a number, a boolean, a string, or null or NaN for a missing value) as the value of one field of an
 * Avro schema: the inverse of {@link AvroValues}, so that what is written reads back as the same feature. Nothing is
 * guessed: a fraction for an int, a symbol an enum lacks, text for a number or a number for text is refused, naming
 * the field ({@link IllegalArgumentException}).
 */
final class AvroFieldValues {

    private static final Conversions.DecimalConversion DECIMAL = new Conversions.DecimalConversion();
    private static final Conversions.BigDecimalConversion BIG_DECIMAL = new Conversions.BigDecimalConversion();
    // A double at or beyond 2^31 (2^63) is no int (long); both bounds are exact in binary.
    private static final double INT_BOUND = 0x1p31;
    private static final double LONG_BOUND = 0x1p63;

    private AvroFieldValues() {
    }

    /** The value of field {@code field} whose schema is {@code schema}; a union takes the first branch it fits. */
    static Object of(String field, Schema schema, Object value) {
        if (value == null || value instanceof Number number && Double.isNaN(number.doubleValue())) {
            if (!AvroFields.nullable(schema)) {
                throw refused(field, schema, "it is missing (null), and the type is not nullable");
            }
            return null;
        }
        var branches = AvroFields.branches(schema);
        IllegalArgumentException first = null;
        for (var branch : branches) {
            try {
                return convert(field, branch, value);
            } catch (IllegalArgumentException e) {
                first = first == null ? e : first;
            }
        }
        if (first == null || branches.size() > 1) {
            throw refused(field, schema, describe(value) + " fits none of its types");
        }
        throw first;
    }

    private static Object convert(String field, Schema branch, Object value) {
        var logical = branch.getLogicalType();
        if (logical != null) {
            return logical(field, branch, logical, value);
        }
        return switch (branch.getType()) {
            case INT -> (int) whole(field, branch, number(field, branch, value).doubleValue(), INT_BOUND);
            case LONG -> value instanceof Long exact ? exact
                    : whole(field, branch, number(field, branch, value).doubleValue(), LONG_BOUND);
            case FLOAT -> number(field, branch, value).floatValue();
            case DOUBLE -> number(field, branch, value).doubleValue();
            case BOOLEAN -> bool(field, branch, value);
            case STRING -> text(field, branch, value);
            case ENUM -> symbol(field, branch, text(field, branch, value));
            default -> throw refused(field, branch, "the platform does not read this type");
        };
    }

    // Times are written in the unit the schema names; AvroValues reads them back as days or milliseconds.
    private static Object logical(String field, Schema branch, LogicalType logical, Object value) {
        return switch (logical.getName()) {
            case "date", "time-millis" -> (int) whole(field, branch, inUnit(field, branch, value, 1), INT_BOUND);
            case "timestamp-millis", "local-timestamp-millis" -> scaled(field, branch, value, 1);
            case "time-micros", "timestamp-micros", "local-timestamp-micros" -> scaled(field, branch, value, 1_000);
            case "timestamp-nanos", "local-timestamp-nanos" -> scaled(field, branch, value, 1_000_000);
            case "decimal" -> decimal(field, branch, (LogicalTypes.Decimal) logical, value);
            case "big-decimal" -> BIG_DECIMAL.toBytes(exact(field, branch, value), branch, logical);
            case "uuid" -> text(field, branch, value);
            default -> throw refused(field, branch, "the platform does not read this logical type");
        };
    }

    private static long scaled(String field, Schema branch, Object value, long perMilli) {
        return whole(field, branch, inUnit(field, branch, value, perMilli), LONG_BOUND);
    }

    private static double inUnit(String field, Schema branch, Object value, long perMilli) {
        return number(field, branch, value).doubleValue() * perMilli;
    }

    // A decimal column rounds to its scale as a database's does; a value with more digits than it holds is refused.
    private static Object decimal(String field, Schema branch, LogicalTypes.Decimal decimal, Object value) {
        var rounded = exact(field, branch, value).setScale(decimal.getScale(), RoundingMode.HALF_EVEN);
        if (rounded.precision() > decimal.getPrecision()) {
            throw refused(field, branch, value + " has more than its " + decimal.getPrecision() + " digits");
        }
        return branch.getType() == Schema.Type.FIXED ? DECIMAL.toFixed(rounded, branch, decimal)
                : DECIMAL.toBytes(rounded, branch, decimal);
    }

    // Through the number's text: the float 0.1 is the decimal 0.1, not 0.100000001490116...
    private static BigDecimal exact(String field, Schema branch, Object value) {
        var number = number(field, branch, value);
        if (number instanceof BigDecimal big) {
            return big;
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (!Double.isFinite(number.doubleValue())) {
            throw refused(field, branch, number + " is not finite");
        }
        return new BigDecimal(number.toString());
    }

    private static long whole(String field, Schema branch, double value, double bound) {
        if (value != Math.rint(value) || value >= bound || value < -bound) {
            throw refused(field, branch, value + " is not a whole number in its range");
        }
        return (long) value;
    }

    // Booleans read as 1 and 0, so a number field takes one as that.
    private static Number number(String field, Schema branch, Object value) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        throw refused(field, branch, describe(value) + " is not a number");
    }

    private static boolean bool(String field, Schema branch, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number && (number.doubleValue() == 0 || number.doubleValue() == 1)) {
            return number.doubleValue() == 1;
        }
        throw refused(field, branch, describe(value) + " is not true or false (nor 1 or 0)");
    }

    private static String text(String field, Schema branch, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw refused(field, branch, describe(value) + " is not text");
    }

    private static GenericData.EnumSymbol symbol(String field, Schema branch, String text) {
        if (!branch.hasEnumSymbol(text)) {
            throw refused(field, branch, "'" + text + "' is not one of its symbols " + branch.getEnumSymbols());
        }
        return new GenericData.EnumSymbol(branch, text);
    }

    private static String describe(Object value) {
        return value instanceof String text ? "the text '" + text + "'" : "the value " + value;
    }

    private static IllegalArgumentException refused(String field, Schema schema, String why) {
        return new IllegalArgumentException("field '" + field + "' is of Avro type " + AvroValues.describe(schema)
                + ": " + why);
    }
}
