package dev.samuel.trainer.data;

import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.ExampleResolver;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.FollowerStatus;
import dev.samuel.plumbing.kafka.TopicFollower;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the followed models' train and test topics from the beginning into {@link ModelData}, on disk in the
 * trainer's {@link DatasetStore}, and keeps following them. No consumer group: the data is rebuilt from the
 * (compacted) topics at every start, so there is no offset to commit. A model is followed from the moment its spec is
 * read ({@link #follow}); its topics are picked up as soon as they exist.
 */
public final class DatasetFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetFollower.class);

    /** Told of every example left out because the model's current spec does not accept it. */
    @FunctionalInterface
    public interface DropListener {
        void dropped(String model, RejectReason reason);
    }

    private record Route(String model, boolean isTest) {
    }

    private final TopicFollower follower;
    private final DatasetStore store;
    private final Codec codec;
    private final DropListener drops;
    private final Map<String, ModelSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, ModelData> byModel = new ConcurrentHashMap<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    /**
     * @param instance names this trainer's follower in broker logs and client metrics
     * @param store    where the examples are kept; the follower owns it, and closes it
     */
    public DatasetFollower(Map<String, Object> kafka, String instance, DatasetStore store, DropListener drops) {
        this(kafka, instance, store, Codec.WITHOUT_REGISTRY, drops);
    }

    /**
     * @param codec how examples are decoded (Avro through the schema registry, when there is one); it must wait for a
     *              registry that does not answer ({@code PatientSchemaSource.UNTIL_ANSWERED}): the follower skips a
     *              record its handler throws on, and an example must not be lost to a registry's restart
     */
    public DatasetFollower(Map<String, Object> kafka, String instance, DatasetStore store, Codec codec,
                           DropListener drops) {
        this.follower = new TopicFollower("samuel-trainer-datasets-" + instance, kafka, this::apply);
        this.store = store;
        this.codec = codec;
        this.drops = drops;
    }

    public DatasetFollower start() {
        follower.start();
        return this;
    }

    /**
     * Follows the model's train and test topics, from their beginning, and reads its examples by this spec from
     * now on. Called with every spec of the registry, a new model's or an updated one. An update that changes how
     * examples are read (the input or the task) reads them all anew by it, so every stored example fits the spec a
     * job trains by. Called by one thread at a time.
     */
    public synchronized void follow(ModelSpec spec) {
        var before = specs.get(spec.name());
        if (before != null && !(before.input().equals(spec.input()) && before.task().equals(spec.task()))) {
            forget(spec.name());
        }
        specs.put(spec.name(), spec);
        var topics = Topics.of(spec);
        byModel.computeIfAbsent(spec.name(), name -> new ModelData(
                store.split(name, "train", topics.train().name()), store.split(name, "test", topics.test().name())));
        routes.put(topics.train().name(), new Route(spec.name(), false));
        routes.put(topics.test().name(), new Route(spec.name(), true));
        follower.follow(List.of(topics.train().name(), topics.test().name()));
    }

    /**
     * Stops following the model (another trainer owns it now, or it was deleted) and removes what was read of it:
     * taken back later, it is read anew from its topics' beginning. Nothing happens for a model not followed.
     */
    public synchronized void forget(String model) {
        var spec = specs.remove(model);
        if (spec == null) {
            return;
        }
        var topics = Topics.of(spec);
        routes.remove(topics.train().name());
        routes.remove(topics.test().name());
        byModel.remove(model).delete();
        follower.unfollow(List.of(topics.train().name(), topics.test().name()));
    }

    /**
     * Waits until the model's train and test topics are read up to where they ended when the trainer began following
     * them: a job started right after a restart trains on the data there is, not on what was read so far.
     */
    public boolean awaitRead(ModelSpec spec, Duration timeout) throws InterruptedException {
        var topics = Topics.of(spec);
        return follower.awaitCaughtUpOn(List.of(topics.train().name(), topics.test().name()), timeout);
    }

    public Optional<ModelData> data(String model) {
        return Optional.ofNullable(byModel.get(model));
    }

    public FollowerStatus status() {
        return follower.status();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        var route = routes.get(record.topic());
        var data = route == null ? null : byModel.get(route.model());
        if (data == null) {
            return;
        }
        try {
            apply(record, route, data);
        } finally {
            // Read, whether it was kept or not: the offsets are the data's lineage.
            data.advance(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, Route route, ModelData data) {
        long id = IdIndex.hash(record.key());
        if (record.value() == null) {
            data.remove(route.isTest(), id);
            return;
        }
        try {
            var spec = specs.get(route.model());
            var example = codec.readLabelled(record.value(), record.headers(), spec.task().recordLabelField());
            data.put(route.isTest(), id, ExampleResolver.resolve(spec, example), record.partition(), record.offset(),
                    record.timestamp());
        } catch (InvalidRecordException e) {
            // Ingest validated it against an earlier spec; under the current one it cannot be trained on.
            data.dropped(e.reason());
            drops.dropped(route.model(), e.reason());
            LOG.debug("Left out example {} of {}: {}", new String(record.key(), StandardCharsets.UTF_8),
                    record.topic(), e.getMessage());
        }
    }

    /** Records of the followed topics still to read before the data of every followed model is whole. */
    public long recordsToRead() {
        return follower.recordsToCatchUp();
    }

    public DatasetStore store() {
        return store;
    }

    /** Stops following, and removes the store (it is read anew at the next start). */
    @Override
    public void close() throws InterruptedException {
        follower.close();
        byModel.values().forEach(ModelData::delete);
        store.close();
    }
}
