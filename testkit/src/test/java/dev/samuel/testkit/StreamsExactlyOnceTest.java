package dev.samuel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** Kafka Streams with exactly_once_v2 against the shared broker: needs working transactions. */
@WithKafka
class StreamsExactlyOnceTest {

    @Test
    void exactlyOnceV2TopologyCommits(KafkaBroker broker) throws Exception {
        broker.createTopic("eos-in", 2);
        broker.createTopic("eos-out", 2);

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("eos-in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v.toUpperCase())
                .to("eos-out", Produced.with(Serdes.String(), Serdes.String()));

        Path stateDir = Files.createTempDirectory("testkit-streams-");
        Properties props = broker.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "testkit-eos");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Default 100 ms under EOS; commit (and so expose output to read_committed) quickly.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            try (KafkaProducer<String, String> producer = broker.producer()) {
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>("eos-in", "k" + i, "value-" + i));
                }
            }
            var out = broker.drain("eos-out", 20, Duration.ofSeconds(60));
            assertThat(out).hasSize(20).extracting(ConsumerRecord::value).allMatch(v -> v.startsWith("VALUE-"));
            streams.close(Duration.ofSeconds(10));
        } finally {
            EmbeddedKafkaBroker.deleteRecursively(stateDir);
        }
    }
}
