package dev.samuel.trainer.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.DatasetStore;
import dev.samuel.trainer.jobs.JobManager;
import dev.samuel.trainer.kafka.JobBoard;
import dev.samuel.trainer.kafka.KafkaJobLog;
import dev.samuel.trainer.kafka.ModelShare;
import dev.samuel.trainer.kafka.TrainerGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trainers sharing the models on a real broker: the group, the job board, the job managers and the hand-over, with
 * work that only says where it ran (the full trainer is run two at a time by the reliability suite). The broker is this
 * test's own: a trainer started by a Quarkus test of this module is in the same group on the shared broker.
 */
public class SharedModelsTest {

    @TempDir
    static Path stores;

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int PARTITIONS = 6;

    KafkaBroker broker;
    Map<String, Object> kafka;
    final List<Trainer> trainers = new ArrayList<>();
    /** "trainer:job id" for every run that started, in order. */
    final List<String> runs = new CopyOnWriteArrayList<>();
    /** Work blocks until this opens, unless interrupted. */
    final CountDownLatch finish = new CountDownLatch(1);

    /** One trainer's parts as the service wires them, minus training. */
    final class Trainer implements AutoCloseable {
        final String name;
        final KafkaJobLog log = new KafkaJobLog(kafka);
        final JobManager jobs;
        final OwnedModels owned;
        final JobBoard board;
        final DatasetFollower datasets;
        final TrainerGroup group;

        Trainer(String name, boolean isStatic) throws InterruptedException {
            this.name = name;
            jobs = new JobManager(name, log, (job, progress) -> {
                runs.add(name + ":" + job.id());
                if (!finish.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never finished");
                }
                return job.succeeded(1, null, Clock.systemUTC().instant());
            }, Clock.systemUTC());
            datasets = new DatasetFollower(kafka, name, DatasetStore.open(stores, name, Long.MAX_VALUE),
                    (model, reason) -> { }).start();
            owned = new OwnedModels(new RegistryState(), datasets, jobs, log, Clock.systemUTC());
            board = new JobBoard(kafka, name, owned::jobRead);
            owned.readFrom(board);
            board.start();
            assertThat(board.awaitCaughtUp(PATIENCE)).isTrue();
            jobs.start();
            group = new TrainerGroup(kafka, name, isStatic, owned).start();
        }

        @Override
        public void close() throws Exception {
            group.close();
            board.close();
            jobs.close();
            datasets.close();
            log.close();
        }
    }

