package dev.samuel.contracts.event;

import dev.samuel.contracts.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the shape almost every unlabelled event has, {@code {"features": [numbers]}} (the array the only field, JSON's
 * whitespace anywhere), in one pass over its bytes: scoring spends most of its own time reading events, and a
 * tokenizer costs several times this on 784 numbers. Anything else, or anything it is unsure of (another field, a
 * named feature, a malformed number, trailing content), is left to {@link JsonReader}'s Jackson path, which reads every
 * shape and words every error: this returns null, and only ever returns what that path would.
 *
 * <p>A number becomes the float nearest its decimal value, as Jackson's parser makes it: exactly when its digits fit in
 * a float's 24 bits and its power of ten is one a float holds exactly (Clinger's fast path), else through
 * {@link Float#parseFloat}; an integer becomes the float nearest it. A boolean is 1 or 0, a null is NaN (missing).
 */
final class FlatEventScanner {

    private static final byte[][] OPENING = {{'{'}, "\"features\"".getBytes(StandardCharsets.US_ASCII), {':'}, {'['}};
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_BRACE = {'}'};
    private static final float[] POWERS_OF_TEN = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    private static final int MAX_EXACT_MANTISSA = 1 << 24;
    private static final int MAX_DIGITS = 18;
    /** Jackson refuses longer numbers (invalid JSON): one near the limit is left to it, to refuse or read. */
    private static final int MAX_NUMBER_LENGTH = Json.FACTORY.streamReadConstraints().getMaxNumberLength();

    private FlatEventScanner() {
    }

    /** The features of {@code {"features": [...]}}, or null when the event has another shape (or is not JSON). */
    static float[] features(byte[] json) {
        int i = opening(json);
        if (i < 0) {
            return null;
        }
        var values = new float[64];
        int count = 0;
        i = skipWhitespace(json, i);
        if (i < json.length && json[i] == ']') {
            return closes(json, i + 1) ? new float[0] : null;
        }
        while (true) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            i = value(json, skipWhitespace(json, i), values, count++);
            if (i < 0) {
                return null;
            }
            i = skipWhitespace(json, i);
            if (i >= json.length) {
                return null;
            }
            byte next = json[i++];
            if (next == ']') {
                return closes(json, i) ? Arrays.copyOf(values, count) : null;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    /** Past {@code {"features": [} (JSON's whitespace before each token), or -1 when the event does not open so. */
    private static int opening(byte[] in) {
        int i = 0;
        for (byte[] token : OPENING) {
            i = skipWhitespace(in, i);
            if (!matches(in, i, token)) {
                return -1;
            }
            i += token.length;
        }
        return i;
    }

    /** Reads the value at {@code i} into {@code values[index]}; where it ends, or -1 when it is none JSON allows here. */
    private static int value(byte[] in, int i, float[] values, int index) {
        if (i >= in.length) {
            return -1;
        }
        byte first = in[i];
        if (first == '0' && i + 1 < in.length && (in[i + 1] == ',' || in[i + 1] == ']')) {
            // Most features of most events (pixels, one-hot columns) are a bare zero.
            values[index] = 0f;
            return i + 1;
        }
        if (first == '-' || isDigit(first)) {
            return number(in, i, values, index);
        }
        byte[] word = first == 't' ? TRUE : first == 'f' ? FALSE : first == 'n' ? NULL : null;
        if (word == null || !matches(in, i, word)) {
            return -1;
        }
        values[index] = first == 't' ? 1f : first == 'f' ? 0f : Float.NaN;
        return i + word.length;
    }

    /** JSON's number grammar, exactly: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private static int number(byte[] in, int start, float[] values, int index) {
        int i = start;
        boolean negative = in[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        int integerStart = i;
        for (; i < in.length && isDigit(in[i]); i++) {
            if (digits < MAX_DIGITS) {
                mantissa = mantissa * 10 + (in[i] - '0');
                digits += mantissa == 0 ? 0 : 1;
            } else {
                scale++;
            }
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && in[integerStart] == '0')) {
            return -1;
        }
        boolean integer = true;
        if (i < in.length && in[i] == '.') {
            integer = false;
            int fractionStart = ++i;
            for (; i < in.length && isDigit(in[i]); i++) {
                if (digits < MAX_DIGITS) {
                    mantissa = mantissa * 10 + (in[i] - '0');
                    digits += mantissa == 0 ? 0 : 1;
                    scale--;
                }
            }
            if (i == fractionStart) {
                return -1;
            }
        }
        int exponent = 0;
        if (i < in.length && (in[i] == 'e' || in[i] == 'E')) {
            integer = false;
            i++;
            boolean negativeExponent = i < in.length && in[i] == '-';
            if (i < in.length && (in[i] == '-' || in[i] == '+')) {
                i++;
            }
            int exponentStart = i;
            for (; i < in.length && isDigit(in[i]); i++) {
                exponent = Math.min(exponent * 10 + (in[i] - '0'), 100_000);
            }
            if (i == exponentStart) {
                return -1;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i - start >= MAX_NUMBER_LENGTH) {
            return -1;
        }
        values[index] = toFloat(in, start, i, negative, mantissa, digits, scale + exponent, integer);
        return i;
    }

    private static float toFloat(byte[] in, int start, int end, boolean negative, long mantissa, int digits,
                                 int powerOfTen, boolean integer) {
        if (integer && digits < MAX_DIGITS && powerOfTen == 0) {
            return negative ? -mantissa : mantissa;
        }
        if (mantissa < MAX_EXACT_MANTISSA && Math.abs(powerOfTen) < POWERS_OF_TEN.length) {
            float magnitude = powerOfTen >= 0 ? mantissa * POWERS_OF_TEN[powerOfTen]
                    : mantissa / POWERS_OF_TEN[-powerOfTen];
            return negative ? -magnitude : magnitude;
        }
        return Float.parseFloat(new String(in, start, end - start, StandardCharsets.US_ASCII));
    }

    private static boolean matches(byte[] in, int i, byte[] word) {
        return i + word.length <= in.length && Arrays.equals(in, i, i + word.length, word, 0, word.length);
    }

    /** Whether the object closes at {@code i}, with nothing but whitespace after it. */
    private static boolean closes(byte[] in, int i) {
        int close = skipWhitespace(in, i);
        return matches(in, close, CLOSE_BRACE) && skipWhitespace(in, close + 1) == in.length;
    }

    private static int skipWhitespace(byte[] in, int from) {
        int i = from;
        while (i < in.length && (in[i] == ' ' || in[i] == '\n' || in[i] == '\r' || in[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
