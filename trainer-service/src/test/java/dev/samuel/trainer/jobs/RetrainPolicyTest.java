package dev.samuel.trainer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.job.JobRecord;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@WithKafka
class RetrainPolicyTest {

    static final ModelSpec SPEC = new ModelSpec("retrain", Task.classification(2), Input.of(1),
            List.of(Layer.dense(2)), null, null, null, new Training(null, null, null, 5L), null, null);

    @Test
    void asksForAJobEveryNNewTrainingExamples(KafkaBroker broker) throws Exception {
        var train = Topics.of(SPEC).train().name();
        broker.createTopic(train, 1);
        broker.createTopic(Topics.of(SPEC).test().name(), 1);
        var datasets = new DatasetFollower(new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "allow.auto.create.topics", false), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                () -> List.of(SPEC), 1000);
        var published = new CopyOnWriteArrayList<JobRecord>();
        // Each job finishes at once with the offsets its data reached, as a training job records them.
        JobWork work = (job, progress) -> job.running(null, datasets.data(SPEC.name()).orElseThrow().snapshot().lineage(),
                Clock.systemUTC().instant()).succeeded(1, null, Clock.systemUTC().instant());
        var thread = new Thread(datasets);
        thread.start();
        try (var jobs = new JobManager(published::add, work, Clock.systemUTC())) {
            jobs.start();
            var policy = new RetrainPolicy(() -> List.of(SPEC), datasets, jobs);

            produce(broker, train, 4);
            awaitReadUpTo(datasets, train, 4);
            policy.run();
            assertThat(published).isEmpty();

            produce(broker, train, 1);
            awaitReadUpTo(datasets, train, 5);
            policy.run();
            awaitSucceeded(published, 1);
            policy.run();
            Thread.sleep(200);
            assertThat(published.stream().filter(j -> j.status() == dev.samuel.contracts.job.JobStatus.REQUESTED))
                    .hasSize(1);

            produce(broker, train, 5);
            awaitReadUpTo(datasets, train, 10);
            policy.run();
            awaitSucceeded(published, 2);
            assertThat(published.get(0).trigger()).isEqualTo(RetrainPolicy.TRIGGER);
        } finally {
            datasets.stop();
            thread.join(10_000);
        }
    }

    private static void produce(KafkaBroker broker, String topic, int count) throws Exception {
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), SamuelSerdes.labelled(Encoding.JSON).serializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + System.nanoTime(), LabelledExample.of(new float[] {i}, 0)))
                        .get();
            }
        }
    }

    private static void awaitReadUpTo(DatasetFollower datasets, String topic, long offset) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (datasets.data(SPEC.name()).map(d -> d.readUpTo(topic)).orElse(0L) < offset) {
            assertThat(System.nanoTime()).as("read up to " + offset).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitSucceeded(List<JobRecord> published, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (published.stream().filter(j -> j.status() == dev.samuel.contracts.job.JobStatus.SUCCEEDED).count() < count) {
            assertThat(System.nanoTime()).as(count + " jobs succeeded").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
