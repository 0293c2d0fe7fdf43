package dev.samuel.inference.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.metrics.MetricNames;
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
import dev.samuel.testkit.fuzz.MalformedRecords;
import dev.samuel.testkit.fuzz.MalformedRecords.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Seven thousand malformed unlabelled events from testkit's seeded {@link MalformedRecords}, interleaved with about
 * three thousand valid ones, on the embedded broker while a model is served by the real runtime (exactly-once
 * loop, ONNX Runtime). Every malformed event must be exactly one dead letter with the generator's reason, every valid
 * one exactly one prediction, in order, and the loop must still be running. The seed is random per run and printed;
 * {@code -Dsamuel.fuzz.seed=<seed>} replays a failure.
 */
@WithKafka
class InferenceFuzzTest {

    static final int MALFORMED = 7_000;
    static final int FEATURES = 3;
    /** Deep nesting and huge strings are up to 600 KB each: 2 % of them (about 140) keeps the broker traffic small. */
    static final double HEAVY_SHARE = 0.02;

    @InjectKafkaBroker
    KafkaBroker broker;

    final long seed = Long.getLong("samuel.fuzz.seed", System.nanoTime());

    @Test
    void malformedEventsAreDeadLetteredAndEveryValidOneIsScoredOnce() throws Exception {
        var model = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        broker.createTopic(topics.unlabelled().name(), 1);
        var random = new Random(seed);
        var generator = MalformedRecords.unlabelled(seed, FEATURES).heavyShare(HEAVY_SHARE);
        var malformed = new ArrayList<Sample>();
        var valid = new ArrayList<String>();
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), FEATURES);
             var runtime = Service.start(broker.bootstrapServers(), server.url(), model)) {
            registry.spec(Registry.classifier(model, FEATURES, 2));
            registry.version(model, 1, OnnxModels.favouring(FEATURES, 2, 1));
            registry.champion(model, 1);
            Service.awaitServed(runtime, model, 1);

            long started = System.nanoTime();
            for (int i = 0; i < MALFORMED; i++) {
                var sample = generator.malformed();
                malformed.add(sample);
                events.sendRaw(utf8("m-" + i), sample.value(), sample.headers());
                // About three valid events per seven malformed ones, sometimes several in a row.
                while (random.nextInt(10) < 3) {
                    sendValid(events, generator, valid);
                }
            }
            // The last event comes after every malformed one: its prediction shows the loop survived them all.
            sendValid(events, generator, valid);
            events.flush();

            var predictions = Outputs.predictions(Outputs.all(broker.bootstrapServers(), topics.predictions().name(),
                    valid.size(), Duration.ofSeconds(60)));
            assertThat(predictions).as(context()).extracting(Prediction::id).containsExactlyElementsOf(valid);
            assertThat(predictions).as(context()).allSatisfy(p -> assertThat(p.version()).isEqualTo(1));
            var dead = Outputs.all(broker.bootstrapServers(), topics.rejected().name(), MALFORMED, Duration.ofSeconds(60));
            long elapsed = (System.nanoTime() - started) / 1_000_000;

            assertThat(dead).as(context()).hasSize(MALFORMED);
            var reasons = new TreeMap<String, Integer>();
            for (int i = 0; i < MALFORMED; i++) {
                assertDeadLetter(i, dead.get(i), malformed.get(i), topics.unlabelled().name());
                reasons.merge(malformed.get(i).reason(), 1, Integer::sum);
            }
            System.out.printf("InferenceFuzzTest seed %d: %d malformed, %d valid, sent and accounted for in %d ms%n"
                    + "  dead letters per reason %s%n", seed, MALFORMED, valid.size(), elapsed, reasons);
            assertThat(rejectedMetric(runtime, model)).as(context() + ": samuel_inference_rejected_total").isEqualTo(reasons);
            assertThat(runtime.isReady()).as(context() + ": the loop still runs").isTrue();
        }
    }

    private void sendValid(Events events, MalformedRecords generator, List<String> valid) {
        var id = "v-" + valid.size();
        var sample = generator.valid(valid.size());
        events.sendRaw(utf8(id), sample.value(), sample.headers());
        valid.add(id);
    }

    /** The dead letters come in the order sent (one partition): the i-th is the i-th malformed event. */
    private void assertDeadLetter(int i, ConsumerRecord<byte[], byte[]> letter, Sample sample, String source) {
        var what = context() + ", malformed event " + i + ": " + sample;
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).as(what).isEqualTo("m-" + i);
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.REASON)).as(what).isEqualTo(sample.reason());
        if (sample.hint() != null) {
            assertThat(DeadLetter.header(letter.headers(), DeadLetter.MESSAGE)).as(what).contains(sample.hint());
        }
        assertThat(letter.value()).as(what).isEqualTo(sample.value());
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.SOURCE_TOPIC)).as(what).isEqualTo(source);
    }

    /** Rejects are counted once each: a poll that failed and was scored again would count its rejects twice. */
    private static Map<String, Integer> rejectedMetric(InferenceRuntime runtime, String model) {
        var counts = new TreeMap<String, Integer>();
        runtime.metrics().registry().find(MetricNames.INFERENCE_REJECTED).tag(MetricNames.MODEL, model).counters()
                .forEach(c -> counts.put(c.getId().getTag(MetricNames.REASON), (int) c.count()));
        return counts;
    }

    private String context() {
        return "seed " + seed + " (replay with -Dsamuel.fuzz.seed=" + seed + ")";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
