package dev.samuel.trainer.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the registry is followed: without specs and champions no job can run. */
@Readiness
@ApplicationScoped
public class TrainerHealth implements HealthCheck {

    @Inject
    TrainerRuntime trainer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("samuel-registry").status(trainer.isFollowingRegistry()).build();
    }
}
