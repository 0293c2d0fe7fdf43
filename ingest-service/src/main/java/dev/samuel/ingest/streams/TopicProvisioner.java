package dev.samuel.ingest.streams;

import dev.samuel.contracts.topic.ModelTopics;

/**
 * Makes sure a model's output topics exist with their settings (train and test compacted) before the
 * first record is routed to them, rather than letting the broker auto-create them with defaults.
 */
public interface TopicProvisioner {

    /** Called once per model and stream task; must be idempotent. */
    void ensureOutputTopics(ModelTopics topics);

    TopicProvisioner NONE = topics -> {
    };
}
