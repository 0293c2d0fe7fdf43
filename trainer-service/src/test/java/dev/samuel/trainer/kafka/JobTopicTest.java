package dev.samuel.trainer.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.job.JobRecord;
import dev.samuel.contracts.job.JobStatus;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import dev.samuel.trainer.jobs.JobManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Jobs on the real samuel.jobs topic: a restart takes over what is there, and new requests are picked up, past
 * records that are not jobs (anyone may write to the topic). The
 * broker is this test's own: a trainer started by a Quarkus test of this module follows the shared broker's
 * samuel.jobs and would take these jobs over too.
 */
class JobTopicTest {

    @Test
    void aRestartedTrainerTakesOverTheLogAndFollowsNewRequests() throws Exception {
        try (var broker = EmbeddedKafkaBroker.start()) {
            takeOverAndFollow(broker);
        }
    }

    private void takeOverAndFollow(KafkaBroker broker) throws Exception {
        broker.createTopic(Topics.JOBS.name(), 1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
        var now = Clock.systemUTC().instant();
        try (var log = new KafkaJobLog(kafka)) {
            var crashed = JobRecord.requested("crashed", "jobs-a", "rest", now);
            log.publish(crashed);
            log.publish(crashed.running(null, Map.of(), now));
            log.publish(JobRecord.requested("done", "jobs-b", "rest", now).succeeded(3, null, now));
        }
        sendMalformed(broker, "{\"id\": \"half a job\"");

        var existing = KafkaJobLog.readAll(kafka, "test", Duration.ofSeconds(30));
        assertThat(existing.jobs()).extracting(JobRecord::id, JobRecord::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("crashed", JobStatus.RUNNING),
                        org.assertj.core.groups.Tuple.tuple("done", JobStatus.SUCCEEDED));

        try (var log = new KafkaJobLog(kafka);
             var jobs = new JobManager(log, (job, progress) -> job.succeeded(1, null, Clock.systemUTC().instant()),
                     Clock.systemUTC());
             var requests = new JobRequestFollower(kafka, "test", existing.end(), jobs)) {
            jobs.recover(existing.jobs());
            jobs.start();
            requests.start();
            // A malformed record must not end the follower: the request after it is still picked up.
            sendMalformed(broker, "not a job at all");
            log.publish(JobRecord.requested("from-cli", "jobs-c", "topic", now));

            awaitStatus(jobs, "from-cli", JobStatus.SUCCEEDED);
            assertThat(requests.status().following()).isTrue();
            assertThat(requests.status().skipped()).isEqualTo(1);
            assertThat(jobs.job("crashed").orElseThrow().status()).isEqualTo(JobStatus.FAILED);
            awaitStatus(jobs, jobs.latest("jobs-a").orElseThrow().id(), JobStatus.SUCCEEDED);
        }
        var after = KafkaJobLog.readAll(kafka, "test", Duration.ofSeconds(30)).jobs();
        assertThat(after).filteredOn(job -> job.id().equals("from-cli")).extracting(JobRecord::status)
                .containsExactly(JobStatus.SUCCEEDED);
    }

    private static void sendMalformed(KafkaBroker broker, String value) throws Exception {
        try (var producer = broker.producer()) {
            producer.send(new ProducerRecord<>(Topics.JOBS.name(), "malformed", value)).get();
        }
    }

    private static void awaitStatus(JobManager jobs, String id, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jobs.job(id).map(JobRecord::status).orElse(null) != status) {
            assertThat(System.nanoTime()).as("job " + id + " reaches " + status).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
