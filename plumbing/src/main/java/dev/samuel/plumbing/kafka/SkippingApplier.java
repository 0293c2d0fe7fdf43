package dev.samuel.plumbing.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands records to a handler and survives the ones it cannot apply: a malformed record must not stop a follower,
 * since it would meet the same record again after every restart. Skipped records stay in the log for inspection.
 */
final class SkippingApplier {

    private static final Logger LOG = LoggerFactory.getLogger(SkippingApplier.class);
    private static final int SHOWN_KEY_CHARACTERS = 100;

    private final String name;
    private final RecordHandler handler;
    private final AtomicLong skipped = new AtomicLong();

    SkippingApplier(String name, RecordHandler handler) {
        this.name = name;
        this.handler = handler;
    }

    /** Errors (out of memory, a broken class path) are not about the record and end the follower. */
    void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            handler.apply(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skip(record, e);
        } catch (Exception e) {
            skip(record, e);
        }
    }

    long skipped() {
        return skipped.get();
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, Exception e) {
        skipped.incrementAndGet();
        LOG.warn("{} skipped the record at offset {} of {}-{} (key {}): {}", name, record.offset(), record.topic(),
                record.partition(), shown(record.key()), e.toString());
    }

    private static String shown(byte[] key) {
        if (key == null) {
            return "none";
        }
        var text = new String(key, StandardCharsets.UTF_8);
        return text.length() <= SHOWN_KEY_CHARACTERS ? text : text.substring(0, SHOWN_KEY_CHARACTERS) + "...";
    }
}
