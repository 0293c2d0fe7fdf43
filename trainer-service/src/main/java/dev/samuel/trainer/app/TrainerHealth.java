package dev.samuel.trainer.app;

import dev.samuel.plumbing.kafka.FollowerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the registry is read to its end and every topic the trainer follows is still followed: without
 * specs and champions no job can run, without the data a job trains on stale examples, and without the job
 * requests a request would wait for ever. Shows each follower's state and the records it skipped.
 */
@Readiness
@ApplicationScoped
public class TrainerHealth implements HealthCheck {

    static final String REGISTRY = "registry";

    @Inject
    TrainerRuntime trainer;

    @Override
    public HealthCheckResponse call() {
        return readiness(trainer.followers());
    }

    /** @param followers by role; empty while the trainer starts */
    static HealthCheckResponse readiness(Map<String, FollowerStatus> followers) {
        var registry = followers.get(REGISTRY);
        boolean up = registry != null && registry.caughtUp()
                && followers.values().stream().allMatch(FollowerStatus::following);
        var response = HealthCheckResponse.named("samuel-trainer-followers").status(up);
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
