package dev.samuel.inference.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.JsonReader;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.monitoring.PerformanceRecord;
import dev.samuel.contracts.topic.TopicRole;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.support.ArtifactServer;
import dev.samuel.inference.support.Events;
import dev.samuel.inference.support.GroupProgress;
import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Outputs;
import dev.samuel.inference.support.Registry;
import dev.samuel.inference.support.ServiceProcess;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Delayed labels joined to the predictions made for them across a crash of the joining service (a child JVM killed
 * with SIGKILL and restarted): every label is judged exactly once, against the right prediction, and a label whose
 * event was never scored is judged by the champion. The realised accuracy on the performance topic is the one the
 * test computes from the prediction topic and the labels it sent.
 */
@WithKafka
class JudgeCrashTest {

    static final int EVENTS = 3000;
    static final int LABEL_ONLY = 500;
    static final int CLASSES = 3;

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void everyLabelIsJudgedOnceAcrossACrash() throws Exception {
        var model = "judged-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        broker.createTopic(topics.unlabelled().name(), 3);
        broker.createTopic(topics.train().name(), 3);
        broker.createTopic(topics.test().name(), 3);
        var log = new File("target/" + model + ".log");
        var instance = model + "-instance";
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), 4)) {
            registry.spec(Registry.classifier(model, 4, CLASSES));
            registry.version(model, 1, OnnxModels.favouring(4, CLASSES, 0));
            registry.champion(model, 1);
            var service = ServiceProcess.start(broker.bootstrapServers(), server.url(), instance, log);
            for (int i = 0; i < EVENTS; i++) {
                events.send(i);
            }
            events.flush();
            var predictions = Outputs.predictions(Outputs.all(broker.bootstrapServers(), topics.predictions().name(),
                    EVENTS, Duration.ofSeconds(90))).stream().collect(Collectors.toMap(Prediction::id, p -> p));
            // Every prediction taken in by the judge before the first label is sent: the judge takes the predictions topic
            // in only once its pattern subscription finds it, and a label that came first would rightly be judged by
            // the champion (prequential), against this test's bookkeeping.
            GroupProgress.awaitConsumed(broker.bootstrapServers(), "group-" + instance + "-judge",
                    topics.predictions().name(), TopicRole.PREDICTIONS.settings().partitions(), Duration.ofSeconds(90));

            var labels = new HashMap<String, Integer>();
            var sending = new Thread(() -> sendLabels(topics.train().name(), topics.test().name(), labels));
            sending.start();
            Outputs.all(broker.bootstrapServers(), topics.performance().name(), EVENTS / 3, Duration.ofSeconds(90));
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            synchronized (labels) {
                assertThat(labels).as("labels sent when the service was killed").hasSizeLessThan(EVENTS + LABEL_ONLY);
            }
            sending.join();
            var restarted = ServiceProcess.start(broker.bootstrapServers(), server.url(), instance, log);
            try {
                var results = Outputs.all(broker.bootstrapServers(), topics.performance().name(), EVENTS + LABEL_ONLY,
                        Duration.ofSeconds(120)).stream().map(r -> read(r.value())).toList();

                assertThat(results).hasSize(EVENTS + LABEL_ONLY);
                var byId = results.stream().collect(Collectors.toMap(PerformanceRecord::id, r -> r));
                assertThat(byId).hasSize(EVENTS + LABEL_ONLY);
                for (var entry : labels.entrySet()) {
                    var result = byId.get(entry.getKey());
                    var prediction = predictions.get(entry.getKey());
                    assertThat(result.prequential()).as(entry.getKey()).isEqualTo(prediction == null);
                    assertThat(result.version()).isEqualTo(1);
                    // The champion favours class 0 whatever the features, for scored events and labels alike.
                    assertThat(result.correct()).as(entry.getKey()).isEqualTo(entry.getValue() == 0);
                    if (prediction != null) {
                        assertThat(result.loss()).isCloseTo(-Math.log(prediction.scores()[entry.getValue()]),
                                org.assertj.core.data.Offset.offset(1e-6));
                        assertThat(result.labelDelayMs()).isNotNull().isGreaterThanOrEqualTo(0);
                    }
                }
                long correct = results.stream().filter(PerformanceRecord::correct).count();
                long expected = labels.values().stream().filter(label -> label == 0).count();
                assertThat(correct).isEqualTo(expected);
            } finally {
                restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Labels of every scored event, then of events never sent, slowly enough for the crash to land among them. */
    private void sendLabels(String train, String test, Map<String, Integer> labels) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS + LABEL_ONLY; i++) {
                String id = i < EVENTS ? new String(Events.key(i), StandardCharsets.UTF_8) : "label-only-" + i;
                int label = (i * 7) % CLASSES;
                synchronized (labels) {
                    labels.put(id, label);
                }
                var example = JsonWriter.write(LabelledExample.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, label));
                producer.send(new ProducerRecord<>(i % 5 == 0 ? test : train, id.getBytes(StandardCharsets.UTF_8),
                        example));
                if (i % 100 == 99) {
                    producer.flush();
                    sleep(200);
                }
            }
        }
    }

    private static PerformanceRecord read(byte[] json) {
        try {
            return Json.MAPPER.readValue(json, PerformanceRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
