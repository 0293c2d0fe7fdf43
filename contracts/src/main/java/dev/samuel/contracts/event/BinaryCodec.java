package dev.samuel.contracts.event;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The compact binary tensor encoding, all little-endian:
 * <pre>
 *   unlabelled event:  int32 n | float32[n] features
 *   labelled example:  int32 n | float32[n] features | int32 m | float32[m] label | [float32 weight]
 * </pre>
 * A class label is one float holding the class index. About 4 bytes a feature against about 3 for
 * mostly-zero JSON, but no number parsing at all.
 */
public final class BinaryCodec {

    private BinaryCodec() {
    }

    public static byte[] write(UnlabelledEvent event) {
        float[] features = vector(event.features());
        var buffer = allocate(4 + 4 * features.length);
        putVector(buffer, features);
        return buffer.array();
    }

    public static byte[] write(LabelledExample example) {
        float[] features = vector(example.features());
        float[] label = labelValues(example.label());
        var buffer = allocate(8 + 4 * (features.length + label.length) + (example.weight() == null ? 0 : 4));
        putVector(buffer, features);
        putVector(buffer, label);
        if (example.weight() != null) {
            buffer.putFloat(example.weight());
        }
        return buffer.array();
    }

    public static UnlabelledEvent readUnlabelled(byte[] value) {
        var buffer = wrap(value);
        try {
            var features = getVector(buffer, "features");
            requireConsumed(buffer);
            return new UnlabelledEvent(new FloatVector(features));
        } catch (BufferUnderflowException e) {
            throw truncated(value);
        }
    }

    public static LabelledExample readLabelled(byte[] value) {
        var buffer = wrap(value);
        try {
            var features = getVector(buffer, "features");
            var label = getVector(buffer, "label");
            Float weight = buffer.remaining() == 4 ? buffer.getFloat() : null;
            requireConsumed(buffer);
            if (label.length == 0) {
                throw new InvalidRecordException(RejectReason.MISSING_LABEL, "binary example has an empty label");
            }
            var labelValue = label.length == 1 ? new Label.Number(label[0]) : new FloatVector(label);
            return new LabelledExample(new FloatVector(features), labelValue, weight);
        } catch (BufferUnderflowException e) {
            throw truncated(value);
        }
    }

    private static float[] labelValues(Label label) {
        if (label instanceof Label.Number number) {
            return new float[] {(float) number.value()};
        }
        if (label instanceof FloatVector vector) {
            return vector.values();
        }
        throw new IllegalArgumentException("the binary encoding carries class indices, not class names: " + label);
    }

    private static float[] vector(Features features) {
        if (features instanceof FloatVector vector) {
            return vector.values();
        }
        throw new IllegalArgumentException("the binary encoding carries feature vectors, not named features");
    }

    private static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer wrap(byte[] value) {
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void putVector(ByteBuffer buffer, float[] values) {
        buffer.putInt(values.length);
        buffer.asFloatBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
    }

    private static float[] getVector(ByteBuffer buffer, String what) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining() / 4) {
            throw new InvalidRecordException(RejectReason.INVALID_BINARY,
                    "binary " + what + " length " + length + " exceeds the " + buffer.remaining() + " bytes left");
        }
        var values = new float[length];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + 4 * length);
        return values;
    }

    private static void requireConsumed(ByteBuffer buffer) {
        if (buffer.hasRemaining()) {
            throw new InvalidRecordException(RejectReason.INVALID_BINARY,
                    "binary record has " + buffer.remaining() + " unexpected trailing bytes");
        }
    }

    private static InvalidRecordException truncated(byte[] value) {
        return new InvalidRecordException(RejectReason.INVALID_BINARY,
                "binary record of " + value.length + " bytes is truncated");
    }
}
