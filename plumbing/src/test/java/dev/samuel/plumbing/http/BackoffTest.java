package dev.samuel.plumbing.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A registry back after a long outage is called again within the longest wait, not after the outage's length. */
    @Test
    void waitsDoubleUpToTheLongestThenStayThere() {
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(Backoff.DEFAULT::wait).map(Duration::toMillis))
                .containsExactly(500L, 1000L, 2000L, 4000L, 4000L, 4000L);
        long total = IntStream.range(1, Backoff.DEFAULT.attempts()).mapToLong(r -> Backoff.DEFAULT.wait(r).toMillis())
                .sum();
        assertThat(total).as("the default retries for about a minute").isBetween(55_000L, 65_000L);
        assertThat(new Backoff(5, Duration.ofMillis(10), Duration.ofSeconds(1)).wait(5))
                .isEqualTo(Duration.ofMillis(160));
        assertThat(Backoff.NONE.wait(1)).isZero();
    }
}
