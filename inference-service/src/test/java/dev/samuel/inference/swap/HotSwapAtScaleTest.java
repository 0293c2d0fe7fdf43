package dev.samuel.inference.swap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.Label;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * 200,000 events while the champion is promoted five times (1 to 6) and rolled back once (6 to 5): every event
 * gets exactly one prediction, made by the version it names, the version per input partition only moves
 * forward except at the roll-back, and no valid event is rejected.
 */
@WithKafka
class HotSwapAtScaleTest {

    static final int EVENTS = 200_000;
    static final int FEATURES = 4;
    static final int CLASSES = 8;
    /** The champion after each segment of events: five promotions, then the roll-back. */
    static final int[] MOVES = {2, 3, 4, 5, 6, 5};

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void everyEventIsScoredOnceWhileTheChampionMoves() throws Exception {
        var model = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        broker.createTopic(topics.unlabelled().name(), 3);
        var metadata = new ArrayList<Future<RecordMetadata>>(EVENTS);
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), FEATURES)) {
            registry.spec(Registry.classifier(model, FEATURES, CLASSES));
            for (int version = 1; version <= 6; version++) {
                registry.version(model, version, OnnxModels.favouring(FEATURES, CLASSES, version - 1));
            }
            registry.champion(model, 1);
            try (var runtime = Service.start(broker.bootstrapServers(), server.url(), model)) {
                Service.awaitServed(runtime, model, 1);
                int segment = EVENTS / (MOVES.length + 1);
                for (int i = 0; i < EVENTS; i++) {
                    metadata.add(events.send(i));
                    int done = (i + 1) / segment;
                    if ((i + 1) % segment == 0 && done <= MOVES.length) {
                        events.flush();
                        // The segment is scored before the champion moves on: under load a version swapped in and
                        // out again before the loop's next poll would otherwise score nothing.
                        Outputs.all(broker.bootstrapServers(), topics.predictions().name(), i + 1, Duration.ofSeconds(120));
                        registry.champion(model, MOVES[done - 1]);
                        Service.awaitServed(runtime, model, MOVES[done - 1]);
                    }
                }
                events.flush();
                var records = Outputs.all(broker.bootstrapServers(), topics.predictions().name(), EVENTS,
                        Duration.ofSeconds(120));
                var predictions = Outputs.predictions(records);

                assertThat(predictions).hasSize(EVENTS);
                assertThat(new HashSet<>(predictions.stream().map(Prediction::id).toList())).hasSize(EVENTS);
                assertThat(predictions).allSatisfy(p -> assertThat(p.prediction()).isEqualTo(Label.of(p.version() - 1)));
                assertThat(predictions.stream().map(Prediction::version).distinct().sorted().toList())
                        .containsExactly(1, 2, 3, 4, 5, 6);
                assertVersionsOnlyMoveForwardButAtTheRollback(predictions, metadata);
                assertThat(Outputs.all(broker.bootstrapServers(), topics.rejected().name(), 0, Duration.ofSeconds(30)))
                        .isEmpty();
            }
        }
    }

    private static void assertVersionsOnlyMoveForwardButAtTheRollback(List<Prediction> predictions,
                                                                      List<Future<RecordMetadata>> metadata)
            throws Exception {
        var byPartition = new TreeMap<Integer, TreeMap<Long, Integer>>();
        for (var prediction : predictions) {
            var input = metadata.get(Events.index(prediction.id())).get();
            byPartition.computeIfAbsent(input.partition(), p -> new TreeMap<>()).put(input.offset(), prediction.version());
        }
        byPartition.forEach((partition, versions) -> {
            int previous = 0;
            var backwards = new ArrayList<String>();
            for (int version : versions.values()) {
                if (version < previous) {
                    backwards.add(previous + "->" + version);
                }
                previous = version;
            }
            assertThat(backwards).as("partition %d", partition).isIn(List.of(), List.of("6->5"));
        });
    }
}
