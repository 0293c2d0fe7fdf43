package dev.samuel.trainer.rest;

import dev.samuel.contracts.security.BearerToken;
import dev.samuel.trainer.config.TrainerConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Asking for a job needs {@code Authorization: Bearer <samuel.trainer.write-token>}; reads are open. */
public class WriteTokenFilter {

    // Looked up per request: RESTEasy creates filters during static init, before runtime config mappings exist.
    @Inject
    Instance<TrainerConfig> config;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (!request.getMethod().equals(HttpMethod.POST)) {
            return Optional.empty();
        }
        return switch (BearerToken.check(config.get().writeToken(), request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case MISSING -> Optional.of(refusal(401, "jobs need a bearer token: Authorization: Bearer <token>"));
            case WRONG -> Optional.of(refusal(403, "the bearer token is not the trainer's write token"));
            case VALID -> Optional.empty();
        };
    }

    private static Response refusal(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new NotFoundMapper.Error(status, message)).build();
    }
}
