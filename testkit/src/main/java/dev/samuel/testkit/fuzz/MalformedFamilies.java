package dev.samuel.testkit.fuzz;

import static dev.samuel.testkit.fuzz.Formats.array;
import static dev.samuel.testkit.fuzz.Formats.arrayWith;
import static dev.samuel.testkit.fuzz.Formats.quoted;
import static dev.samuel.testkit.fuzz.Formats.utf8;
import static dev.samuel.testkit.fuzz.MalformedRecords.INVALID_BINARY;
import static dev.samuel.testkit.fuzz.MalformedRecords.INVALID_JSON;
import static dev.samuel.testkit.fuzz.MalformedRecords.INVALID_LABEL;
import static dev.samuel.testkit.fuzz.MalformedRecords.INVALID_WEIGHT;
import static dev.samuel.testkit.fuzz.MalformedRecords.MISSING_FEATURES;
import static dev.samuel.testkit.fuzz.MalformedRecords.MISSING_LABEL;
import static dev.samuel.testkit.fuzz.MalformedRecords.NOT_FINITE;
import static dev.samuel.testkit.fuzz.MalformedRecords.OVERSIZED;
import static dev.samuel.testkit.fuzz.MalformedRecords.UNKNOWN_ENCODING;
import static dev.samuel.testkit.fuzz.MalformedRecords.UNKNOWN_FEATURE;
import static dev.samuel.testkit.fuzz.MalformedRecords.WRONG_DIMENSION;
import static dev.samuel.testkit.fuzz.MalformedRecords.WRONG_TYPE;

import dev.samuel.testkit.fuzz.MalformedRecords.Family;
import dev.samuel.testkit.fuzz.MalformedRecords.Sample;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** One method per {@link Family}; each picks a variant at random and knows the reason it must get. */
final class MalformedFamilies {

