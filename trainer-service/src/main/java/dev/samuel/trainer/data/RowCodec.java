package dev.samuel.trainer.data;

import dev.samuel.contracts.event.ResolvedExample;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How a resolved example is written in a split's file: the numbers, the target and the weight as little-endian
 * float32, each array after its length, then each categorical value as its UTF-8 length and bytes (the missing value
 * is the empty text). Rows carry their own lengths, so a row read back needs nothing but its bytes.
 */
final class RowCodec {

    private RowCodec() {
    }

    /** The bytes {@link #write} takes for the example. */
    static int size(ResolvedExample example) {
        int size = Integer.BYTES * 3 + Float.BYTES * (example.features().length + example.target().length + 1);
        for (var value : example.categories()) {
            size += Integer.BYTES + value.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    /** Writes the example at the buffer's position, which must be little-endian and have {@link #size} bytes left. */
    static void write(ResolvedExample example, ByteBuffer out) {
        writeFloats(example.features(), out);
        writeFloats(example.target(), out);
        out.putFloat(example.weight());
        out.putInt(example.categories().length);
        for (var value : example.categories()) {
            var bytes = value.getBytes(StandardCharsets.UTF_8);
            out.putInt(bytes.length);
            out.put(bytes);
        }
    }

    /** Reads the example at the buffer's position (little-endian), leaving the position after it. */
    static ResolvedExample read(ByteBuffer in) {
        float[] features = readFloats(in);
        float[] target = readFloats(in);
        float weight = in.getFloat();
        int count = in.getInt();
        if (count == 0) {
            return new ResolvedExample(features, target, weight);
        }
        var categories = new String[count];
        for (int c = 0; c < count; c++) {
            var bytes = new byte[in.getInt()];
            in.get(bytes);
            categories[c] = new String(bytes, StandardCharsets.UTF_8);
        }
        return new ResolvedExample(features, categories, target, weight);
    }

    /** Reads the example at the buffer's position (little-endian) into the columns' row. */
    static void read(ByteBuffer in, ExampleColumns out, int row) {
        int features = in.getInt();
        int featuresAt = in.position();
        in.position(featuresAt + Float.BYTES * features);
        int targets = in.getInt();
        int targetsAt = in.position();
        in.position(targetsAt + Float.BYTES * targets);
        float weight = in.getFloat();
        int count = in.getInt();
        out.shape(features, targets, count);
        out.weights()[row] = weight;
        int categoriesAt = in.position();
        in.position(featuresAt);
        in.asFloatBuffer().get(out.features(), row * features, features);
        in.position(targetsAt);
        in.asFloatBuffer().get(out.targets(), row * targets, targets);
        in.position(categoriesAt);
        for (int c = 0; c < count; c++) {
            var bytes = new byte[in.getInt()];
            in.get(bytes);
            out.categories()[row * count + c] = new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void writeFloats(float[] values, ByteBuffer out) {
        out.putInt(values.length);
        out.asFloatBuffer().put(values);
        out.position(out.position() + Float.BYTES * values.length);
    }

    private static float[] readFloats(ByteBuffer in) {
        var values = new float[in.getInt()];
        in.asFloatBuffer().get(values);
        in.position(in.position() + Float.BYTES * values.length);
        return values;
    }
}
