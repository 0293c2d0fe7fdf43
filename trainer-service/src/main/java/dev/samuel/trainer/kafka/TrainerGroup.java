package dev.samuel.trainer.kafka;

import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.FollowerStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainers as one consumer group on {@code samuel.jobs}, used for its assignment alone: a model belongs to the
 * trainer holding the partition its name hashes to ({@link ModelShare#home}), so Kafka's group protocol spreads the models,
 * moves them when a trainer joins or leaves, and gives a dead trainer's models away after its session timeout. The
 * group reads no record (its partitions are paused; the {@link JobBoard} reads the topic) and commits nothing.
 *
 * <p>The cooperative assignor moves only the partitions that change hands: a trainer joining does not stop the
 * jobs of models that stay where they are. A partition is given up before its new owner gets it, so the new owner,
 * reading the topic up to the ends it has then, sees everything the old one wrote.
 */
public final class TrainerGroup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerGroup.class);
    public static final String GROUP = "samuel-trainer";

    /** What a trainer does as models come and go. Called on the group's thread, inside its rebalance. */
    public interface Listener {

        /** The models are this trainer's now; {@code ends}: where every partition of the topic ends, at this moment. */
        void gained(ModelShare models, Map<TopicPartition, Long> ends) throws InterruptedException;

        /** The models are this trainer's no longer: another takes them over once this returns. */
        void lost(ModelShare models) throws InterruptedException;
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Throwable failure;

    /**
     * @param instance names this trainer's member in broker logs and client metrics
     * @param isStatic the instance name outlives restarts: it is the member's static id, so a restarted trainer
     *                 takes its partitions back at once instead of after the session timeout
     */
    public TrainerGroup(Map<String, Object> kafka, String instance, boolean isStatic, Listener listener) {
        var config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "samuel-trainer-group-" + instance);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        if (isStatic) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "samuel-trainer-" + instance);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.listener = listener;
        this.thread = new Thread(this::run, "samuel-trainer-group-" + instance);
        this.thread.setDaemon(true);
    }

    public TrainerGroup start() {
        thread.start();
        return this;
    }

    /** Whether it is still a member, polling (it keeps its models and takes new ones), as the health check shows it. */
    public FollowerStatus status() {
        boolean member = thread.isAlive() && failure == null && !closing;
        return new FollowerStatus(GROUP, member, member, 0, failure == null ? null : failure.toString());
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.JOBS.name()), new Rebalance());
            while (!closing) {
                // Nothing to read (all paused): polling keeps the membership and runs the rebalances.
                consumer.poll(Duration.ofSeconds(1));
            }
        } catch (WakeupException | InterruptException e) {
            // close() woke it up.
        } catch (Throwable e) {
            failure = e;
            LOG.error("The trainer left group {}: it owns no model any more", GROUP, e);
        } finally {
            // A static member would keep its partitions until its session ends: a trainer that stops hands them over now.
            consumer.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(5)));
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            consumer.pause(partitions);
            var all = consumer.partitionsFor(Topics.JOBS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            var gained = new ModelShare(numbers(partitions), all.size());
            LOG.info("This trainer takes over the models of {} partition(s) {}", Topics.JOBS.name(), gained.partitions());
            call(() -> listener.gained(gained, consumer.endOffsets(all)));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            var given = new ModelShare(numbers(partitions), consumer.partitionsFor(Topics.JOBS.name()).size());
            LOG.info("This trainer hands over the models of {} partition(s) {}", Topics.JOBS.name(), given.partitions());
            call(() -> listener.lost(given));
        }

        private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
        }

        private void call(Step step) {
            try {
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws InterruptedException;
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        if (thread.isAlive()) {
            thread.join(30_000);
        } else if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
