package dev.samuel.plumbing.kafka;

import static dev.samuel.plumbing.kafka.TopicFollowerTest.send;
import static dev.samuel.plumbing.kafka.TopicFollowerTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.testkit.KafkaBroker;
import dev.samuel.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@WithKafka
class TopicReaderTest {

    @Test
    void readsToTheEndAndSaysWhereFollowingGoesOn(KafkaBroker broker) throws Exception {
        var topic = unique("read");
        broker.createTopic(topic, 2);
        send(broker, topic, "a", "1", "b", "2", "c", "bad");
        var values = new ArrayList<String>();

        var read = TopicReader.readToEnd(unique("reader"), broker.clientSettings(), List.of(topic, unique("missing")),
                record -> {
                    var value = new String(record.value(), StandardCharsets.UTF_8);
                    Integer.parseInt(value);
                    values.add(value);
                }, Duration.ofSeconds(30));

        assertThat(values).containsExactlyInAnyOrder("1", "2");
        assertThat(read.skipped()).isEqualTo(1);
        assertThat(read.positions()).containsOnlyKeys(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
        assertThat(read.positions().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    }
}
