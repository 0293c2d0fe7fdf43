package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Reading a topic without a consumer group: all its partitions, up to a fixed end. */
final class TopicTail {

    private TopicTail() {
    }

    static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            throw new CliException("no topic " + topic + " yet");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
