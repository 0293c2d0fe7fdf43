package dev.samuel.trainer.data;

/** Which examples a job may use, by the record each was read from. */
@FunctionalInterface
public interface RecordFilter {

    RecordFilter ALL = (topic, partition, offset, timestamp) -> true;

    /** @param timestamp the record's Kafka timestamp, in milliseconds since the epoch */
    boolean keeps(String topic, int partition, long offset, long timestamp);
}
