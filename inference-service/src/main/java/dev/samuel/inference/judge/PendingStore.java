package dev.samuel.inference.judge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the join remembers per example until its model's {@code monitoring.labelDelay} has passed: a prediction
 * waiting for its label, or the mark that the example was judged (so that a relabel, or a prediction made after the
 * label, is not judged twice). A second store orders the entries by model and time, so that expiry reads only the
 * expired ones. The entries are changelogged, so the join survives a crash exactly once; the time index is not (a
 * changelog record less per prediction and two per label): it is rebuilt from the entries whenever a task takes the
 * stores over ({@link #rebuildIndex}).
 */
final class PendingStore {

    static final String ENTRIES = "judge-pending";
    static final String EXPIRY = "judge-expiry";

    enum State { WAITING, JUDGED }

    /** An entry: its state, its time (the prediction's, or the label's) and a waiting prediction's bytes. */
    record Pending(State state, long timestamp, byte[] prediction) {

        byte[] encode() {
            byte[] body = prediction == null ? new byte[0] : prediction;
            return ByteBuffer.allocate(9 + body.length).put((byte) state.ordinal()).putLong(timestamp).put(body)
                    .array();
        }

        static Pending decode(byte[] bytes) {
            var buffer = ByteBuffer.wrap(bytes);
            var state = State.values()[buffer.get()];
            long timestamp = buffer.getLong();
            byte[] body = new byte[buffer.remaining()];
            buffer.get(body);
            return new Pending(state, timestamp, state == State.WAITING ? body : null);
        }
    }

    /** An expired entry: its join key and what it was. */
    record Expired(String key, Pending pending) {
    }

    private final KeyValueStore<Bytes, byte[]> entries;
    private final KeyValueStore<Bytes, byte[]> expiry;

    PendingStore(KeyValueStore<Bytes, byte[]> entries, KeyValueStore<Bytes, byte[]> expiry) {
        this.entries = entries;
        this.expiry = expiry;
    }

    Pending get(String key) {
        byte[] bytes = entries.get(Bytes.wrap(utf8(key)));
        return bytes == null ? null : Pending.decode(bytes);
    }

    /** Replaces the entry the caller read, {@code before} (null for none), so the hot path reads the store once. */
    void put(String model, String key, Pending before, Pending pending) {
        if (before != null) {
            expiry.delete(expiryKey(model, before.timestamp(), key));
        }
        entries.put(Bytes.wrap(utf8(key)), pending.encode());
        expiry.put(expiryKey(model, pending.timestamp(), key), new byte[0]);
    }

    /** Removes and returns the model's entries whose time is before {@code cutoff}. */
    List<Expired> expire(String model, long cutoff) {
        var keys = new ArrayList<String>();
        // Inclusive bounds: the upper one, with no id after the time, sorts before every entry of that time.
        try (var range = expiry.range(expiryKey(model, 0, ""), expiryKey(model, Math.max(0, cutoff), ""))) {
            range.forEachRemaining(entry -> keys.add(keyOf(entry.key.get(), model)));
        }
        var expired = new ArrayList<Expired>(keys.size());
        for (var key : keys) {
            var pending = get(key);
            if (pending != null) {
                entries.delete(Bytes.wrap(utf8(key)));
                expiry.delete(expiryKey(model, pending.timestamp(), key));
                expired.add(new Expired(key, pending));
            }
        }
        return expired;
    }

    /**
     * Rebuilds the time index from the entries, when a task takes the stores over (the index is not changelogged: after
     * a crash it is empty, after a clean stop it may lag what the entries' changelog restored), and returns the
     * predictions waiting, by model.
     */
    Map<String, Long> rebuildIndex() {
        var stale = new ArrayList<Bytes>();
        try (var all = expiry.all()) {
            all.forEachRemaining(entry -> stale.add(entry.key));
        }
        stale.forEach(expiry::delete);
        var counts = new HashMap<String, Long>();
        try (var all = entries.all()) {
            all.forEachRemaining(entry -> {
                String key = new String(entry.key.get(), StandardCharsets.UTF_8);
                String model = key.substring(0, key.indexOf('/'));
                var pending = Pending.decode(entry.value);
                expiry.put(expiryKey(model, pending.timestamp(), key), new byte[0]);
                if (pending.state() == State.WAITING) {
                    counts.merge(model, 1L, Long::sum);
                }
            });
        }
        return counts;
    }

    private static Bytes expiryKey(String model, long timestamp, String key) {
        byte[] modelBytes = utf8(model);
        byte[] keyBytes = utf8(key);
        return Bytes.wrap(ByteBuffer.allocate(modelBytes.length + 9 + keyBytes.length).put(modelBytes).put((byte) 0)
                .putLong(Math.max(0, timestamp)).put(keyBytes).array());
    }

    private static String keyOf(byte[] expiryKey, String model) {
        int at = utf8(model).length + 9;
        return new String(expiryKey, at, expiryKey.length - at, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
