package dev.samuel.contracts.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the JSON event formats with Jackson's streaming parser: no tree, one pass, because ingest and
 * inference parse every record and a tree costs about a third of their throughput. Unknown fields are
 * skipped so producers may attach their own metadata. An unlabelled event of the usual shape, its features array
 * alone, is read by {@link FlatEventScanner} first, to the same floats.
 */
public final class JsonReader {

    /** What an array of features is called in errors; its elements also take booleans and nulls. */
    private static final String FEATURE = "feature";

    private JsonReader() {
    }

    public static LabelledExample readLabelled(byte[] json) {
        Features features = null;
        Label label = null;
        Float weight = null;
        try (var parser = open(json)) {
            while (nextField(parser)) {
                switch (parser.currentName()) {
                    case "features" -> features = features(parser);
                    case "label" -> label = label(parser);
                    case "weight" -> weight = weight(parser);
                    default -> skipValue(parser);
                }
            }
        } catch (IOException e) {
            throw invalidJson(e);
        }
        requireFeatures(features);
        if (label == null) {
            throw new InvalidRecordException(RejectReason.MISSING_LABEL, "example has no \"label\"");
        }
        return new LabelledExample(features, label, weight);
    }

    public static UnlabelledEvent readUnlabelled(byte[] json) {
        float[] flat = FlatEventScanner.features(json);
        if (flat != null) {
            return new UnlabelledEvent(new FloatVector(flat));
        }
        Features features = null;
        try (var parser = open(json)) {
            while (nextField(parser)) {
                if ("features".equals(parser.currentName())) {
                    features = features(parser);
                } else {
                    skipValue(parser);
                }
            }
        } catch (IOException e) {
            throw invalidJson(e);
        }
        requireFeatures(features);
        return new UnlabelledEvent(features);
    }

    public static Prediction readPrediction(byte[] json) {
        String id = null;
        String model = null;
        int version = 0;
        Label prediction = null;
        float[] scores = null;
        try (var parser = open(json)) {
            while (nextField(parser)) {
                switch (parser.currentName()) {
                    case "id" -> id = text(parser);
                    case "model" -> model = text(parser);
                    case "version" -> version = nextNumber(parser).getIntValue();
                    case "prediction" -> prediction = label(parser);
                    case "scores" -> scores = floats(parser, parser.nextToken(), "score");
                    default -> skipValue(parser);
                }
            }
        } catch (IOException e) {
            throw invalidJson(e);
        }
        return new Prediction(id, model, version, prediction, scores);
    }

    private static JsonParser open(byte[] json) throws IOException {
        var parser = Json.FACTORY.createParser(json);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidRecordException(RejectReason.INVALID_JSON, "record must be a JSON object");
        }
        return parser;
    }

    /** Advances to the next field of the top-level object; false at its end, which must be the input's end. */
    private static boolean nextField(JsonParser parser) throws IOException {
        var token = parser.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            return true;
        }
        if (parser.nextToken() != null) {
            throw new InvalidRecordException(RejectReason.INVALID_JSON, "trailing content after the JSON object");
        }
        return false;
    }

    private static void skipValue(JsonParser parser) throws IOException {
        parser.nextToken();
        parser.skipChildren();
    }

    private static Features features(JsonParser parser) throws IOException {
        var token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Float> named = new LinkedHashMap<>();
            Map<String, String> strings = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    strings.put(name, parser.getText());
                } else {
                    named.put(name, feature(parser, parser.currentToken(), "feature '" + name + "'", -1));
                }
            }
            return new Features.Named(named, strings);
        }
        return new FloatVector(floats(parser, token, FEATURE));
    }

    private static Label label(JsonParser parser) throws IOException {
        var token = parser.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return new Label.Name(parser.getText());
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return new Label.Number(parser.getDoubleValue());
        }
        if (token == JsonToken.START_ARRAY) {
            return new FloatVector(floats(parser, token, "label"));
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new InvalidRecordException(RejectReason.INVALID_LABEL,
                "\"label\" must be a number, a class name or an array of numbers, got " + token);
    }

    private static Float weight(JsonParser parser) throws IOException {
        var token = parser.nextToken();
        return token == JsonToken.VALUE_NULL ? null : number(parser, token, "weight", -1);
    }

    /**
     * Reads a JSON array of numbers into floats without boxing; the array grows by doubling. A feature's array
     * also takes booleans and nulls ({@link #feature}).
     */
    private static float[] floats(JsonParser parser, JsonToken start, String what) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new InvalidRecordException(RejectReason.INVALID_JSON, "expected an array of numbers, got " + start);
        }
        boolean features = FEATURE.equals(what);
        var values = new float[64];
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (count == values.length) {
                values = java.util.Arrays.copyOf(values, count * 2);
            }
            values[count] = features ? feature(parser, token, what, count) : number(parser, token, what, count);
            count++;
        }
        return count == values.length ? values : java.util.Arrays.copyOf(values, count);
    }

    /** A feature's value: a number, a boolean as 1 or 0, or a null as NaN (missing; the spec says if it may be). */
    private static float feature(JsonParser parser, JsonToken token, String what, int index) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser, token, what, index);
            case VALUE_TRUE -> 1f;
            case VALUE_FALSE -> 0f;
            case VALUE_NULL -> Float.NaN;
            default -> throw new InvalidRecordException(RejectReason.WRONG_TYPE,
                    where(what, index) + " must be a number, a boolean or null, got " + describe(token));
        };
    }

    private static float number(JsonParser parser, JsonToken token, String what, int index) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : parser.getFloatValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getFloatValue();
        }
        throw new InvalidRecordException(RejectReason.INVALID_JSON,
                where(what, index) + " must be a number, got " + token);
    }

    /** Where a bad value was: built only for the error, as an array's elements are read in the hot path. */
    private static String where(String what, int index) {
        return index < 0 ? what : what + " " + index;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> String.valueOf(token);
        };
    }

    private static JsonParser nextNumber(JsonParser parser) throws IOException {
        var token = parser.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidRecordException(RejectReason.INVALID_JSON, "expected an integer, got " + token);
        }
        return parser;
    }

    private static String text(JsonParser parser) throws IOException {
        parser.nextToken();
        return parser.getValueAsString();
    }

    private static void requireFeatures(Features features) {
        if (features == null) {
            throw new InvalidRecordException(RejectReason.MISSING_FEATURES, "record has no \"features\"");
        }
    }

    private static InvalidRecordException invalidJson(IOException e) {
        var message = e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                ? processing.getOriginalMessage() : e.getMessage();
        return new InvalidRecordException(RejectReason.INVALID_JSON, "not valid JSON: " + message);
    }
}
