package dev.samuel.ingest.bench;

import dev.samuel.contracts.topic.ModelTopics;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Runs the packaged ingest-service on one model's labelled topic until its output is complete. */
final class ServiceRun {

    private final String bootstrap;
    private final String serviceJar;
    private final ModelTopics topics;

    ServiceRun(String bootstrap, String serviceJar, ModelTopics topics) {
        this.bootstrap = bootstrap;
        this.serviceJar = serviceJar;
        this.topics = topics;
    }

    double run(int examples) throws Exception {
        var java = new File(System.getProperty("java.home"), "bin/java").getPath();
        var service = new ProcessBuilder(java,
                "-Dquarkus.kafka-streams.bootstrap-servers=" + bootstrap,
                "-Dquarkus.kafka-streams.application-id=bench-" + topics.model(),
                "-Dsamuel.ingest.labelled-topics=" + Pattern.quote(topics.labelled().name()),
                "-Dquarkus.http.port=0",
                "-Dquarkus.log.level=WARN",
                "-jar", serviceJar)
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "bench-" + topics.model() + ".log"))
                .start();
        try {
            return new OutputObserver(bootstrap,
                    List.of(topics.train().name(), topics.test().name(), topics.rejected().name()))
                    .await(examples, Duration.ofMinutes(5));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }
}
