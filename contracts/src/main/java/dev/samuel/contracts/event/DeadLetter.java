package dev.samuel.contracts.event;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a dead letter carries next to its original key and bytes, so an operator can see why it was
 * rejected and find where it came from.
 */
public final class DeadLetter {

    public static final String REASON = "samuel.reject.reason";
    public static final String MESSAGE = "samuel.reject.message";
    public static final String SOURCE_TOPIC = "samuel.source.topic";
    public static final String SOURCE_PARTITION = "samuel.source.partition";
    public static final String SOURCE_OFFSET = "samuel.source.offset";

    private DeadLetter() {
    }

    /** Adds the reject headers; the record's own headers (its encoding among them) are kept. */
    public static void annotate(Headers headers, RejectReason reason, String message,
                                String topic, int partition, long offset) {
        put(headers, REASON, reason.code());
        put(headers, MESSAGE, message);
        put(headers, SOURCE_TOPIC, topic);
        put(headers, SOURCE_PARTITION, Integer.toString(partition));
        put(headers, SOURCE_OFFSET, Long.toString(offset));
    }

    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }
}
