package dev.samuel.inference;

import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.support.ArtifactServer;
import dev.samuel.testkit.KafkaTestResource;
import dev.samuel.testkit.SharedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared test broker with the registry log, and an artifact server standing in for the model-registry's
 * REST API. Tests publish artifacts to it over HTTP ({@value #URL_PROPERTY} names it), which works from
 * {@code @QuarkusTest} and {@code @QuarkusIntegrationTest} alike.
 */
public class InferenceTestResource extends KafkaTestResource {

    public static final String URL_PROPERTY = "samuel.test.artifact-url";

    private ArtifactServer server;

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(super.start());
        SharedKafkaBroker.get().createTopic(Topics.REGISTRY.name(), 1, Topics.REGISTRY.settings().creationConfigs());
        try {
            server = ArtifactServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(URL_PROPERTY, server.url());
        config.put("samuel.inference.registry-url", server.url());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        super.stop();
    }
}
