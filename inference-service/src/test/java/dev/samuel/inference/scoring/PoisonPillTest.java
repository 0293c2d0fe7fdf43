package dev.samuel.inference.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.RejectReason;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Poison pills on the unlabelled topic go to the rejected topic with their reason; the events around them are scored. */
@WithKafka
class PoisonPillTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void poisonPillsAreDeadLetteredAndTheRestIsScored() throws Exception {
        var model = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        broker.createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        broker.createTopic(topics.unlabelled().name(), 1);
        var pills = new LinkedHashMap<String, RejectReason>();
        try (var server = ArtifactServer.start(); var registry = Registry.to(broker.bootstrapServers(), server);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), 3);
             var runtime = Service.start(broker.bootstrapServers(), server.url(), model)) {
            registry.spec(Registry.classifier(model, 3, 2));
            registry.version(model, 1, OnnxModels.favouring(3, 2, 1));
            registry.champion(model, 1);
            Service.awaitServed(runtime, model, 1);
            events.send(0);
            pill(events, pills, "not-json", "{\"features\": [1, 2", null, RejectReason.INVALID_JSON);
            pill(events, pills, "too-short", "{\"features\": [1, 2]}", null, RejectReason.WRONG_DIMENSION);
            pill(events, pills, "no-features", "{\"other\": 1}", null, RejectReason.MISSING_FEATURES);
            pill(events, pills, "named", "{\"features\": {\"a\": 1}}", null, RejectReason.UNKNOWN_FEATURE);
            pill(events, pills, "encoding", "{\"features\": [1, 2, 3]}", "avro", RejectReason.UNKNOWN_ENCODING);
            // In f32le a NaN is a missing value, which this spec does not allow; an infinity is never a value.
            events.sendRaw("nan", binary(1f, Float.NaN, 2f), "f32le");
            pills.put("nan", RejectReason.MISSING_FEATURES);
            events.sendRaw("infinity", binary(1f, Float.NEGATIVE_INFINITY, 2f), "f32le");
            pills.put("infinity", RejectReason.NOT_FINITE);
            events.sendRaw("truncated", new byte[] {3, 0, 0, 0, 1}, "f32le");
            pills.put("truncated", RejectReason.INVALID_BINARY);
            events.sendRaw("empty", null, null);
            pills.put("empty", RejectReason.MISSING_FEATURES);
            // A header without a value once failed every poll it was in, forever.
            events.sendRaw("no-header-value".getBytes(StandardCharsets.UTF_8), "{\"features\": [1, 2, 3]}"
                    .getBytes(StandardCharsets.UTF_8), new RecordHeaders().add(Encoding.HEADER, null));
            pills.put("no-header-value", RejectReason.UNKNOWN_ENCODING);
            events.send(1);
            events.send(2);
            events.flush();

            var predictions = Outputs.predictions(Outputs.all(broker.bootstrapServers(), topics.predictions().name(), 3,
                    Duration.ofSeconds(30)));
            assertThat(predictions).extracting(p -> p.id()).containsExactly("e-0", "e-1", "e-2");
            var dead = Outputs.all(broker.bootstrapServers(), topics.rejected().name(), pills.size(), Duration.ofSeconds(30));
            Map<String, String> reasons = dead.stream().collect(Collectors.toMap(
                    r -> new String(r.key(), StandardCharsets.UTF_8), r -> DeadLetter.header(r.headers(), DeadLetter.REASON)));
            assertThat(reasons).isEqualTo(pills.entrySet().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, e -> e.getValue().code())));
            var first = dead.get(0);
            assertThat(DeadLetter.header(first.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(topics.unlabelled().name());
            assertThat(DeadLetter.header(first.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("1");
            assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"features\": [1, 2");
        }
    }

    private static void pill(Events events, Map<String, RejectReason> pills, String key, String json, String encoding,
                             RejectReason reason) {
        events.sendRaw(key, json.getBytes(StandardCharsets.UTF_8), encoding);
        pills.put(key, reason);
    }

    private static byte[] binary(float... values) {
        var buffer = ByteBuffer.allocate(4 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN).putInt(values.length);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }
}
