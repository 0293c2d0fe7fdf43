package dev.samuel.registry.rest;

import dev.samuel.registry.config.RegistryConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Writes need {@code Authorization: Bearer <samuel.registry.write-token>}; reads are open. */
public class WriteTokenFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String BEARER = "Bearer ";

    @Inject
    RegistryConfig config;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return Optional.empty();
        }
        var header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            return Optional.of(Response.fromResponse(ErrorMappers.json(401, ErrorBody.of(401,
                            "writes need a bearer token: Authorization: Bearer <token>")))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"samuel-registry\"").build());
        }
        if (!matches(header.substring(BEARER.length()))) {
            return Optional.of(ErrorMappers.json(403, ErrorBody.of(403, "the bearer token is not the registry's write token")));
        }
        return Optional.empty();
    }

    /** Constant-time, so the response time says nothing about how much of a guess was right. */
    private boolean matches(String presented) {
        return config.writeToken().map(token -> MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }
}
