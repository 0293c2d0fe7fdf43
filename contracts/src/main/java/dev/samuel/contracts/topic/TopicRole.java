package dev.samuel.contracts.topic;

/**
 * The table of topic settings: what every topic of the platform is for, and how it is laid out when a service
 * (or the cli) creates it. Whoever creates a topic takes its settings from here, so two creators of the same
 * topic agree. Replication is the cluster's business and is not in the table.
 */
public enum TopicRole {

    REGISTRY(TopicSettings.compacted(1, "one partition, so that every reader sees every change in one order;"
            + " compacted and nothing else, or specs and versions would expire with the log").strictly()),
    // A model belongs to the trainer holding the partition its name hashes to: the partitions bound how many trainers
    // share the work.
    JOBS(TopicSettings.compacted(12, "the latest record of a job is its status")),
    // Three partitions let ingest and inference run up to three instances each.
    LABELLED(TopicSettings.stream(3, "labelled examples, as users send them")),
    TRAIN(TopicSettings.compacted(3, "a re-sent example id is a relabel, a tombstone a deletion")),
    TEST(TopicSettings.compacted(3, "a re-sent example id is a relabel, a tombstone a deletion")),
    UNLABELLED(TopicSettings.stream(3, "events to score, as users send them")),
    PREDICTIONS(TopicSettings.stream(3, "one prediction per event")),
    REJECTED(TopicSettings.stream(3, "dead letters for operators")),
    // One partition: every result of a model reaches the one place its drift detectors live.
    PERFORMANCE(TopicSettings.stream(1, "each labelled example judged against its prediction")),
    DRIFT(TopicSettings.stream(1, "drift detections and the jobs they requested"));

    private final TopicSettings settings;

    TopicRole(TopicSettings settings) {
        this.settings = settings;
    }

    public TopicSettings settings() {
        return settings;
    }
}
