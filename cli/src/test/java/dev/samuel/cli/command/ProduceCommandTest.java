package dev.samuel.cli.command;

import static dev.samuel.cli.CommandLineRun.closedPort;
import static dev.samuel.cli.CommandLineRun.stderr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.cli.JsonService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `samuel produce` checks of a CSV header against the model's spec, through the real command line and a
 * registry answering over real HTTP. No broker listens at the bootstrap address: what is refused is refused before
 * anything is sent. The rows given are short, so a file that passes the header stops at its first row, unsent (a
 * send would wait a minute for the broker that is not there).
 */
class ProduceCommandTest {

    @TempDir
    Path dir;

    private JsonService registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = JsonService.start(path -> switch (path) {
            case "/models/weather" -> new JsonService.Answer(200, weatherModel("weather", null));
            case "/models/lenient" -> new JsonService.Answer(200, weatherModel("lenient", "ignore"));
            default -> new JsonService.Answer(404, "{\"status\":404,\"message\":\"no model\"}");
        });
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void aColumnThatIsNoFeatureOfTheModelIsRefusedByItsHeaderName() throws IOException {
        var file = weather("2012-01-01,0.0,12.8,5.0,4.7,drizzle\n");

        assertThat(produce(file, "weather")).isEqualTo("samuel: column 'date' is not a feature of model weather "
                + "(its features: [precipitation, temp_max, temp_min, wind]); leave it out with --ignore-unknown");
    }

    @Test
    void ignoreUnknownLeavesTheColumnOutAndReadsTheRows() throws IOException {
        assertThat(produce(weather("2012-01-02,10.9\n"), "weather", "--ignore-unknown"))
                .isEqualTo("samuel: line 2 has 2 columns where the first line has 6");
    }

    @Test
    void aSpecThatIgnoresUnknownFieldsHasThemLeftOutWithoutTheOption() throws IOException {
        assertThat(produce(weather("2012-01-02,10.9\n"), "lenient"))
                .isEqualTo("samuel: line 2 has 2 columns where the first line has 6");
    }

    @Test
    void aModelTheRegistryDoesNotKnowIsNamed() throws IOException {
        assertThat(produce(weather(""), "hail")).isEqualTo("samuel: no model 'hail'");
    }

    /** The registry's answer for a model of the weather's four numeric columns; {@code unknownFields} as given. */
    private static String weatherModel(String name, String unknownFields) {
        return """
                {"name": "%s", "spec": {"name": "%s",
                  "task": {"type": "classification", "classNames": ["drizzle", "rain", "sun"]},
                  "input": {"names": ["precipitation", "temp_max", "temp_min", "wind"]%s},
                  "layers": [{"dense": 3}]}}""".formatted(name, name,
                unknownFields == null ? "" : ", \"unknownFields\": \"" + unknownFields + "\"");
    }

    private Path weather(String rows) throws IOException {
        return Files.writeString(dir.resolve("seattle-weather.csv"),
                "date,precipitation,temp_max,temp_min,wind,weather\n" + rows);
    }

    private String produce(Path file, String model, String... more) throws IOException {
        var args = new ArrayList<>(List.of("produce", file.toString(), "--model", model, "--label-column", "weather",
                "--registry", registry.url(), "--bootstrap", "127.0.0.1:" + closedPort()));
        args.addAll(List.of(more));
        return stderr(1, args.toArray(String[]::new));
    }
}
