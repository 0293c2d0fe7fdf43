package dev.samuel.inference.judge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A prediction or a label on its way to the join, keyed by model and example id: the record's bytes, and where it
 * came from, which the repartition topic would otherwise lose (a label's place is the change point a drift job
 * starts from).
 */
record JudgeInput(Kind kind, String model, String topic, int partition, long offset, byte[] payload) {

    enum Kind { PREDICTION, LABEL }

    /** Kind, partition, offset, model and topic (each after its length), then the payload: one copy each way. */
    byte[] encode() {
        byte[] modelBytes = model.getBytes(StandardCharsets.UTF_8);
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 4 + 8 + 4 + modelBytes.length + 4 + topicBytes.length + payload.length)
                .put((byte) kind.ordinal())
                .putInt(partition).putLong(offset)
                .putInt(modelBytes.length).put(modelBytes)
                .putInt(topicBytes.length).put(topicBytes)
                .put(payload).array();
    }

    static JudgeInput decode(byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var kind = Kind.values()[in.get()];
        int partition = in.getInt();
        long offset = in.getLong();
        String model = text(in);
        String topic = text(in);
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return new JudgeInput(kind, model, topic, partition, offset, payload);
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** The join's key: an example id is unique within its model. */
    static String key(String model, String id) {
        return model + "/" + id;
    }
}
