package dev.samuel.inference.judge;

import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.serde.JsonSerde;
import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The judge: every label of a model's train and test topics is joined to the prediction made for the same example,
 * judged, and written to the model's performance topic ({@link LabelJoin}); each model's performance topic feeds its
 * drift watch ({@link DriftWatch}), which writes detections to {@code samuel.drift} and drift jobs to
 * {@code samuel.jobs}. Predictions and labels are repartitioned by model and example id first, so the two halves of
 * an example meet in one task whatever the layout of the topics they came from.
 */
public final class JudgeTopology {

    static final String REPARTITION = "judge-input";

    private JudgeTopology() {
    }

    /**
     * @param inputs       the predictions, train and test topics; a spec that renames one must pick a name it matches
     * @param performance  the performance topics
     * @param partitions   partitions of the repartition topic: how many tasks (and instances) share the join
     * @param sweepEvery   how often expired predictions are counted and forgotten
     * @param changeWindow judged examples a model's watch remembers the place of, to start a drift job from
     * @param onDisk       the join's stores in RocksDB (a day of predictions does not fit a heap); in memory for
     *                     tests, where Kafka Streams' test driver flushes the stores after every record
     */
    public record Settings(Pattern inputs, Pattern performance, int partitions, Duration sweepEvery, int changeWindow,
                           boolean onDisk) {

        public static final Pattern INPUTS = Pattern.compile(".+\\.(predictions|train|test)");
        public static final Pattern PERFORMANCE = Pattern.compile(".+\\." + Topics.PERFORMANCE);
        public static final Settings DEFAULT = new Settings(INPUTS, PERFORMANCE, 3, Duration.ofSeconds(10), 100_000,
                true);

        public Settings inMemory() {
            return new Settings(inputs, performance, partitions, sweepEvery, changeWindow, false);
        }
    }

    /** {@code codec}: how labelled examples are read (Avro through the service's schema registry, when it has one). */
    static Topology build(StreamsBuilder builder, Settings settings, Codec codec, ModelIndex models,
                          Prequential prequential, JudgeMetrics metrics, Clock clock) {
        builder.addStateStore(store(settings, PendingStore.ENTRIES));
        // Rebuilt from the entries when a task starts (PendingStore.rebuildIndex): no changelog to write.
        builder.addStateStore(store(settings, PendingStore.EXPIRY).withLoggingDisabled());

        builder.stream(settings.inputs(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .process(() -> new InputKeying(models, metrics))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(REPARTITION)
                        .withNumberOfPartitions(settings.partitions()))
                .process(() -> new LabelJoin(models, codec, prequential, metrics, settings.sweepEvery()),
                        PendingStore.ENTRIES, PendingStore.EXPIRY)
                .to((model, result, context) -> Topics.of(model).performance().name(),
                        Produced.with(Serdes.String(), new JsonSerde<>(PerformanceRecord.class)));

        builder.stream(settings.performance(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new DriftWatch(models, metrics, clock, settings.changeWindow()))
                .to((key, value, context) -> new String(context.headers().lastHeader(DriftWatch.SINK).value(),
                        StandardCharsets.UTF_8), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static StoreBuilder<KeyValueStore<Bytes, byte[]>> store(Settings settings, String name) {
        return Stores.keyValueStoreBuilder(settings.onDisk() ? Stores.persistentKeyValueStore(name)
                : Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray());
    }
}
