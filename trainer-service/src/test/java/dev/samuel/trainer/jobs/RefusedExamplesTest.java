package dev.samuel.trainer.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.registry.RegistryKey;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.serde.SamuelSerdes;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.TestClients;
import dev.samuel.testkit.WithKafka;
import dev.samuel.trainer.data.DatasetFollower;
import dev.samuel.trainer.data.DatasetStore;
import dev.samuel.trainer.metrics.TrainerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model whose examples the disk budget refused does not train on what is left: its job fails saying why. */
@WithKafka
class RefusedExamplesTest {

    static final ModelSpec SPEC = new ModelSpec("refused", Task.classification(2), Input.of(2),
            List.of(Layer.dense(2)), null, null, null, null, null, null);

    @TempDir
    Path stores;

    @Test
    void aJobOfAModelWhoseExamplesTheBudgetRefusedFailsNamingTheBudget(KafkaBroker broker) throws Exception {
        var topics = Topics.of(SPEC);
        broker.createTopic(topics.train().name(), 1);
        broker.createTopic(topics.test().name(), 1);
        try (var producer = TestClients.producer(broker.bootstrapServers(), new StringSerializer(),
                SamuelSerdes.labelled(Encoding.JSON).serializer())) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(i % 5 == 0 ? topics.test().name() : topics.train().name(), "e" + i,
                        LabelledExample.of(new float[] {i, -i}, i % 2)));
            }
        }
        var registry = new RegistryState();
        registry.apply(RegistryKey.spec(SPEC.name()), new SpecRecord(SPEC, 1, Instant.now()));
        // Room for 50 of the 100 examples: a row of 2 numbers, a class and a weight, with 3 lengths, is 28 bytes.
        try (var datasets = new DatasetFollower(broker.clientSettings(), "refused",
                DatasetStore.open(stores, "refused", 50 * 28), (model, reason) -> { }).start()) {
            datasets.follow(SPEC);
            assertThat(datasets.awaitRead(SPEC, Duration.ofSeconds(30))).isTrue();
            var summary = datasets.data(SPEC.name()).orElseThrow().summary();
            assertThat(summary.refusedByBudget()).isEqualTo(50);
            assertThat(summary.train() + summary.test()).isEqualTo(50);

            var job = new TrainingJob(registry, datasets, new RegistryClient(URI.create("http://127.0.0.1:9"), "t",
                    Backoff.DEFAULT, Duration.ofSeconds(1)), (spec, train, start, seed, listener) -> {
                        throw new AssertionError("trained on part of the data");
                    }, new TrainerMetrics(new SimpleMeterRegistry(), datasets), Clock.systemUTC());

            assertThatThrownBy(() -> job.run(JobRecord.requested("j", SPEC.name(), "manual", Instant.now(), null),
                    progress -> { }))
                    .hasMessageContaining("samuel.trainer.store-budget, 1400 bytes, 1400 used) refused 50 examples"
                            + " of refused, so a job would train on part of its data");
        }
    }
}