    private static final List<String> NON_FINITE_TOKENS = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "nan",
            "inf", "-inf", "NAN");
    private static final List<String> BROKEN = List.of("comment", "single quotes", "trailing comma", "missing comma",
            "leading zero", "hex", "plus sign", "bare fraction", "control character", "invalid utf-8", "unquoted name",
            "trailing garbage", "two objects", "unterminated string", "missing colon", "bad escape");
    private static final List<String> ENCODINGS = List.of("avro", "", "F32LE", "JSON", "json ", "f32be", "protobuf",
            "application/json", "f16le");

    private final MalformedRecords g;
    private final Random random;

    MalformedFamilies(MalformedRecords generator) {
        this.g = generator;
        this.random = generator.random;
    }

    Sample generate(Family family) {
        return switch (family) {
            case RANDOM_BYTES -> randomBytes();
            case TRUNCATED_JSON -> truncated();
            case BROKEN_SYNTAX -> brokenSyntax();
            case DEEP_NESTING -> deepNesting();
            case WRONG_DIMENSION -> wrongDimension();
            case NON_FINITE_TOKEN -> nonFiniteToken();
            case NON_FINITE_BINARY -> nonFiniteBinary();
            case HUGE_NUMBER -> hugeNumber();
            case HUGE_STRING -> hugeString();
            case WRONG_TYPE -> wrongType();
            case BINARY_WRONG_LENGTH -> binaryWrongLength();
            case UNKNOWN_ENCODING -> unknownEncoding();
            case NULL_OR_EMPTY -> nullOrEmpty();
            case OVERSIZED -> oversized();
        };
    }

    /** Random bytes whose first byte is printable and not '{': whatever follows, it is no JSON object. */
    private Sample randomBytes() {
        var bytes = new byte[1 + random.nextInt(2048)];
        random.nextBytes(bytes);
        int first = 0x21 + random.nextInt(0x7e - 0x21);
        bytes[0] = (byte) (first >= '{' ? first + 1 : first);
        return json(Family.RANDOM_BYTES, "bytes", bytes, INVALID_JSON, null);
    }

    /** A valid record cut before its closing brace (cutting only trailing whitespace would leave it valid). */
    private Sample truncated() {
        var bytes = utf8(g.json(array(g.randomFeatures()), g.labelJson(), null,
                random.nextBoolean() ? quoted(Formats.text(random, 20)) : null));
        int lastBrace = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf('}');
        return json(Family.TRUNCATED_JSON, "cut", Arrays.copyOf(bytes, random.nextInt(lastBrace)), INVALID_JSON, null);
    }

    private Sample brokenSyntax() {
        var variant = pick(BROKEN);
        var values = g.randomFeatures();
        var valid = g.withFeatures(array(values));
        String text = switch (variant) {
            case "comment" -> "{/* a comment */" + valid.substring(1);
            case "single quotes" -> valid.replace("\"features\"", "'features'");
            case "trailing comma" -> g.withFeatures(array(values).replace("]", ",]"));
            case "missing comma" -> g.withFeatures(array(values).replace(",", " ").replace("[", "[0 "));
            case "leading zero" -> g.withFeatures(arrayWith(values, 0, "01"));
            case "hex" -> g.withFeatures(arrayWith(values, 0, "0x1F"));
            case "plus sign" -> g.withFeatures(arrayWith(values, 0, "+1"));
            case "bare fraction" -> g.withFeatures(arrayWith(values, 0, ".5"));
            case "control character" -> g.json(array(values), g.labelJson(), null, "\"a\u0001b\"");
            case "invalid utf-8" -> g.json(array(values), g.labelJson(), null, "\"a\u00ff\u00feb\"");
            case "unquoted name" -> valid.replace("\"features\"", "features");
            case "trailing garbage" -> valid + List.of(" x", "]", "}", ",", " 1").get(random.nextInt(5));
            case "two objects" -> valid + valid;
            case "unterminated string" -> valid.substring(0, valid.lastIndexOf('}')) + ",\"meta\":\"abc}";
            case "missing colon" -> valid.replace("\"features\":", "\"features\" ");
            default -> g.json(array(values), g.labelJson(), null, "\"a\\qb\"");
        };
        // ISO-8859-1 turns the \u00ff of "invalid utf-8" into the single byte 0xff; every other text is ASCII.
        return json(Family.BROKEN_SYNTAX, variant, text.getBytes(StandardCharsets.ISO_8859_1), INVALID_JSON, null);
    }

    /** Up to 100,000 levels: the reader must stop at its depth limit, not recurse until the stack overflows. */
    private Sample deepNesting() {
        int depth = random.nextInt(4) == 0 ? 100_000 : 1001 + random.nextInt(99_000);
        boolean objects = random.nextBoolean();
        var nested = Formats.nested(depth, objects);
        var values = array(g.randomFeatures());
        return switch (random.nextInt(g.labelled ? 4 : 3)) {
            case 0 -> json(Family.DEEP_NESTING, "in an extra field", g.json(values, g.labelJson(), null, nested),
                    INVALID_JSON, "nesting depth");
            case 1 -> json(Family.DEEP_NESTING, "whole record", nested, INVALID_JSON,
                    objects ? "nesting depth" : "JSON object");
            case 2 -> json(Family.DEEP_NESTING, "in features", g.withFeatures(nested), WRONG_TYPE, "must be a number");
            default -> json(Family.DEEP_NESTING, "in label", g.json(values, nested, null, null),
                    objects ? INVALID_LABEL : INVALID_JSON, null);
        };
    }

    private Sample wrongDimension() {
        int count = random.nextInt(g.features + 20);
        count = count >= g.features ? count + 1 : count;
        var values = Formats.randomFeatures(random, count, 1f);
        var hint = "expected " + g.features + " features, got " + count;
        if (random.nextBoolean()) {
            return binary(Family.WRONG_DIMENSION, "f32le", values, g.label(), null, WRONG_DIMENSION, hint);
        }
        return json(Family.WRONG_DIMENSION, "json", g.withFeatures(array(values)), WRONG_DIMENSION, hint);
    }

    /** JSON has no NaN or Infinity; quoted, they are strings where numbers belong. */
    private Sample nonFiniteToken() {
        var token = pick(NON_FINITE_TOKENS);
        var values = g.randomFeatures();
        return switch (random.nextInt(g.labelled ? 4 : 2)) {
            case 0 -> json(Family.NON_FINITE_TOKEN, "feature", g.withFeatures(arrayWith(values, index(), token)),
                    INVALID_JSON, null);
            case 1 -> json(Family.NON_FINITE_TOKEN, "quoted feature",
                    g.withFeatures(arrayWith(values, index(), quoted(token))), WRONG_TYPE, null);
            case 2 -> json(Family.NON_FINITE_TOKEN, "label", g.json(array(values), token, null, null), INVALID_JSON, null);
            default -> json(Family.NON_FINITE_TOKEN, "weight", g.json(array(values), g.labelJson(), token, null),
                    INVALID_JSON, null);
        };
    }

    private Sample nonFiniteBinary() {
        float bad = switch (random.nextInt(4)) {
            case 0 -> Float.NaN;
            case 1 -> Float.POSITIVE_INFINITY;
            case 2 -> Float.NEGATIVE_INFINITY;
            default -> Float.intBitsToFloat(0x7f800001 + random.nextInt(0x7ffffe)); // a NaN with a payload
        };
        var values = g.randomFeatures();
        return switch (random.nextInt(g.labelled ? 4 : 1)) {
            case 0 -> {
                values[index()] = bad;
                // In f32le a NaN is a missing value, which the spec does not allow here.
                yield Float.isNaN(bad)
                        ? binary(Family.NON_FINITE_BINARY, "NaN feature", values, g.label(), null, MISSING_FEATURES,
                                "input.missing")
                        : binary(Family.NON_FINITE_BINARY, "feature", values, g.label(), null, NOT_FINITE, "finite");
            }
            case 1 -> binary(Family.NON_FINITE_BINARY, "label", values, bad, null, INVALID_LABEL, null);
            case 2 -> binary(Family.NON_FINITE_BINARY, "weight", values, g.label(), bad, INVALID_WEIGHT, null);
            default -> binary(Family.NON_FINITE_BINARY, "negative weight", values, g.label(), -1 - random.nextFloat(),
                    INVALID_WEIGHT, null);
        };
    }

    /** Numbers beyond float32 become infinite (not_finite); beyond 1000 characters Jackson refuses to read them. */
    private Sample hugeNumber() {
        boolean tooLong = random.nextInt(4) == 0;
        var sign = random.nextBoolean() ? "-" : "";
        var number = tooLong ? "1" + "0".repeat(1000 + random.nextInt(3000))
                : switch (random.nextInt(3)) {
                    case 0 -> sign + "1e" + (39 + random.nextInt(960));
                    case 1 -> sign + "3.5e38";
                    default -> sign + "1" + "0".repeat(39 + random.nextInt(900));
                };
        var hint = tooLong ? "Number value length" : null;
        var values = g.randomFeatures();
        return switch (random.nextInt(g.labelled ? 3 : 1)) {
            case 0 -> json(Family.HUGE_NUMBER, "feature", g.withFeatures(arrayWith(values, index(), number)),
                    tooLong ? INVALID_JSON : NOT_FINITE, hint);
            case 1 -> json(Family.HUGE_NUMBER, "label", g.json(array(values), number, null, null),
                    tooLong ? INVALID_JSON : INVALID_LABEL, hint);
            default -> json(Family.HUGE_NUMBER, "weight", g.json(array(values), g.labelJson(), number, null),
                    tooLong ? INVALID_JSON : INVALID_WEIGHT, hint);
        };
    }

    /** Strings of 1 KB to about 600 KB where numbers belong; names beyond Jackson's 50,000 characters. */
    private Sample hugeString() {
        int length = g.maxRecordBytes > 0 && random.nextInt(4) == 0
                ? g.maxRecordBytes + random.nextInt(1000) : 1000 + random.nextInt(150_000);
        var text = quoted(Formats.text(random, length));
        var values = g.randomFeatures();
        return switch (random.nextInt(g.labelled ? 5 : 3)) {
            case 0 -> json(Family.HUGE_STRING, "features", g.withFeatures(text), INVALID_JSON, null);
            case 1 -> json(Family.HUGE_STRING, "feature", g.withFeatures(arrayWith(values, index(), text)),
                    WRONG_TYPE, null);
            case 2 -> json(Family.HUGE_STRING, "field name", "{\"" + "n".repeat(50_001 + random.nextInt(100_000))
                    + "\":1," + g.withFeatures(array(values)).substring(1), INVALID_JSON, "Name length");
            case 3 -> json(Family.HUGE_STRING, "label", g.json(array(values), text, null, null), INVALID_LABEL,
                    "unknown class");
            default -> json(Family.HUGE_STRING, "weight", g.json(array(values), g.labelJson(), text, null),
                    INVALID_JSON, null);
        };
    }

    private Sample wrongType() {
        var values = g.randomFeatures();
        int part = random.nextInt(g.labelled ? 5 : 3);
        if (part == 0) {
            // Not an array or object at all; a value of the wrong type inside one; a null the spec does not allow.
            var notFeatures = List.of("\"abc\"", "42", "true", "false");
            var wrongValues = List.of("[[1,2,3]]", arrayWith(values, index(), "\"true\""),
                    arrayWith(values, index(), "\"2\""), arrayWith(values, index(), "{}"),
                    arrayWith(values, index(), "[2]"), "{\"f0\":[1]}");
            return switch (random.nextInt(3)) {
                case 0 -> json(Family.WRONG_TYPE, "features", g.withFeatures(pick(notFeatures)), INVALID_JSON, null);
                case 1 -> json(Family.WRONG_TYPE, "feature", g.withFeatures(pick(wrongValues)), WRONG_TYPE, null);
                default -> json(Family.WRONG_TYPE, "null feature", g.withFeatures(arrayWith(values, index(), "null")),
                        MISSING_FEATURES, "input.missing");
            };
        }
        if (part == 1) {
            var named = new StringBuilder("{");
            for (int i = 0; i < g.features; i++) {
                named.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(values[i]);
            }
            return json(Family.WRONG_TYPE, "named features", g.withFeatures(named + "}"), UNKNOWN_FEATURE, null);
        }
        if (part == 2) {
            var records = List.of("[]", "[1,2,3]", "\"features\"", "42", "true", "false");
            return json(Family.WRONG_TYPE, "record", pick(records), INVALID_JSON,
                    "JSON object");
        }
        if (part == 3) {
            var labels = List.of("{\"a\":1}", "{}", "true", "false", "[1]", "[]", "1.5", "-1",
                    Integer.toString(g.classes), Integer.toString(g.classes + random.nextInt(1000)), "\"cat\"");
            return json(Family.WRONG_TYPE, "label", g.json(array(values), pick(labels),
                    null, null), INVALID_LABEL, null);
        }
        var weights = List.of("\"x\"", "{}", "[1]", "true", "-0.5");
        var weight = pick(weights);
        return json(Family.WRONG_TYPE, "weight", g.json(array(values), g.labelJson(), weight, null),
                weight.equals("-0.5") ? INVALID_WEIGHT : INVALID_JSON, null);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private Sample binaryWrongLength() {
        var valid = Formats.binary(g.randomFeatures(), g.labelled ? new float[] {g.label()} : null, null);
        return switch (random.nextInt(5)) {
            case 0 -> f32le("truncated", Arrays.copyOf(valid, random.nextInt(valid.length)));
            case 1 -> {
                // Four extra bytes after a labelled example are its weight: not a length error.
                int extra = 1 + random.nextInt(63);
                var bytes = new byte[valid.length + (g.labelled && extra == 4 ? 5 : extra)];
                random.nextBytes(bytes);
                System.arraycopy(valid, 0, bytes, 0, valid.length);
                yield f32le("trailing bytes", bytes);
            }
            // Larger than the bytes that follow it can hold, whatever they are.
            case 2 -> f32le("count too large", Formats.withLengthHeader(valid, (valid.length - 4) / 4 + 1
                    + random.nextInt(1 << 20)));
            case 3 -> f32le("negative count", Formats.withLengthHeader(valid, -1 - random.nextInt(Integer.MAX_VALUE)));
            default -> f32le("json body", utf8(g.withFeatures(array(g.randomFeatures()))));
        };
    }

    private Sample unknownEncoding() {
        var body = utf8(g.withFeatures(array(g.randomFeatures())));
        var headers = new RecordHeaders();
        String variant;
        switch (random.nextInt(4)) {
            case 0 -> {
                variant = "header without a value";
                headers.add(MalformedRecords.ENCODING_HEADER, null);
            }
            case 1 -> {
                variant = "garbage bytes";
                var garbage = new byte[1 + random.nextInt(16)];
                random.nextBytes(garbage);
                garbage[0] = '~';
                headers.add(MalformedRecords.ENCODING_HEADER, garbage);
            }
            case 2 -> {
                variant = "last header wins";
                headers.add(MalformedRecords.ENCODING_HEADER, utf8("json")).add(MalformedRecords.ENCODING_HEADER,
                        utf8("avro"));
            }
            default -> {
                variant = pick(ENCODINGS);
                headers.add(MalformedRecords.ENCODING_HEADER, utf8(variant));
                variant = "'" + variant + "'";
            }
        }
        return new Sample(Family.UNKNOWN_ENCODING, variant, body, headers, UNKNOWN_ENCODING, null);
    }

    private Sample nullOrEmpty() {
        var values = array(g.randomFeatures());
        return switch (random.nextInt(g.labelled ? 14 : 10)) {
            case 0 -> new Sample(Family.NULL_OR_EMPTY, "null value", null, new RecordHeaders(), MISSING_FEATURES, null);
            case 1 -> json(Family.NULL_OR_EMPTY, "empty", "", INVALID_JSON, null);
            case 2 -> new Sample(Family.NULL_OR_EMPTY, "empty f32le", new byte[0], g.f32le(), INVALID_BINARY, null);
            case 3 -> json(Family.NULL_OR_EMPTY, "{}", "{}", MISSING_FEATURES, null);
            case 4 -> json(Family.NULL_OR_EMPTY, "null", "null", INVALID_JSON, null);
            case 5 -> json(Family.NULL_OR_EMPTY, "blank", " \n\t ", INVALID_JSON, null);
            case 6 -> json(Family.NULL_OR_EMPTY, "null features", g.withFeatures("null"), INVALID_JSON, null);
            case 7 -> json(Family.NULL_OR_EMPTY, "empty features", g.withFeatures("[]"), WRONG_DIMENSION, null);
            case 8 -> json(Family.NULL_OR_EMPTY, "other fields only", "{\"other\":1}", MISSING_FEATURES, null);
            case 9 -> json(Family.NULL_OR_EMPTY, "empty named features", g.withFeatures("{}"), UNKNOWN_FEATURE, null);
            case 10 -> json(Family.NULL_OR_EMPTY, "no label", g.json(values, null, null, null), MISSING_LABEL, null);
            case 11 -> json(Family.NULL_OR_EMPTY, "null label", g.json(values, "null", null, null), MISSING_LABEL, null);
            case 12 -> json(Family.NULL_OR_EMPTY, "no features", "{\"label\":1}", MISSING_FEATURES, null);
            default -> new Sample(Family.NULL_OR_EMPTY, "empty f32le label",
                    Formats.binary(g.randomFeatures(), new float[0], null), g.f32le(), MISSING_LABEL, null);
        };
    }

    /** A valid example padded with an extra field to just above the limit. */
    private Sample oversized() {
        var template = g.json(array(g.randomFeatures()), g.labelJson(), null, "\"PAD\"");
        int pad = g.maxRecordBytes + 1 + random.nextInt(1000) - (template.length() - 3);
        int at = template.indexOf("\"PAD\"");
        var text = template.substring(0, at) + quoted("p".repeat(pad)) + template.substring(at + 5);
        return json(Family.OVERSIZED, "padded", text, OVERSIZED, "exceeds the limit");
    }

    private int index() {
        return random.nextInt(g.features);
    }

    private Sample json(Family family, String variant, String text, String reason, String hint) {
        return json(family, variant, utf8(text), reason, hint);
    }

    private Sample json(Family family, String variant, byte[] value, String reason, String hint) {
        return new Sample(family, variant, value, g.json(), reason, hint);
    }

    private Sample binary(Family family, String variant, float[] values, float label, Float weight, String reason,
                          String hint) {
        var value = Formats.binary(values, g.labelled ? new float[] {label} : null, g.labelled ? weight : null);
        return new Sample(family, variant, value, g.f32le(), reason, hint);
    }

    private Sample f32le(String variant, byte[] value) {
        return new Sample(Family.BINARY_WRONG_LENGTH, variant, value, g.f32le(), INVALID_BINARY, null);
    }
}
