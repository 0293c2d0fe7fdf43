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

    /**
     * Kind, model and topic (each after its length as an unsigned short), partition, offset, then the payload: the
     * layout {@code DataOutputStream} wrote (model and topic names are ASCII, so its modified UTF-8 is UTF-8), so
     * records already on the repartition topic still decode, with one copy each way instead of a stream's.
     */
    byte[] encode() {
        byte[] modelBytes = model.getBytes(StandardCharsets.UTF_8);
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 2 + modelBytes.length + 2 + topicBytes.length + 4 + 8 + payload.length)
                .put((byte) kind.ordinal())
                .putShort((short) modelBytes.length).put(modelBytes)
                .putShort((short) topicBytes.length).put(topicBytes)
                .putInt(partition).putLong(offset)
                .put(payload).array();
    }

    static JudgeInput decode(byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var kind = Kind.values()[in.get()];
        String model = text(in);
        String topic = text(in);
        int partition = in.getInt();
        long offset = in.getLong();
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return new JudgeInput(kind, model, topic, partition, offset, payload);
    }

    private static String text(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** The join's key: an example id is unique within its model. */
    static String key(String model, String id) {
        return model + "/" + id;
    }
}
