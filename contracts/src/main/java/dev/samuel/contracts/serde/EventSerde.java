package dev.samuel.contracts.serde;

import dev.samuel.contracts.event.Encoding;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for an event format that writes in one chosen encoding, announcing it in the record's
 * {@value Encoding#HEADER} header, and reads whichever encoding a record announces.
 */
public final class EventSerde<T> implements Serde<T> {

    private final Encoding encoding;
    private final BiFunction<T, Encoding, byte[]> writer;
    private final BiFunction<byte[], Headers, T> reader;

    EventSerde(Encoding encoding, BiFunction<T, Encoding, byte[]> writer, BiFunction<byte[], Headers, T> reader) {
        this.encoding = encoding;
        this.writer = writer;
        this.reader = reader;
    }

    /** A serde for a format with one encoding only (JSON). */
    static <T> EventSerde<T> json(Function<T, byte[]> writer, Function<byte[], T> reader) {
        return new EventSerde<>(Encoding.JSON, (value, encoding) -> writer.apply(value),
                (bytes, headers) -> reader.apply(bytes));
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T value) {
                return value == null ? null : writer.apply(value, encoding);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T value) {
                if (value != null && encoding != Encoding.JSON) {
                    headers.remove(Encoding.HEADER);
                    headers.add(Encoding.HEADER, encoding.headerValue());
                }
                return serialize(topic, value);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public T deserialize(String topic, byte[] bytes) {
                return deserialize(topic, null, bytes);
            }

            @Override
            public T deserialize(String topic, Headers headers, byte[] bytes) {
                return bytes == null ? null : reader.apply(bytes, headers);
            }
        };
    }
}
