package dev.samuel.onnx.train;

import dev.samuel.onnx.graph.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the next step depends on: parameters and optimizer state (by their slot names, e.g. "W1",
 * "adam.m/W1"), the step count (Adam's bias correction), the learning rate and the seed of the dropout
 * masks. Restoring
 * it makes the next step bit-identical to the one the original session would have taken.
 */
public record Checkpoint(long step, double learningRate, long dropoutSeed, Map<String, Tensor> slots) {
    private static final int MAGIC = 0x53434B31; // "SCK1"

    public Checkpoint {
        slots = Map.copyOf(new LinkedHashMap<>(slots));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeLong(step);
            out.writeDouble(learningRate);
            out.writeLong(dropoutSeed);
            out.writeInt(slots.size());
            for (Tensor t : slots.values()) {
                out.writeUTF(t.name());
                long[] dims = t.shape().dims();
                out.writeInt(dims.length);
                for (long d : dims) {
                    out.writeLong(d);
                }
                for (float v : t.floats()) {
                    out.writeInt(Float.floatToRawIntBits(v));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Checkpoint fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a checkpoint");
            }
            long step = in.readLong();
            double lr = in.readDouble();
            long seed = in.readLong();
            int count = in.readInt();
            Map<String, Tensor> slots = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] dims = new long[in.readInt()];
                long size = 1;
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = in.readLong();
                    size *= dims[d];
                }
                float[] values = new float[Math.toIntExact(size)];
                for (int k = 0; k < values.length; k++) {
                    values[k] = Float.intBitsToFloat(in.readInt());
                }
                slots.put(name, Tensor.floats(name, values, dims));
            }
            return new Checkpoint(step, lr, seed, slots);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated checkpoint", e);
        }
    }
}
