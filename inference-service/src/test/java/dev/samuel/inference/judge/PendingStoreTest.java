package dev.samuel.inference.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.inference.judge.PendingStore.Pending;
import dev.samuel.inference.judge.PendingStore.State;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The time index has no changelog: a task that takes the stores over after a crash finds it empty (or, after a clean
 * stop, out of step with the restored entries) and rebuilds it from the entries, so what waits still expires.
 */
class PendingStoreTest {

    final MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();

    @Test
    void aTakenOverTaskRebuildsTheTimeIndexFromTheEntries() {
        var entries = store("entries");
        var before = new PendingStore(entries, store("expiry"));
        before.put("m", "m/a", null, new Pending(State.WAITING, 100, new byte[] {1}));
        before.put("m", "m/b", null, new Pending(State.JUDGED, 150, null));
        before.put("m", "m/c", null, new Pending(State.WAITING, 200, new byte[] {2}));
        before.put("n", "n/a", null, new Pending(State.WAITING, 120, new byte[] {3}));

        var staleIndex = store("stale");
        new PendingStore(store("other"), staleIndex).put("m", "m/gone", null, new Pending(State.WAITING, 50, new byte[0]));
        var after = new PendingStore(entries, staleIndex);

        assertThat(after.rebuildIndex()).isEqualTo(Map.of("m", 2L, "n", 1L));
        assertThat(after.expire("m", 160)).extracting(PendingStore.Expired::key).containsExactly("m/a", "m/b");
        assertThat(after.expire("m", 1_000)).extracting(PendingStore.Expired::key).containsExactly("m/c");
        assertThat(after.expire("n", 1_000)).extracting(PendingStore.Expired::key).containsExactly("n/a");
        assertThat(after.get("m/a")).isNull();
    }

    private KeyValueStore<Bytes, byte[]> store(String name) {
        var store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
