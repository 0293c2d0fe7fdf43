package dev.samuel.plumbing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.plumbing.http.Backoff;
import dev.samuel.plumbing.http.ServiceCallException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trainer's use of the client against a registry that fails on purpose, over real HTTP (the JDK's server). */
class RegistryClientRetryTest {

    static final Backoff QUICK = new Backoff(4, Duration.ofMillis(5), Duration.ofMillis(20));
    static final Map<String, String> LINEAGE = Map.of(RegistryClient.JOB, "job-1");

    final List<VersionRecord> registered = new ArrayList<>();
    final AtomicInteger posts = new AtomicInteger();
    FakeRegistry server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRegistryThatFailsTwiceIsRetriedUntilItAnswers() throws IOException {
        var client = registry(post -> post <= 2 ? 503 : 201);

        var version = client.register("m", new byte[] {1}, Map.of(), LINEAGE);

        assertThat(version.version()).isEqualTo(1);
        assertThat(posts).hasValue(3);
        assertThat(registered).hasSize(1);
    }

    @Test
    void aRegistrationWhoseAnswerWasLostIsFoundAndNotMadeTwice() throws IOException {
        // The registry keeps the version but answers 500, as if it died before replying.
        var client = registry(post -> -500);

        var version = client.register("m", new byte[] {1}, Map.of(), LINEAGE);

        assertThat(version.lineage()).containsEntry(RegistryClient.JOB, "job-1");
        assertThat(posts).hasValue(1);
        assertThat(registered).hasSize(1);
    }

    @Test
    void aRefusalIsFinalAtOnceWithTheRegistrysOwnMessage() throws IOException {
        var client = registry(post -> 400);

        assertThatThrownBy(() -> client.register("m", new byte[] {1}, Map.of(), LINEAGE))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e).hasMessageContaining("answered 400");
                    assertThat(e.kind()).isEqualTo(ServiceCallException.Kind.REFUSED);
                    assertThat(e.serviceMessage()).isEqualTo("no\n  - first problem");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(posts).hasValue(1);
    }

    @Test
    void aRegistryThatNeverAnswersFailsAfterTheLastAttempt() throws IOException {
        var client = registry(post -> 201);
        server.close();

        assertThatThrownBy(() -> client.register("m", new byte[] {1}, Map.of(), LINEAGE))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ServiceCallException.Kind.NO_ANSWER);
                    assertThat(e.retryable()).isTrue();
                });
    }

    interface Answer {
        /** The status for the n-th POST; negative: keep the version but answer with the absolute status. */
        int status(int post);
    }

    RegistryClient registry(Answer answer) throws IOException {
        server = FakeRegistry.start();
        server.handle("/models/m/versions", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                return FakeRegistry.json(200, registered);
            }
            int status = answer.status(posts.incrementAndGet());
            if (status == 201 || status < 0) {
                var lineage = Json.MAPPER.readValue(exchange.getRequestHeaders().getFirst("Samuel-Lineage"), Map.class);
                registered.add(new VersionRecord("m", registered.size() + 1, "00", 1, Map.of(), lineage,
                        Instant.now(), null));
            }
            return status == 201 ? FakeRegistry.json(201, registered.get(registered.size() - 1))
                    : FakeRegistry.text(Math.abs(status), "{\"message\":\"no\",\"problems\":[\"first problem\"]}");
        });
        return new RegistryClient(server.url(), "t", QUICK, Duration.ofSeconds(5));
    }
}