    @BeforeEach
    void startBroker() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopic(Topics.JOBS.name(), PARTITIONS,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        kafka = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                // A trainer that leaves without a word loses its models this soon (Kafka's default is 45 s).
                "session.timeout.ms", 6000, "heartbeat.interval.ms", 1000));
    }

    @AfterEach
    void stop() throws Exception {
        finish.countDown();
        for (var trainer : trainers) {
            trainer.close();
        }
        broker.close();
    }

    Trainer trainer(String name) throws InterruptedException {
        return trainer(name, false);
    }

    Trainer trainer(String name, boolean isStatic) throws InterruptedException {
        var trainer = new Trainer(name, isStatic);
        trainers.add(trainer);
        return trainer;
    }

    @Test
    void aStartingTrainerTakesOverTheLogAndFollowsNewRequests() throws Exception {
        var now = Clock.systemUTC().instant();
        try (var log = new KafkaJobLog(kafka)) {
            var crashed = JobRecord.requested("crashed", "jobs-a", "rest", now);
            log.publish(crashed);
            log.publish(crashed.running(null, Map.of(), now));
            log.publish(JobRecord.requested("done", "jobs-b", "rest", now).succeeded(3, null, now));
        }
        sendMalformed("{\"id\": \"half a job\"");
        finish.countDown();

        var alone = trainer("alone");
        await(() -> alone.owned.share().partitions().size() == PARTITIONS);
        awaitStatus(alone, "crashed", JobStatus.FAILED);
        // A malformed record must not end the board: the request after it is still picked up.
        sendMalformed("not a job at all");
        try (var log = new KafkaJobLog(kafka)) {
            log.publish(JobRecord.requested("from-cli", "jobs-c", "topic", now));
        }

        awaitStatus(alone, "from-cli", JobStatus.SUCCEEDED);
        var restart = alone.owned.jobs("jobs-a").get(1);
        assertThat(restart.trigger()).isEqualTo("restart");
        awaitStatus(alone, restart.id(), JobStatus.SUCCEEDED);
        assertThat(alone.board.status().skipped()).isEqualTo(2);
        assertThat(alone.owned.job("done").orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(runs).containsExactlyInAnyOrder("alone:" + restart.id(), "alone:from-cli");
    }

    @Test
    void twoTrainersRunTheJobsOfTheirOwnModelsOnceEachAtTheSameTime() throws Exception {
        var a = trainer("a");
        var b = trainer("b");
        await(() -> a.owned.share().partitions().size() + b.owned.share().partitions().size() == PARTITIONS
                && !a.owned.share().partitions().isEmpty() && !b.owned.share().partitions().isEmpty());
        var ofA = models(a.owned.share(), "a", 2);
        var ofB = models(b.owned.share(), "b", 2);

        // Every request goes to trainer a, as a load balancer might send them: b's models reach b through the log.
        var requested = new HashMap<String, String>();
        for (var model : concat(ofA, ofB)) {
            requested.put(model, a.owned.request(model, "rest", null).id());
        }
        // One job at a time per trainer: one of each trainer's models runs, the other waits, and both trainers run.
        await(() -> runs.size() == 2);
        assertThat(runs).anyMatch(run -> run.startsWith("a:")).anyMatch(run -> run.startsWith("b:"));
        // A request reaching trainer a for b's model whose job waits is joined to that job by b, the owner.
        var waitingOfB = ofB.stream().filter(model -> !runs.contains("b:" + requested.get(model))).findFirst()
                .orElseThrow();
        var late = a.owned.request(waitingOfB, "rest", null);
        await(() -> a.owned.job(late.id()).map(JobRecord::status).orElse(null) == JobStatus.JOINED);
        assertThat(a.owned.job(late.id()).orElseThrow().joinedTo()).contains(requested.get(waitingOfB));
        finish.countDown();

        for (var model : concat(ofA, ofB)) {
            var trainer = ofA.contains(model) ? a : b;
            awaitStatus(trainer, requested.get(model), JobStatus.SUCCEEDED);
            var done = trainer.owned.job(requested.get(model)).orElseThrow();
            assertThat(done.lineage()).containsEntry(JobManager.TRAINER, trainer.name);
        }
        assertThat(runs).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void aJobOfATrainerThatLeavesIsFailedAndRunAgainByTheTrainerTakingItsModel() throws Exception {
        var a = trainer("a");
        await(() -> a.owned.share().partitions().size() == PARTITIONS);
        var model = models(a.owned.share(), "moving", 1).get(0);
        var job = a.owned.request(model, "rest", null);
        await(() -> runs.contains("a:" + job.id()));
        var b = trainer("b");
        await(() -> a.owned.share().partitions().size() < PARTITIONS && !b.owned.share().partitions().isEmpty());

        // Trainer a leaves; its job stops mid-run and its models go to b.
        trainers.remove(a);
        a.close();

        awaitStatus(b, job.id(), JobStatus.FAILED);
        assertThat(b.owned.job(job.id()).orElseThrow().message()).contains("interrupted");
        await(() -> b.owned.jobs(model).size() == 2);
        var again = b.owned.jobs(model).get(1);
        assertThat(again.trigger()).isEqualTo("restart");
        finish.countDown();
        awaitStatus(b, again.id(), JobStatus.SUCCEEDED);
        assertThat(b.owned.job(again.id()).orElseThrow().lineage()).containsEntry(JobManager.TRAINER, "b");
        assertThat(runs).containsExactly("a:" + job.id(), "b:" + again.id());
    }

    @Test
    void aTrainerBackUnderItsOwnNameTakesItsModelsBackAtOnceNotAfterTheSessionTimeout() throws Exception {
        kafka.put("session.timeout.ms", 45_000);
        // The member a trainer named "steady" was before it crashed: it holds every partition and never leaves.
        var crashed = new HashMap<>(kafka);
        crashed.putAll(Map.of("group.id", TrainerGroup.GROUP, "group.instance.id", "samuel-trainer-steady",
                "partition.assignment.strategy", CooperativeStickyAssignor.class.getName()));
        var before = new KafkaConsumer<>(crashed, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        before.subscribe(List.of(Topics.JOBS.name()));
        await(() -> {
            before.poll(Duration.ofMillis(100));
            return before.assignment().size() == PARTITIONS;
        });

        long restarted = System.nanoTime();
        var steady = trainer("steady", true);
        await(() -> steady.owned.share().partitions().size() == PARTITIONS);

        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(20));
        before.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
    }

    /** Model names whose home partition is in the share. */
    public static List<String> models(ModelShare share, String prefix, int count) {
        var found = new ArrayList<String>();
        for (int i = 0; found.size() < count; i++) {
            if (share.includes(prefix + "-" + i)) {
                found.add(prefix + "-" + i);
            }
        }
        return found;
    }

    static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    void sendMalformed(String value) throws Exception {
        try (var producer = broker.producer()) {
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), "malformed", value)).get();
        }
    }

    static void awaitStatus(Trainer trainer, String id, JobStatus status) throws InterruptedException {
        await(() -> trainer.owned.job(id).map(JobRecord::status).orElse(null) == status);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
