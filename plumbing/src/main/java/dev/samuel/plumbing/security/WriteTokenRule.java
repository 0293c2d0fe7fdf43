package dev.samuel.plumbing.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's one rule for its write APIs: a request whose method may change something (POST, PUT, PATCH,
 * DELETE, and any method that is not a read) needs {@code Authorization: Bearer <token>}; without one it is refused
 * with 401 and a challenge, with another token with 403. Reads (GET, HEAD, OPTIONS) are open. Each service turns a
 * {@link Refusal} into its own error body.
 */
public final class WriteTokenRule {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** Why a request is refused: the status, a message naming what to do, and the challenge of a 401 (else null). */
    public record Refusal(int status, String message, String challenge) {
    }

    private final String service;
    private final Optional<String> token;

    /**
     * {@code service} names the service in messages and in the 401's realm ({@code registry}: "the registry's write
     * token", realm {@code samuel-registry}); an empty {@code token} refuses every write.
     */
    public WriteTokenRule(String service, Optional<String> token) {
        this.service = service;
        this.token = token;
    }

    public static boolean isWrite(String method) {
        return !READS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Empty when the request may go on. */
    public Optional<Refusal> check(String method, String authorizationHeader) {
        if (!isWrite(method)) {
            return Optional.empty();
        }
        return switch (BearerToken.check(token, authorizationHeader)) {
            case MISSING -> Optional.of(new Refusal(401,
                    "writes need a bearer token: Authorization: Bearer <token>",
                    "Bearer realm=\"samuel-" + service + "\""));
            case WRONG -> Optional.of(new Refusal(403,
                    "the bearer token is not the " + service + "'s write token", null));
            case VALID -> Optional.empty();
        };
    }
}
