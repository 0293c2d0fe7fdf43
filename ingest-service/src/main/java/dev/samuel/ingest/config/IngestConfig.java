package dev.samuel.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The service's own settings, under {@code samuel.ingest}. */
@ConfigMapping(prefix = "samuel.ingest")
public interface IngestConfig {

    /** Regular expression of the topics that carry labelled examples. */
    @WithDefault(".+\\.labelled")
    String labelledTopics();

    /**
     * The Confluent-compatible schema registry Avro records are read through (for example
     * {@code http://registry:8080/apis/ccompat/v7}); without one, an Avro record is dead-lettered as
     * {@code unknown_encoding}.
     */
    Optional<String> schemaRegistry();

    /** Records larger than this are dead-lettered as {@code oversized} without being parsed. */
    @WithDefault("1048576")
    int maxRecordBytes();

    /** Partitions of the train, test and rejected topics this service creates. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of the topics this service creates: 1 for a one-broker cluster. */
    @WithDefault("1")
    short topicReplicationFactor();
}
