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

    private static final byte[] FEATURES = "\"features\"".getBytes(StandardCharsets.US_ASCII);
    private static final float[] POWERS_OF_TEN = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    private static final int MAX_EXACT_MANTISSA = 1 << 24;
    private static final int MAX_DIGITS = 18;
    /** Jackson refuses longer numbers (invalid JSON): one near the limit is left to it, to refuse or read. */
    private static final int MAX_NUMBER_LENGTH = Json.FACTORY.streamReadConstraints().getMaxNumberLength();

    private final byte[] json;
    private int at;

    private FlatEventScanner(byte[] json) {
        this.json = json;
    }

    /** The features of {@code {"features": [...]}}, or null when the event has another shape (or is not JSON). */
    static float[] features(byte[] json) {
        return new FlatEventScanner(json).event();
    }

    private float[] event() {
        if (!expect((byte) '{') || !expectName() || !expect((byte) ':') || !expect((byte) '[')) {
            return null;
        }
        float[] values = array();
        return values != null && expect((byte) '}') && end() ? values : null;
    }

    /** The array's values up to its closing bracket, in one loop over local state: the JIT keeps it in registers. */
    private float[] array() {
        byte[] in = json;
        var values = new float[64];
        int count = 0;
        int i = skipWhitespace(in, at);
        if (i < in.length && in[i] == ']') {
            at = i + 1;
            return new float[0];
        }
        while (true) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            i = skipWhitespace(in, i);
            if (i >= in.length) {
                return null;
            }
            byte first = in[i];
            if (first == '0' && i + 1 < in.length && (in[i + 1] == ',' || in[i + 1] == ']')) {
                // Most features of most events (pixels, one-hot columns) are a bare zero.
                values[count++] = 0f;
                i++;
            } else if (first == '-' || (first >= '0' && first <= '9')) {
                i = number(in, i, values, count++);
                if (i < 0) {
                    return null;
                }
            } else {
                at = i;
                if (!literalValue(values, count++)) {
                    return null;
                }
                i = at;
            }
            i = skipWhitespace(in, i);
            if (i >= in.length) {
                return null;
            }
            byte next = in[i++];
            if (next == ']') {
                at = i;
                return count == values.length ? values : Arrays.copyOf(values, count);
            }
            if (next != ',') {
                return null;
            }
        }
    }

    /** {@code true}, {@code false} or {@code null}. */
    private boolean literalValue(float[] values, int index) {
        byte first = json[at];
        String word = first == 't' ? "true" : first == 'f' ? "false" : first == 'n' ? "null" : null;
        if (word == null || !literal(word)) {
            return false;
        }
        values[index] = first == 't' ? 1f : first == 'f' ? 0f : Float.NaN;
        return true;
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

    private boolean literal(String word) {
        if (at + word.length() > json.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (json[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    private boolean expect(byte token) {
        at = skipWhitespace(json, at);
        if (at < json.length && json[at] == token) {
            at++;
            return true;
        }
        return false;
    }

    private boolean expectName() {
        at = skipWhitespace(json, at);
        if (at + FEATURES.length > json.length || !Arrays.equals(json, at, at + FEATURES.length, FEATURES, 0,
                FEATURES.length)) {
            return false;
        }
        at += FEATURES.length;
        return true;
    }

    private boolean end() {
        return skipWhitespace(json, at) == json.length;
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
