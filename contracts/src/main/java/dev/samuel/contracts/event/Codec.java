package dev.samuel.contracts.event;

import org.apache.kafka.common.header.Headers;

/** Decodes record values in whichever encoding their headers announce. */
public final class Codec {

    private Codec() {
    }

    public static LabelledExample readLabelled(byte[] value, Headers headers) {
        return Encoding.of(headers) == Encoding.F32LE ? BinaryCodec.readLabelled(value) : JsonReader.readLabelled(value);
    }

    public static UnlabelledEvent readUnlabelled(byte[] value, Headers headers) {
        return Encoding.of(headers) == Encoding.F32LE
                ? BinaryCodec.readUnlabelled(value) : JsonReader.readUnlabelled(value);
    }

    /**
     * Why a record whose decoding failed in an unexpected way is rejected: a parse error in the encoding it
     * announces, or the announcement itself when that is unreadable.
     */
    public static RejectReason unreadable(Headers headers) {
        try {
            return Encoding.of(headers) == Encoding.F32LE ? RejectReason.INVALID_BINARY : RejectReason.INVALID_JSON;
        } catch (InvalidRecordException e) {
            return RejectReason.UNKNOWN_ENCODING;
        }
    }

    public static byte[] write(LabelledExample example, Encoding encoding) {
        return encoding == Encoding.F32LE ? BinaryCodec.write(example) : JsonWriter.write(example);
    }

    public static byte[] write(UnlabelledEvent event, Encoding encoding) {
        return encoding == Encoding.F32LE ? BinaryCodec.write(event) : JsonWriter.write(event);
    }
}
