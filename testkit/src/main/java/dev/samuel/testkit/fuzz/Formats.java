package dev.samuel.testkit.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The event formats of docs/design.md ("Formats"), written byte by byte. testkit does not depend on contracts, and
 * should not: a fuzz input written with the reader's own writer could share its bugs.
 */
final class Formats {

    /** Characters that need no JSON escaping, including multi-byte UTF-8 ones. */
    private static final int[] SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.:/éßøπЖ中文😀"
            .codePoints().toArray();

    private Formats() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static float[] randomFeatures(Random random, int count, float first) {
        var values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = i == 0 ? first : random.nextFloat() * 2 - 1;
        }
        return values;
    }

    /** A JSON array of finite floats; Float.toString round-trips and is valid JSON for finite values. */
    static String array(float[] values) {
        var text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.append(']').toString();
    }

    /** The array with element {@code index} replaced by raw JSON text (which may be anything). */
    static String arrayWith(float[] values, int index, String element) {
        var text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(i == index ? element : Float.toString(values[i]));
        }
        return text.append(']').toString();
    }

    /**
     * A JSON object of the given raw fields (name, JSON text; a null text leaves the field out), in random order
     * and with random insignificant whitespace, so no test depends on one layout.
     */
    static String object(Random random, String... namesAndValues) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.add("\"" + namesAndValues[i] + "\":" + space(random) + namesAndValues[i + 1]);
            }
        }
        Collections.shuffle(fields, random);
        return "{" + space(random) + String.join("," + space(random), fields) + space(random) + "}";
    }

    private static String space(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            default -> "";
        };
    }

    /** About {@code length} chars: a random run of up to 1024 code points, repeated (drawing each one is slow). */
    static String text(Random random, int length) {
        var run = new StringBuilder();
        while (run.length() < Math.min(length, 1024)) {
            run.appendCodePoint(SAFE[random.nextInt(SAFE.length)]);
        }
        var text = new StringBuilder(length + run.length());
        while (text.length() < length) {
            text.append(run);
        }
        return text.toString();
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** {@code depth} nested arrays, or objects {@code {"a": ...}}, closed: well-formed, just deep. */
    static String nested(int depth, boolean objects) {
        var text = new StringBuilder(depth * (objects ? 6 : 2) + 1);
        text.append((objects ? "{\"a\":" : "[").repeat(depth));
        text.append(objects ? "1" : "");
        text.append((objects ? "}" : "]").repeat(depth));
        return text.toString();
    }

    /** f32le: int32 n | float32[n] features, then for a labelled example int32 m | float32[m] label | [weight]. */
    static byte[] binary(float[] features, float[] label, Float weight) {
        int size = 4 + 4 * features.length + (label == null ? 0 : 4 + 4 * label.length) + (weight == null ? 0 : 4);
        var buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        vector(buffer, features);
        if (label != null) {
            vector(buffer, label);
        }
        if (weight != null) {
            buffer.putFloat(weight);
        }
        return buffer.array();
    }

    private static void vector(ByteBuffer buffer, float[] values) {
        buffer.putInt(values.length);
        for (float value : values) {
            buffer.putFloat(value);
        }
    }

    static byte[] withLengthHeader(byte[] binary, int declared) {
        var copy = binary.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(0, declared);
        return copy;
    }
}
