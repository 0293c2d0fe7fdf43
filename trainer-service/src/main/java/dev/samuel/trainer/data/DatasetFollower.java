package dev.samuel.trainer.data;

import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.ExampleResolver;
import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every model's train and test topics from the beginning into {@link ModelData}, and keeps following
 * them. No consumer group: the data is rebuilt from the (compacted) topics at every start, so there is no
 * offset to commit. Models are added as their specs appear.
 */
public final class DatasetFollower implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetFollower.class);

    private final Consumer<byte[], byte[]> consumer;
    private final Supplier<List<ModelSpec>> specs;
    private final int capacity;
    private final Map<String, ModelData> byModel = new ConcurrentHashMap<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Set<String> assignedTopics = new HashSet<>();
    private long nextLook;
    private volatile boolean running = true;

    private static final Duration RETRY_MISSING = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);

    private record Route(ModelSpec spec, boolean isTest) {
    }

    public DatasetFollower(Consumer<byte[], byte[]> consumer, Supplier<List<ModelSpec>> specs, int capacity) {
        this.consumer = consumer;
        this.specs = specs;
        this.capacity = capacity;
    }

    public Optional<ModelData> data(String model) {
        return Optional.ofNullable(byModel.get(model));
    }

    @Override
    public void run() {
        try {
            while (running) {
                assignNewModels();
                if (consumer.assignment().isEmpty()) {
                    // A consumer without partitions refuses to poll: wait for a model's topics to appear.
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (var record : consumer.poll(POLL)) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the poll: leave the loop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /**
     * Starts reading, from their beginning, the topics of models whose spec appeared, and topics that did not
     * exist yet at the last look (ingest creates them with the first example). Missing topics are looked for
     * again every {@link #RETRY_MISSING} at most, since each look is a metadata round trip.
     */
    private void assignNewModels() {
        if (System.nanoTime() < nextLook) {
            return;
        }
        nextLook = System.nanoTime() + RETRY_MISSING.toNanos();
        var added = new ArrayList<TopicPartition>();
        for (var spec : specs.get()) {
            byModel.computeIfAbsent(spec.name(), name -> new ModelData(capacity));
            var topics = Topics.of(spec);
            routes.put(topics.train().name(), new Route(spec, false));
            routes.put(topics.test().name(), new Route(spec, true));
            for (var topic : List.of(topics.train().name(), topics.test().name())) {
                if (!assignedTopics.contains(topic)) {
                    var partitions = partitions(topic);
                    if (!partitions.isEmpty()) {
                        added.addAll(partitions);
                        assignedTopics.add(topic);
                    }
                }
            }
        }
        if (!added.isEmpty()) {
            Set<TopicPartition> assignment = new HashSet<>(consumer.assignment());
            assignment.addAll(added);
            consumer.assign(assignment);
            consumer.seekToBeginning(added);
        }
    }

    private List<TopicPartition> partitions(String topic) {
        var partitions = new ArrayList<TopicPartition>();
        var infos = consumer.partitionsFor(topic);
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        var route = routes.get(record.topic());
        var data = route == null ? null : byModel.get(route.spec().name());
        if (data == null) {
            return;
        }
        var id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            data.remove(route.isTest(), id);
        } else {
            try {
                var example = Codec.readLabelled(record.value(), record.headers());
                data.put(route.isTest(), id, ExampleResolver.resolve(route.spec(), example));
            } catch (InvalidRecordException e) {
                // Ingest validated it against an earlier spec; under the current one it cannot be trained on.
                LOG.debug("Skipping example {} of {}: {}", id, record.topic(), e.getMessage());
            }
        }
        data.advance(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }
}
