package dev.samuel.plumbing.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The check every service's write API makes of {@code Authorization: Bearer <token>}. */
public final class BearerToken {

    public static final String PREFIX = "Bearer ";

    /** What a request's Authorization header proves. */
    public enum Verdict { MISSING, WRONG, VALID }

    private BearerToken() {
    }

    /** An unset expected token accepts nothing: a service without a token refuses every write. */
    public static Verdict check(Optional<String> expected, String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith(PREFIX)) {
            return Verdict.MISSING;
        }
        var presented = authorizationHeader.substring(PREFIX.length()).getBytes(StandardCharsets.UTF_8);
        // Constant-time, so the response time says nothing about how much of a guess was right.
        boolean valid = expected.map(token -> MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented))
                .orElse(false);
        return valid ? Verdict.VALID : Verdict.WRONG;
    }
}
