package dev.samuel.trainer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.spec.Training;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.DatasetStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The retrain policies on a real train topic, with jobs that finish at once; {@link PolicyRun} serves the first-job rule's test too. */
@WithKafka
class RetrainPolicyTest {

    @Test
    void asksForAJobEveryNNewTrainingExamples(KafkaBroker broker) throws Exception {
        var spec = spec("retrain", new Training(null, null, null, 5L));
        try (var run = new PolicyRun(broker, spec, Clock.systemUTC(), true)) {
            run.produce(4);
            run.check();
            assertThat(run.published).isEmpty();

            run.produce(1);
            run.check();
            run.awaitSucceeded(1);
            run.check();
            Thread.sleep(200);
            assertThat(run.published.stream().filter(j -> j.status() == JobStatus.REQUESTED)).hasSize(1);

            run.produce(5);
            run.check();
            run.awaitSucceeded(2);
            assertThat(run.published.get(0).trigger()).isEqualTo(RetrainPolicy.TRIGGER);
        }
    }

    @Test
    void asksForAJobOncePerIntervalAndOnlyWhenNewExamplesArrived(KafkaBroker broker) throws Exception {
        var spec = spec("scheduled", new Training(null, null, null, null, null, Duration.ofHours(1)));
        var clock = new SteppedClock(Instant.parse("2026-11-27T00:00:00Z"));
        try (var run = new PolicyRun(broker, spec, clock, true)) {
            run.check();
            assertThat(run.published).as("no data, no job").isEmpty();

            run.produce(1);
            run.check();
            run.awaitSucceeded(1);
            assertThat(run.published.get(0).trigger()).isEqualTo(RetrainPolicy.SCHEDULE_TRIGGER);

            clock.advance(Duration.ofMinutes(30));
            run.produce(1);
            run.check();
            Thread.sleep(200);
            assertThat(run.requested()).as("a new example, within the interval").isEqualTo(1);

            clock.advance(Duration.ofMinutes(40));
            run.check();
            run.awaitSucceeded(2);

            clock.advance(Duration.ofHours(2));
            run.check();
            Thread.sleep(200);
            assertThat(run.requested()).as("an interval passed, but no new example").isEqualTo(2);
        }
    }

    @Test
    void aFailedJobIsRetriedWhenNNewExamplesArriveNotAtEveryCheck(KafkaBroker broker) throws Exception {
        var spec = spec("failing", new Training(null, null, null, 5L));
        try (var run = new PolicyRun(broker, spec, Clock.systemUTC(), false)) {
            run.produce(5);
            run.check();
            run.await(1, JobStatus.FAILED);
            run.check();
            Thread.sleep(200);
            assertThat(run.requested()).as("no example since the failed job's data").isEqualTo(1);

            run.produce(5);
            run.check();
            run.await(2, JobStatus.FAILED);
        }
    }

    static ModelSpec spec(String name, Training training) {
        return new ModelSpec(name, Task.classification(2), Input.of(1), List.of(Layer.dense(2)), null, null, null,
                training, null, null);
    }

    /** A clock that moves only when told to. */
    static final class SteppedClock extends Clock {

        private volatile Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** A dataset follower, a job manager whose jobs finish at once, and the policy, on one model's topics. */
    static final class PolicyRun implements AutoCloseable {

        final List<JobRecord> published = new CopyOnWriteArrayList<>();
        private final KafkaBroker broker;
        private final ModelSpec spec;
        private final String train;
        private final DatasetFollower datasets;
        private final JobManager jobs;
        private final RetrainPolicy policy;
        private final FirstJobPolicy firstJobs;
        /** The models that have a champion, as the registry would say. */
        final java.util.Set<String> champions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private long produced;

        /** {@code succeeding}: whether each job succeeds, or fails after reading its data. */
        PolicyRun(KafkaBroker broker, ModelSpec spec, Clock clock, boolean succeeding) {
            this.broker = broker;
            this.spec = spec;
            this.train = Topics.of(spec).train().name();
            broker.createTopic(train, 1);
            broker.createTopic(Topics.of(spec).test().name(), 1);
            datasets = new DatasetFollower(broker.clientSettings(), "retrain",
                    DatasetStore.open(Path.of(System.getProperty("java.io.tmpdir"), "samuel-policy-tests"), "retrain",
                            Long.MAX_VALUE), (model, reason) -> { });
            datasets.follow(spec);
            // Each job finishes at once with the offsets its data reached, as a training job records them.
            JobWork work = (job, progress) -> {
                var running = job.running(null, datasets.data(spec.name()).orElseThrow().snapshot().lineage(),
                        clock.instant());
                if (succeeding) {
                    return running.succeeded(1, null, clock.instant());
                }
                // As a training job fails: after it has published what data it read.
                progress.accept(running);
                throw new IllegalStateException("the test says so");
            };
            datasets.start();
            jobs = new JobManager("trainer-a", published::add, work, clock);
            jobs.start();
            policy = new RetrainPolicy(() -> List.of(spec), datasets, jobs, clock);
            firstJobs = new FirstJobPolicy(() -> List.of(spec), datasets, jobs, champions::contains);
        }

        /** Sends examples and waits until the follower has read them. */
        void produce(int count) throws Exception {
            try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                    new StringSerializer(), SamuelSerdes.labelled(Encoding.JSON).serializer())) {
                for (int i = 0; i < count; i++) {
                    producer.send(new ProducerRecord<>(train, "k" + System.nanoTime(),
                            LabelledExample.of(new float[] {i}, 0))).get();
                }
            }
            produced += count;
            await("read up to " + produced,
                    () -> datasets.data(spec.name()).map(d -> d.readUpTo(train)).orElse(0L) >= produced);
        }

        void check() {
            policy.run();
        }

        void checkFirstJob() {
            firstJobs.run();
        }

        long requested() {
            return published.stream().filter(j -> j.status() == JobStatus.REQUESTED).count();
        }

        void awaitSucceeded(int count) throws InterruptedException {
            await(count, JobStatus.SUCCEEDED);
        }

        void await(int count, JobStatus status) throws InterruptedException {
            await(count + " jobs " + status, () -> published.stream().filter(j -> j.status() == status).count() >= count);
        }

        private static void await(String what, java.util.function.BooleanSupplier condition)
                throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as(what).isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            jobs.close();
            datasets.close();
        }
    }
}
