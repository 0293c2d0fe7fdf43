package dev.samuel.plumbing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteTokenRuleTest {

    final WriteTokenRule rule = new WriteTokenRule("registry", Optional.of("s3cret"));

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "post", "TRACE"})
    void everyWriteMethodNeedsTheToken(String method) {
        assertThat(rule.check(method, null)).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.message()).contains("writes need a bearer token");
            assertThat(refusal.challenge()).isEqualTo("Bearer realm=\"samuel-registry\"");
        });
        assertThat(rule.check(method, "Bearer guess")).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.message()).isEqualTo("the bearer token is not the registry's write token");
            assertThat(refusal.challenge()).isNull();
        });
        assertThat(rule.check(method, "Bearer s3cret")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "get"})
    void readsAreOpen(String method) {
        assertThat(rule.check(method, null)).isEmpty();
        assertThat(rule.check(method, "Bearer guess")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE"})
    void aServiceWithoutATokenRefusesEveryWrite(String method) {
        var closed = new WriteTokenRule("trainer", Optional.empty());

        assertThat(closed.check(method, "Bearer anything")).hasValueSatisfying(
                refusal -> assertThat(refusal.status()).isEqualTo(403));
        assertThat(closed.check("GET", null)).isEmpty();
    }
}
