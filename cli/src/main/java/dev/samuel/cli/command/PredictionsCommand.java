package dev.samuel.cli.command;

import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "predictions", description = "Print a model's predictions as JSON lines: those so far, or with --follow new ones as they come.")
public final class PredictionsCommand extends ModelCommand {

    @Option(names = {"-f", "--follow"}, description = "only new predictions, until Ctrl-C")
    boolean follow;

    @Override
    public Integer call() {
        var topic = Topics.of(model).predictions();
        var config = new HashMap<>(endpoints.kafka());
        // Inference writes in transactions: show only what it committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), topic.valueSerde().deserializer())) {
            var partitions = TopicTail.partitions(consumer, topic.name());
            consumer.assign(partitions);
            if (follow) {
                consumer.seekToEnd(partitions);
            } else {
                consumer.seekToBeginning(partitions);
            }
            var end = consumer.endOffsets(partitions);
            while (follow || !TopicTail.reached(consumer, end)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(new String(JsonWriter.write(record.value()), StandardCharsets.UTF_8));
                }
            }
        }
        return 0;
    }
}
