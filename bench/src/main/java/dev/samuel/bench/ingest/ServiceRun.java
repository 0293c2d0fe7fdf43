package dev.samuel.bench.ingest;

import dev.samuel.contracts.topic.ModelTopics;
import dev.samuel.plumbing.launch.PackagedService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs the packaged ingest-service on one model's labelled topic until its output is complete. {@code settings}:
 * further service properties, such as {@code samuel.ingest.schema-registry} for Avro records.
 */
public record ServiceRun(String bootstrap, PackagedService service, ModelTopics topics, Map<String, String> settings) {

    public ServiceRun(String bootstrap, PackagedService service, ModelTopics topics) {
        this(bootstrap, service, topics, Map.of());
    }

    /** Examples per second, from the first output record seen to the last. */
    public double run(int examples) throws Exception {
        var log = Path.of(System.getProperty("java.io.tmpdir"), "bench-" + topics.model() + ".log");
        try (var running = service.start(0, log, command -> {
            command.property("quarkus.kafka-streams.bootstrap-servers", bootstrap)
                    .property("quarkus.kafka-streams.application-id", "bench-" + topics.model())
                    .property("samuel.ingest.labelled-topics", Pattern.quote(topics.labelled().name()))
                    .property("quarkus.log.level", "WARN");
            settings.forEach(command::property);
        })) {
            return new OutputObserver(bootstrap,
                    List.of(topics.train().name(), topics.test().name(), topics.rejected().name()))
                    .await(examples, Duration.ofMinutes(5));
        }
    }
}
