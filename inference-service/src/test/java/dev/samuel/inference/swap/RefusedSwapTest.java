package dev.samuel.inference.swap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.metrics.MetricNames;
import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.app.InferenceRuntime;
import dev.samuel.inference.support.ArtifactServer;
import dev.samuel.inference.support.Events;
import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Outputs;
import dev.samuel.inference.support.Registry;
import dev.samuel.inference.support.Service;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A corrupt artifact, an artifact whose checksum does not match its version record, and a model with the wrong
 * input shape are each refused while version 1 keeps serving; then a good version (logits, no softmax in the
 * graph) is served, with softmax applied to its outputs.
 */
@WithKafka
class RefusedSwapTest {

    static final int FEATURES = 4;
    static final int CLASSES = 5;

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void badVersionsAreRefusedWhileTheOldOneKeepsServing() throws Exception {
        var model = "refuse-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        broker.createTopic(topics.unlabelled().name(), 2);
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), FEATURES)) {
            registry.spec(Registry.classifier(model, FEATURES, CLASSES));
            registry.version(model, 1, OnnxModels.favouring(FEATURES, CLASSES, 0));
            registry.champion(model, 1);
            var corrupt = new byte[2048];
            new Random(3).nextBytes(corrupt);
            registry.version(model, 2, corrupt);
            registry.version(model, 3, OnnxModels.favouring(FEATURES, CLASSES, 2), OnnxModels.favouring(FEATURES, CLASSES, 3));
            registry.version(model, 4, OnnxModels.favouring(FEATURES + 1, CLASSES, 3));
            registry.version(model, 5, OnnxModels.favouringLogits(FEATURES, CLASSES, 4));
            try (var runtime = Service.start(broker.bootstrapServers(), server.url(), model)) {
                Service.awaitServed(runtime, model, 1);
                int sent = 0;
                for (int bad = 2; bad <= 4; bad++) {
                    registry.champion(model, bad);
                    Service.awaitRefused(runtime, model, bad);
                    assertThat(runtime.champions().servedVersion(model)).isEqualTo(1);
                    sent = sendAndCheck(events, topics, sent, 100, 1);
                }
                assertThat(failures(runtime, "corrupt")).isEqualTo(1);
                assertThat(failures(runtime, "checksum")).isEqualTo(1);
                assertThat(failures(runtime, "shape")).isEqualTo(1);
                assertThat(runtime.status().refusals().get(model).message()).contains("features");

                registry.champion(model, 5);
                Service.awaitServed(runtime, model, 5);
                assertThat(runtime.status().refusals()).doesNotContainKey(model);
                sendAndCheck(events, topics, sent, 100, 5);
            }
        }
    }

    /** Sends {@code count} more events and checks that all of them were scored by {@code version}. */
    private int sendAndCheck(Events events, ModelTopics topics, int sent, int count, int version) {
        for (int i = sent; i < sent + count; i++) {
            events.send(i);
        }
        events.flush();
        var predictions = Outputs.predictions(Outputs.all(broker.bootstrapServers(), topics.predictions().name(),
                sent + count, Duration.ofSeconds(30)));
        assertThat(predictions).hasSize(sent + count);
        var latest = predictions.stream().filter(p -> Events.index(p.id()) >= sent).toList();
        assertThat(latest).hasSize(count).allSatisfy(p -> {
            assertThat(p.version()).isEqualTo(version);
            assertThat(p.prediction()).isEqualTo(Label.of(version - 1));
            double sum = 0;
            for (float score : p.scores()) {
                sum += score;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        return sent + count;
    }

    private static double failures(InferenceRuntime runtime, String reason) {
        var counter = runtime.metrics().registry().find(MetricNames.INFERENCE_LOAD_FAILURES)
                .tag(MetricNames.REASON, reason).counter();
        return counter == null ? 0 : counter.count();
    }

}
