package dev.samuel.trainer.app;

import dev.samuel.plumbing.kafka.FollowerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the registry is read to its end, every topic the trainer follows is still followed, and its models' data
 * is read to where it ended when the trainer began following it: without specs and champions no job can run, without
 * the data a job trains on stale or partial examples, and without the job requests a request would wait for ever.
 * Shows each follower's state and the records it skipped, and, while the store is rebuilt (at start, or when a model
 * comes to this trainer), the records still to read.
 */
@Readiness
@ApplicationScoped
public class TrainerHealth implements HealthCheck {

    static final String REGISTRY = "registry";

    @Inject
    TrainerRuntime trainer;

    @Override
    public HealthCheckResponse call() {
        var datasets = trainer.datasets();
        if (datasets == null) {
            return readiness(trainer.followers(), 0);
        }
        return readiness(trainer.followers(), datasets.recordsToRead(), Map.of(
                "datasets.storedBytes", datasets.store().usedBytes(),
                "datasets.storeBudgetBytes", datasets.store().budgetBytes()));
    }

    /**
     * @param followers     by role; empty while the trainer starts
     * @param datasetsToRead records of the models' train and test topics still to read before their data is whole
     */
    static HealthCheckResponse readiness(Map<String, FollowerStatus> followers, long datasetsToRead) {
        return readiness(followers, datasetsToRead, Map.of());
    }

    private static HealthCheckResponse readiness(Map<String, FollowerStatus> followers, long datasetsToRead,
                                                 Map<String, Long> store) {
        var registry = followers.get(REGISTRY);
        boolean up = registry != null && registry.caughtUp() && datasetsToRead == 0
                && followers.values().stream().allMatch(FollowerStatus::following);
        var response = HealthCheckResponse.named("samuel-trainer-followers").status(up)
                .withData("datasets.recordsToRead", datasetsToRead);
        store.forEach(response::withData);
        followers.forEach((role, status) -> {
            response.withData(role + ".following", status.following());
            response.withData(role + ".skippedRecords", status.skipped());
            if (status.failure() != null) {
                response.withData(role + ".failure", status.failure());
            }
        });
        return response.build();
    }
}
