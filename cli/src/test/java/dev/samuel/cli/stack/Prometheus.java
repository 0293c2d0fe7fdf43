package dev.samuel.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Prometheus (the binary of Debian's {@code prometheus} package, which .ci/run installs) scraping the local
 * stack's four services every second, queried over its HTTP API as Grafana would.
 */
final class Prometheus implements AutoCloseable {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("PROMETHEUS", "/usr/bin/prometheus"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String url;

    private Prometheus(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static Prometheus scrape(StackPorts ports, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        var config = new StringBuilder("global:\n  scrape_interval: 1s\nscrape_configs:\n");
        for (var service : QuarkusService.values()) {
            config.append("  - job_name: ").append(service.module()).append("\n    metrics_path: /q/metrics\n")
                    .append("    static_configs:\n      - targets: [\"127.0.0.1:").append(ports.of(service))
                    .append("\"]\n");
        }
        var file = Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = StackPorts.free().kafka();
        var process = new ProcessBuilder(BINARY.toString(), "--config.file=" + file,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        var prometheus = new Prometheus(process, "http://127.0.0.1:" + port);
        prometheus.awaitReady();
        return prometheus;
    }

    private void awaitReady() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus did not get ready at " + url);
    }

    /**
     * Waits until every service has been scraped a few times, so rate() and increase() have samples to work on.
     * The first scrape comes only after Prometheus' first target discovery, a few seconds after it is ready.
     */
    void awaitSamples(int services, int samples, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (query("count_over_time(up[1m]) >= " + samples).size() < services) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus did not scrape " + services + " services " + samples
                        + " times within " + timeout.toSeconds() + " s: " + query("up"));
            }
            Thread.sleep(500);
        }
    }

    /** The series an instant query returns now (an empty list: no data). */
    List<JsonNode> query(String expression) throws IOException, InterruptedException {
        var uri = URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        var body = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!body.path("status").asText().equals("success")) {
            throw new IllegalArgumentException(expression + ": " + body.path("error").asText());
        }
        var series = new ArrayList<JsonNode>();
        body.path("data").path("result").forEach(series::add);
        return series;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
