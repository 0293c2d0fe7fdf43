package dev.samuel.plumbing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void onlyTheExactTokenIsValid() {
        var token = Optional.of("s3cret");

        assertThat(BearerToken.check(token, "Bearer s3cret")).isEqualTo(BearerToken.Verdict.VALID);
        assertThat(BearerToken.check(token, "Bearer s3cre")).isEqualTo(BearerToken.Verdict.WRONG);
        assertThat(BearerToken.check(token, "Bearer s3cret ")).isEqualTo(BearerToken.Verdict.WRONG);
        assertThat(BearerToken.check(token, "Basic s3cret")).isEqualTo(BearerToken.Verdict.MISSING);
        assertThat(BearerToken.check(token, null)).isEqualTo(BearerToken.Verdict.MISSING);
    }

    @Test
    void withoutAnExpectedTokenNothingIsValid() {
        assertThat(BearerToken.check(Optional.empty(), "Bearer anything")).isEqualTo(BearerToken.Verdict.WRONG);
    }
}
