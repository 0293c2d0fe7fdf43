package dev.samuel.contracts.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.topic.Topics;
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
        assertThat(joined.isFinished()).isTrue();
    }
}
