package dev.samuel.plumbing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.plumbing.http.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client sends and how it reads the answers, against a registry over real HTTP that records each request. */
class RegistryClientTest {

    static final byte[] ARTIFACT = {8, 1, 2, 3};

    FakeRegistry server;
    RegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = FakeRegistry.start();
        server.handle("/", exchange -> switch (exchange.getRequestURI().getPath()) {
            case "/models/nope" -> FakeRegistry.text(404, "{\"status\":404,\"message\":\"no model 'nope'\"}");
            case "/models/m/versions/1/artifact" -> new FakeRegistry.Reply(200, ARTIFACT);
            default -> FakeRegistry.text(200, "{}");
        });
        client = new RegistryClient(server.url(), "s3cret", Backoff.NONE, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aNameStaysOnePathSegmentWhateverItHolds() {
        client.versions("a b/c?d#e");
        client.setAlias("m", "new champion/2", 1, "why");
        client.delete("..", "a & b = c? #1");
        client.model("100%");

        assertThat(server.seen).extracting(FakeRegistry.Seen::rawPath).containsExactly(
                "/models/a%20b%2Fc%3Fd%23e/versions",
                "/models/m/aliases/new%20champion%2F2",
                "/models/%2E%2E",
                "/models/100%25");
        assertThat(server.seen.get(2).rawQuery()).isEqualTo("reason=a+%26+b+%3D+c%3F+%231");
    }

    @Test
    void aModelNameOfTheAllowedCharactersIsSentAsItIs() {
        client.versions("digits-v2.1_final");

        assertThat(server.seen.get(0).rawPath()).isEqualTo("/models/digits-v2.1_final/versions");
    }

    @Test
    void writesCarryTheTokenAndReadsDoNot() {
        client.put("m", "{}");
        client.models();

        assertThat(server.seen).extracting(FakeRegistry.Seen::authorization).containsExactly("Bearer s3cret", null);
    }

    @Test
    void aModelTheRegistryDoesNotHaveIsEmpty() {
        assertThat(client.model("nope")).isEmpty();
        assertThat(client.model("m")).isPresent();
    }

    @Test
    void anArtifactIsCheckedAgainstItsVersionsSha256() {
        assertThat(client.artifact(version(Sha256.hex(ARTIFACT)))).containsExactly(ARTIFACT);
        assertThat(client.artifact(version(Sha256.hex(ARTIFACT).toUpperCase()))).containsExactly(ARTIFACT);

        assertThatThrownBy(() -> client.artifact(version(Sha256.hex(new byte[] {9}))))
                .isInstanceOf(ArtifactChecksumException.class)
                .hasMessageContaining("artifact of m version 1 has SHA-256 " + Sha256.hex(ARTIFACT));
    }

    static VersionRecord version(String sha256) {
        return new VersionRecord("m", 1, sha256, ARTIFACT.length, Map.of(), Map.of(), Instant.now(), null);
    }
}
