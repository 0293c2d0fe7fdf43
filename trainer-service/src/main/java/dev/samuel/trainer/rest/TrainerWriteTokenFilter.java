package dev.samuel.trainer.rest;

import dev.samuel.plumbing.http.ErrorBody;
import dev.samuel.plumbing.security.WriteTokenRule;
import dev.samuel.trainer.config.TrainerConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The platform's {@link WriteTokenRule} with {@code samuel.trainer.write-token}: asking for a job, and any other
 * write method, needs the token; reads are open. A refusal is the platform's {@link ErrorBody}.
 */
public class TrainerWriteTokenFilter {

    // Looked up per request: RESTEasy creates filters during static init, before runtime config mappings exist.
    @Inject
    Instance<TrainerConfig> config;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        return new WriteTokenRule("trainer", config.get().writeToken())
                .check(request.getMethod(), request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(refusal -> {
                    var response = Response.status(refusal.status()).type(MediaType.APPLICATION_JSON)
                            .entity(ErrorBody.of(refusal.status(), refusal.message()));
                    if (refusal.challenge() != null) {
                        response.header(HttpHeaders.WWW_AUTHENTICATE, refusal.challenge());
                    }
                    return response.build();
                });
    }
}
