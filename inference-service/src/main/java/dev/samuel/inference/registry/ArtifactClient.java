package dev.samuel.inference.registry;

import dev.samuel.inference.model.LoadFailure;
import dev.samuel.inference.model.ModelLoadException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Downloads artifacts from the model-registry's REST API: {@code GET <url>/models/M/versions/V/artifact}.
 * The bytes are checked against the version record by the loader, not against the response's ETag, so a
 * registry serving wrong bytes is caught too.
 */
public final class ArtifactClient {

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    public ArtifactClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public byte[] download(String model, int version) throws ModelLoadException {
        var uri = URI.create(baseUrl + "/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + "/versions/"
                + version + "/artifact");
        var request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/octet-stream").GET()
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ModelLoadException(LoadFailure.DOWNLOAD, "GET " + uri + " answered " + response.statusCode()
                        + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new ModelLoadException(LoadFailure.DOWNLOAD, "GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadException(LoadFailure.DOWNLOAD, "interrupted while downloading " + uri, e);
        }
    }
}
