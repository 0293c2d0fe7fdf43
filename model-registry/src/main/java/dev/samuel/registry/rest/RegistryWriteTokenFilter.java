package dev.samuel.registry.rest;

import dev.samuel.plumbing.http.ErrorBody;
import dev.samuel.plumbing.security.WriteTokenRule;
import dev.samuel.registry.config.RegistryConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The platform's {@link WriteTokenRule} with {@code samuel.registry.write-token}: every write method needs the token,
 * reads are open; a refusal is an {@link ErrorBody}.
 */
public class RegistryWriteTokenFilter {

    // Looked up per request: RESTEasy may create filters during static init, before runtime config mappings exist.
    @Inject
    Instance<RegistryConfig> config;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        return new WriteTokenRule("registry", config.get().writeToken())
                .check(request.getMethod(), request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(refusal -> {
                    var response = Response.fromResponse(
                            ErrorMappers.json(refusal.status(), ErrorBody.of(refusal.status(), refusal.message())));
                    if (refusal.challenge() != null) {
                        response.header(HttpHeaders.WWW_AUTHENTICATE, refusal.challenge());
                    }
                    return response.build();
                });
    }
}
