package dev.samuel.inference.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the registry log is read and the scoring loop polls. Shows the served version of every model,
 * the version the registry asks for, and the last refused version with its reason: a refusal does not make
 * the service unready, because the previous version keeps serving.
 */
@Readiness
@ApplicationScoped
public class ServingHealth implements HealthCheck {

    @Inject
    InferenceService service;

    @Override
    public HealthCheckResponse call() {
        var runtime = service.runtime();
        var response = HealthCheckResponse.named("inference").status(runtime != null && runtime.isReady());
        if (runtime != null) {
            runtime.champions().servedVersions().forEach((model, version) -> response.withData("served." + model, version));
            runtime.status().wanted().forEach((model, version) -> response.withData("champion." + model, version));
            runtime.status().refusals().forEach((model, refusal) -> response.withData("refused." + model,
                    "version " + refusal.version() + " (" + refusal.reason() + "): " + refusal.message()));
        }
        return response.build();
    }
}
