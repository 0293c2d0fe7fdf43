package dev.samuel.contracts.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRecordTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aJobsLifeRoundTripsThroughTheJobsTopicSerde() {
        var requested = JobRecord.requested("job-1", "digits", "rest", T0);
        var running = requested.running(new JobRecord.Progress(1, 3, 120, 0.42, 95_000),
                Map.of("offset.digits.train-0", "7000"), T0.plusSeconds(5));
        var done = running.evaluated(0.31, 0.91, T0.plusSeconds(9))
                .succeeded(4, new JobRecord.Decision(true, "test loss 0.31 < champion 0.35", 3, 0.35), T0.plusSeconds(10));
        var serde = Topics.JOBS.valueSerde();

        var joined = JobRecord.requested("job-2", "digits", "topic", T0).joined("job-1", T0);
        for (var record : new JobRecord[] {requested, running, done, running.failed("killed", T0.plusSeconds(6)), joined}) {
            byte[] bytes = serde.serializer().serialize(Topics.JOBS.name(), record);
            assertThat(serde.deserializer().deserialize(Topics.JOBS.name(), bytes)).isEqualTo(record);
        }
        assertThat(done.isFinished()).isTrue();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.lineage()).containsEntry("offset.digits.train-0", "7000");
        assertThat(requested.isFinished()).isFalse();
        assertThat(joined.message()).isEqualTo("joined job job-1");
        assertThat(joined.joinedTo()).contains("job-1");
        assertThat(requested.joinedTo()).isEmpty();
        assertThat(running.failed("joined job in spirit", T0).joinedTo()).isEmpty();
        assertThat(joined.isFinished()).isTrue();
    }

    @Test
    void aDataStartIsCarriedThroughEveryChangeAndRoundTrips() {
        var start = new JobRecord.DataStart(Map.of(JobRecord.DataStart.key("fraud.train", 0), 120L,
                "fraud.test/2", 40L), T0.minusSeconds(60));
        var requested = JobRecord.requested("job-3", "fraud", JobRecord.DRIFT, T0, start);
        var running = requested.running(null, Map.of("dataFrom", start.toString()), T0.plusSeconds(1));
        var serde = Topics.JOBS.valueSerde();

        for (var record : new JobRecord[] {requested, running, running.evaluated(0.1, 0.9, T0), running.failed("x", T0),
                running.succeeded(2, null, T0), requested.joined("job-1", T0)}) {
            assertThat(record.dataFrom()).isEqualTo(start);
            byte[] bytes = serde.serializer().serialize(Topics.JOBS.name(), record);
            assertThat(serde.deserializer().deserialize(Topics.JOBS.name(), bytes)).isEqualTo(record);
        }
        assertThat(start.toString()).isEqualTo("fraud.test/2@40, fraud.train/0@120; others from 2026-11-26T09:59:00Z");
        assertThat(JobRecord.DataStart.at(T0).toString()).isEqualTo("from 2026-11-26T10:00:00Z");
    }

    /** The exact shape another service writes, and a record written before the field existed. */
    @Test
    void readsTheDataStartsJsonAndRecordsWithoutIt() throws Exception {
        var drift = """
                {"id": "d-1", "model": "fraud", "status": "REQUESTED", "trigger": "drift",
                 "requestedAt": "2026-11-26T10:00:00Z", "updatedAt": "2026-11-26T10:00:00Z",
                 "dataFrom": {"offsets": {"fraud.train/0": 120, "fraud.test/0": 40},
                              "timestamp": "2026-11-26T09:59:00Z"}}""";
        var old = """
                {"id": "job-1", "model": "digits", "status": "REQUESTED", "trigger": "topic",
                 "requestedAt": "2026-11-26T10:00:00Z", "updatedAt": "2026-11-26T10:00:00Z", "lineage": {}}""";
        var serde = Topics.JOBS.valueSerde();

        var read = serde.deserializer().deserialize(Topics.JOBS.name(), drift.getBytes(StandardCharsets.UTF_8));
        var plain = serde.deserializer().deserialize(Topics.JOBS.name(), old.getBytes(StandardCharsets.UTF_8));

        assertThat(read.dataFrom()).isEqualTo(new JobRecord.DataStart(
                Map.of("fraud.train/0", 120L, "fraud.test/0", 40L), Instant.parse("2026-11-26T09:59:00Z")));
        assertThat(read).isEqualTo(JobRecord.requested("d-1", "fraud", "drift", T0, read.dataFrom()));
        assertThat(plain).isEqualTo(JobRecord.requested("job-1", "digits", "topic", T0));
        assertThat(plain.dataFrom()).isNull();
        assertThat(Json.MAPPER.writeValueAsString(plain)).doesNotContain("dataFrom");
        assertThat(Json.MAPPER.writeValueAsString(JobRecord.requested("d", "m", "drift", T0, JobRecord.DataStart.at(T0))))
                .contains("\"dataFrom\":{\"offsets\":{},\"timestamp\":\"2026-11-26T10:00:00Z\"}");
    }
}
