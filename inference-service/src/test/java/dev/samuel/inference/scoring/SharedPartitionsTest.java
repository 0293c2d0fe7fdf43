package dev.samuel.inference.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.topic.Topics;
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
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A second instance joins the scoring group while the first scores a stream in transactions that span several polls:
 * the rebalance takes partitions from the first mid-transaction, which commits what it scored before letting them go,
 * and every event ends with exactly one prediction, scored by whichever instance held its partition.
 */
@WithKafka
class SharedPartitionsTest {

    static final int EVENTS = 40_000;

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void aJoiningInstanceTakesPartitionsAndNothingIsScoredTwice() throws Exception {
        var model = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        var group = "group-" + model;
        var topics = Topics.of(model);
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        broker.createTopic(topics.unlabelled().name(), 4);
        var interval = Duration.ofMillis(400);
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), 4);
             var first = Service.start(broker.bootstrapServers(), server.url(), model + "-a", group, interval)) {
            registry.spec(Registry.classifier(model, 4, 3));
            registry.version(model, 1, OnnxModels.favouring(4, 3, 0));
            registry.champion(model, 1);
            Service.awaitServed(first, model, 1);
            // About 8 s of events, so the second instance joins mid-stream.
            var producing = new Thread(() -> events.sendSlowly(EVENTS, Duration.ofMillis(200)));
            producing.start();
            Outputs.all(broker.bootstrapServers(), topics.predictions().name(), EVENTS / 4, Duration.ofSeconds(60));
            try (var second = Service.start(broker.bootstrapServers(), server.url(), model + "-b", group, interval)) {
                Service.awaitServed(second, model, 1);
                producing.join();
                var predictions = Outputs.predictions(Outputs.all(broker.bootstrapServers(),
                        topics.predictions().name(), EVENTS, Duration.ofSeconds(120)));

                assertThat(predictions).hasSize(EVENTS);
                assertThat(new HashSet<>(predictions.stream().map(Prediction::id).toList())).hasSize(EVENTS);
                assertThat(Service.assignedMembers(broker.bootstrapServers(), group)).as("members of %s holding partitions", group)
                        .isEqualTo(2);
            }
        }
    }
}
