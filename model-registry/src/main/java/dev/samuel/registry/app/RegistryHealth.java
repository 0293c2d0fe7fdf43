package dev.samuel.registry.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the log is read to its end and still followed; live while the follower runs. */
@ApplicationScoped
public class RegistryHealth {

    @Inject
    RegistryRuntime runtime;

    @Readiness
    HealthCheck readiness() {
        return () -> {
            var log = runtime.log();
            return HealthCheckResponse.named("samuel-registry-log")
                    .status(log.follower().isCaughtUp() && log.follower().isFollowing())
                    .withData("caughtUp", log.follower().isCaughtUp())
                    .withData("position", log.follower().position())
                    .withData("skippedRecords", log.follower().skipped())
                    .withData("role", log.role())
                    .build();
        };
    }

    @Liveness
    HealthCheck liveness() {
        return () -> HealthCheckResponse.named("samuel-registry-follower")
                .status(runtime.log().follower().isFollowing()).build();
    }
}
