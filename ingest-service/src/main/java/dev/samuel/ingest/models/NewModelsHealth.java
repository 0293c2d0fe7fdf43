package dev.samuel.ingest.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the registry is followed: without it a new model's examples wait for the next metadata refresh. */
@Readiness
@ApplicationScoped
public class NewModelsHealth implements HealthCheck {

    @Inject
    NewModels models;

    @Override
    public HealthCheckResponse call() {
        var status = models.status();
        var response = HealthCheckResponse.named("samuel-ingest-new-models")
                .status(status.map(s -> s.following() && s.caughtUp()).orElse(false));
        status.ifPresent(s -> {
            response.withData("skippedRecords", s.skipped());
            if (s.failure() != null) {
                response.withData("failure", s.failure());
            }
        });
        return response.build();
    }
}
