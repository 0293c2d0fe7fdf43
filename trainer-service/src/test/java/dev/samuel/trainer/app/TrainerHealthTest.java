package dev.samuel.trainer.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.contracts.topic.Topics;
import dev.samuel.plumbing.kafka.FollowerStatus;
import dev.samuel.testkit.EmbeddedKafkaBroker;
import dev.samuel.testkit.SaslPlain;
import dev.samuel.trainer.kafka.ModelShare;
import dev.samuel.trainer.kafka.TrainerGroup;
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
                "jobs", new FollowerStatus("j", true, true, 2, null)));

        var response = TrainerHealth.readiness(followers, 0);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().satisfies(data ->
                assertThat(data).containsEntry("jobs.skippedRecords", 2L));
        followers.put(TrainerHealth.REGISTRY, new FollowerStatus("r", true, false, 0, null));
        assertThat(TrainerHealth.readiness(followers, 0).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(TrainerHealth.readiness(Map.of(), 0).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    /** While the store is rebuilt from the topics the trainer is not ready, and says how far it has to go. */
    @Test
    void notReadyWhileItsModelsDataIsStillBeingRead() {
        var followers = Map.of(TrainerHealth.REGISTRY, FOLLOWING, "datasets", FOLLOWING, "jobs", FOLLOWING);

        var reading = TrainerHealth.readiness(followers, 1_234_567);

        assertThat(reading.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(reading.getData()).get().satisfies(data ->
                assertThat(data).containsEntry("datasets.recordsToRead", 1_234_567L));
        assertThat(TrainerHealth.readiness(followers, 0).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    /**
     * A part that cannot go on (here the trainers' group member, whose login is refused) makes the trainer unready,
     * and says why.
     */
    @Test
    void aGroupMemberThatDiesMakesTheTrainerUnready() throws Exception {
        var users = SaslPlain.withUsers("trainer");
        try (var broker = EmbeddedKafkaBroker.startWithSasl(users)) {
            broker.createTopic(Topics.JOBS.name(), 1);
            var kafka = new HashMap<String, Object>(SaslPlain.client("trainer", "a wrong password"));
            kafka.put("bootstrap.servers", broker.bootstrapServers());
            try (var group = new TrainerGroup(kafka, "dies", false, new TrainerGroup.Listener() {
                @Override
                public void gained(ModelShare models, Map<TopicPartition, Long> ends) {
                }

                @Override
                public void lost(ModelShare models) {
                }
            }).start()) {
                awaitStopped(group);

                var response = TrainerHealth.readiness(Map.of(TrainerHealth.REGISTRY, FOLLOWING, "datasets",
                        FOLLOWING, "group", group.status()), 0);

                assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
                assertThat(response.getData()).get().satisfies(data -> {
                    assertThat(data).containsEntry("group.following", false);
                    assertThat((String) data.get("group.failure")).contains("Authentication failed");
                });
            }
        }
    }

    private static void awaitStopped(TrainerGroup group) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (group.status().following()) {
            assertThat(System.nanoTime()).as("the follower stops").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
