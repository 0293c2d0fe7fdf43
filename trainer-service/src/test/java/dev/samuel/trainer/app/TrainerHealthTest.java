package dev.samuel.trainer.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.FollowerStatus;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.testkit.SaslPlain;
import dev.samuel.trainer.jobs.JobManager;
import dev.samuel.trainer.kafka.JobRequestFollower;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The trainer is ready only while every topic it follows is followed. */
class TrainerHealthTest {

    static final FollowerStatus FOLLOWING = new FollowerStatus("f", true, true, 0, null);

    @Test
    void readyWhileTheRegistryIsReadAndEveryFollowerFollows() {
        var followers = new LinkedHashMap<>(Map.of(TrainerHealth.REGISTRY, FOLLOWING, "datasets", FOLLOWING,
                "job-requests", new FollowerStatus("j", true, true, 2, null)));

        var response = TrainerHealth.readiness(followers);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().satisfies(data ->
                assertThat(data).containsEntry("job-requests.skippedRecords", 2L));
        followers.put(TrainerHealth.REGISTRY, new FollowerStatus("r", true, false, 0, null));
        assertThat(TrainerHealth.readiness(followers).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(TrainerHealth.readiness(Map.of()).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    /** A follower that cannot go on (here its login is refused) makes the trainer unready, and says why. */
    @Test
    void aFollowerThatDiesMakesTheTrainerUnready() throws Exception {
        var users = SaslPlain.withUsers("trainer");
        try (var broker = EmbeddedKafkaBroker.startWithSasl(users);
             var jobs = new JobManager(job -> { }, (job, progress) -> job, Clock.systemUTC())) {
            broker.createTopic(Topics.JOBS.name(), 1);
            var kafka = new HashMap<String, Object>(SaslPlain.client("trainer", "a wrong password"));
            kafka.put("bootstrap.servers", broker.bootstrapServers());
            var from = Map.of(new TopicPartition(Topics.JOBS.name(), 0), 0L);
            try (var requests = new JobRequestFollower(kafka, "dies", from, jobs).start()) {
                awaitStopped(requests);

                var response = TrainerHealth.readiness(Map.of(TrainerHealth.REGISTRY, FOLLOWING, "datasets",
                        FOLLOWING, "job-requests", requests.status()));

                assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(response.getData()).get().satisfies(data -> {
                    assertThat(data).containsEntry("job-requests.following", false);
                    assertThat((String) data.get("job-requests.failure")).contains("Authentication failed");
                });
            }
        }
    }

    private static void awaitStopped(JobRequestFollower requests) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (requests.status().following()) {
            assertThat(System.nanoTime()).as("the follower stops").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
