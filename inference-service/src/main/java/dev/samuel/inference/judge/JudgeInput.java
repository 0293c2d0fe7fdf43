package dev.samuel.inference.judge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A prediction or a label on its way to the join, keyed by model and example id: the record's bytes, and where it
 * came from, which the repartition topic would otherwise lose (a label's place is the change point a drift job
 * starts from).
 */
record JudgeInput(Kind kind, String model, String topic, int partition, long offset, byte[] payload) {

    enum Kind { PREDICTION, LABEL }

    byte[] encode() {
        var bytes = new ByteArrayOutputStream(payload.length + 64);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(kind.ordinal());
            out.writeUTF(model);
            out.writeUTF(topic);
            out.writeInt(partition);
            out.writeLong(offset);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static JudgeInput decode(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            var kind = Kind.values()[in.readByte()];
            return new JudgeInput(kind, in.readUTF(), in.readUTF(), in.readInt(), in.readLong(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The join's key: an example id is unique within its model. */
    static String key(String model, String id) {
        return model + "/" + id;
    }
}
