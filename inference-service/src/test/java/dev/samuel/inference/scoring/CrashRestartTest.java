package dev.samuel.inference.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.support.ArtifactServer;
import dev.samuel.inference.support.Events;
import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Outputs;
import dev.samuel.inference.support.Registry;
import dev.samuel.inference.support.ServiceProcess;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.io.File;
import java.time.Duration;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service in a child JVM is killed (SIGKILL, no shutdown hook) while it scores a stream, twice, and restarted
 * with the same instance id: every event ends with exactly one committed prediction. Once with a transaction per
 * poll, once with transactions that span many polls (the kill lands in one with several polls scored).
 */
@WithKafka
class CrashRestartTest {

    static final int EVENTS = 60_000;

    @InjectKafkaBroker
    KafkaBroker broker;

    @ParameterizedTest(name = "commit interval {0}")
    @ValueSource(strings = {"PT0S", "PT0.4S"})
    void killedMidStreamAndRestartedEveryEventHasOnePrediction(Duration commitInterval) throws Exception {
        var model = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        broker.createTopic(topics.unlabelled().name(), 3);
        var log = new File("target/" + model + ".log");
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), 4)) {
            registry.spec(Registry.classifier(model, 4, 3));
            registry.version(model, 1, OnnxModels.favouring(4, 3, 0));
            registry.champion(model, 1);
            // About 10 s of events, so the kills land mid-stream.
            var producing = new Thread(() -> events.sendSlowly(EVENTS, Duration.ofMillis(150)));
            producing.start();
            for (int crash = 0; crash < 2; crash++) {
                var service = ServiceProcess.start(broker.bootstrapServers(), server.url(), model, commitInterval, log);
                awaitSomePredictions(topics.predictions().name(), (crash + 1) * EVENTS / 4);
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            producing.join();
            var last = ServiceProcess.start(broker.bootstrapServers(), server.url(), model, commitInterval, log);
            try {
                var predictions = Outputs.predictions(Outputs.all(broker.bootstrapServers(), topics.predictions().name(),
                        EVENTS, Duration.ofSeconds(120)));
                assertThat(predictions).hasSize(EVENTS);
                assertThat(new HashSet<>(predictions.stream().map(Prediction::id).toList())).hasSize(EVENTS);
            } finally {
                last.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void awaitSomePredictions(String topic, int count) {
        Outputs.all(broker.bootstrapServers(), topic, count, Duration.ofSeconds(90));
    }
}
