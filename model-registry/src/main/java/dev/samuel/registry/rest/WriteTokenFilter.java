package dev.samuel.registry.rest;

import dev.samuel.contracts.security.BearerToken;
import dev.samuel.registry.config.RegistryConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Writes need {@code Authorization: Bearer <samuel.registry.write-token>}; reads are open. */
public class WriteTokenFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    RegistryConfig config;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return Optional.empty();
        }
        return switch (BearerToken.check(config.writeToken(), request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case MISSING -> Optional.of(Response.fromResponse(ErrorMappers.json(401, ErrorBody.of(401,
                            "writes need a bearer token: Authorization: Bearer <token>")))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"samuel-registry\"").build());
            case WRONG -> Optional.of(ErrorMappers.json(403,
                    ErrorBody.of(403, "the bearer token is not the registry's write token")));
            case VALID -> Optional.empty();
        };
    }
}
