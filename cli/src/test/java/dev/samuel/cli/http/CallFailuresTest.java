package dev.samuel.cli.http;

import static dev.samuel.cli.CommandLineRun.closedPort;
import static dev.samuel.cli.CommandLineRun.stderr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.cli.JsonService;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What `samuel` prints when a service does not answer or refuses, through the real command line and real HTTP. */
class CallFailuresTest {

    @Test
    void nothingAnsweringSaysHowToStartTheStack() throws IOException {
        var url = "http://127.0.0.1:" + closedPort();

        var err = stderr(1, "models", "--registry", url);

        assertThat(err).isEqualTo("samuel: the model-registry does not answer at " + url
                + ": is the stack running? Start it with `bin/samuel up`.");
    }

    @Test
    void aRefusalIsTheServicesOwnMessage() throws IOException {
        try (var registry = JsonService.start(path -> new JsonService.Answer(400,
                "{\"status\":400,\"message\":\"the spec has 2 problems\",\"problems\":[\"a\",\"b\"]}"))) {
            var err = stderr(1, "promote", "m", "1", "--registry", registry.url(), "--token", "t");

            assertThat(err).isEqualTo("samuel: model-registry: the spec has 2 problems\n  - a\n  - b");
        }
    }
}
