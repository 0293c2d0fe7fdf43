package dev.samuel.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.registry.MalformedOnnx;
import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.TestModels;
import dev.samuel.testkit.fuzz.HttpFuzz;
import dev.samuel.testkit.fuzz.HttpFuzz.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads that must not become versions: bodies just above each limit (the validator's max-bytes, the form field
 * limit, the header limit, the HTTP body limit) and malformed ONNX beyond {@code VersionsResourceTest}'s cases.
 * Each is a 4xx (with a JSON message and reason code where the application answers) and registers nothing.
 */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class RegistryUploadFuzzTest {

    static final Map<String, String> TOKEN = RegistryRestFuzzTest.TOKEN;
    static final String BYTES = "application/octet-stream";
    /** quarkus.http.limits.max-body-size in application.properties. */
    static final int HTTP_BODY_LIMIT = 80 * 1024 * 1024;

    @TestHTTPResource("")
    URL root;

    HttpFuzz http;
    String model;
    String versions;

    @BeforeEach
    void model() {
        http = new HttpFuzz(root.toString().replaceAll("/$", ""));
        model = Api.createModel("upload");
        versions = "/models/" + model + "/versions";
    }

    @Test
    void malformedOnnxIsRefusedWithItsReason() {
        var wrongReason = new ArrayList<String>();
        var answers = new ArrayList<Answer>();
        for (var upload : MalformedOnnx.uploads()) {
            var answer = http.send("POST", versions, BYTES, upload.bytes(), TOKEN);
            answers.add(answer);
            if (!answer.body().contains("\"reason\":\"" + upload.reason() + "\"")) {
                wrongReason.add(upload.what() + ": expected " + upload.reason() + ", got " + answer);
            }
        }
        assertThat(HttpFuzz.notRefused(answers, "message")).isEmpty();
        assertThat(wrongReason).isEmpty();
        assertNoVersion();
    }

    /** Every cut of a valid model, a seeded sample of them: never a version, never a 5xx. */
    @Test
    void truncatedModelsAreRefused() {
        long seed = Long.getLong("samuel.fuzz.seed", System.nanoTime());
        var random = new Random(seed);
        int length = TestModels.gemm(4, 3).length;
        var answers = new ArrayList<Answer>();
        for (int i = 0; i < 40; i++) {
            answers.add(http.send("POST", versions, BYTES, MalformedOnnx.truncated(1 + random.nextInt(length - 1)), TOKEN));
        }
        assertThat(HttpFuzz.notRefused(answers, "message")).as("seed %d", seed).isEmpty();
        assertThat(answers).as("seed %d", seed).allSatisfy(a -> assertThat(a.body()).containsAnyOf(
                "\"reason\":\"not_onnx\"", "\"reason\":\"not_loadable\""));
        assertNoVersion();
    }

    @Test
    void bodiesJustAboveTheLimitsAreRefused() {
        var answers = new ArrayList<Answer>();
        // The validator's limit: a JSON 413 with its reason.
        answers.add(http.send("POST", versions, BYTES, new byte[RegistryTestResource.MAX_BYTES + 1], TOKEN));
        answers.add(http.send("POST", versions, "multipart/form-data; boundary=b",
                form(TestModels.padded(4, 3, RegistryTestResource.MAX_BYTES + 1), "{}"), TOKEN));
        // The form field limit (64 KB) on the metrics field, and a spec just as large.
        answers.add(http.send("POST", versions, "multipart/form-data; boundary=b",
                form(TestModels.gemm(4, 3), "{\"a\": \"" + "x".repeat(65 * 1024) + "\"}"), TOKEN));
        answers.add(http.send("POST", "/models", "application/json",
                RegistryRestFuzzTest.utf8("{\"name\": \"" + "x".repeat(70 * 1024) + "\"}"), TOKEN));
        assertThat(HttpFuzz.notRefused(answers, "message")).isEmpty();
        assertThat(answers.get(0).status()).isEqualTo(413);
        assertThat(answers.get(0).body()).contains("\"reason\":\"too_large\"");

        // The HTTP layer's own limits (headers 20 KB, body 80 MB) answer before the application: a status only.
        var header = http.send("POST", versions, BYTES, TestModels.gemm(4, 3),
                RegistryRestFuzzTest.merge(TOKEN, Map.of(VersionsResource.METRICS_HEADER, "{\"a\": \"" + "x".repeat(21 * 1024)
                        + "\"}")));
        assertThat(header.status()).as(header.toString()).isEqualTo(431);
        var body = http.send("POST", versions, BYTES, new byte[HTTP_BODY_LIMIT + 1], TOKEN);
        assertThat(body.status()).as(body.toString()).isEqualTo(413);
        assertNoVersion();
    }

    private void assertNoVersion() {
        var listed = http.send("GET", versions, null, null, Map.of());
        assertThat(listed.body()).as(listed.toString()).isEqualTo("[]");
    }

    /** A multipart form with the model file and a metrics field, boundary "b". */
    private static byte[] form(byte[] model, String metrics) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"model\"; filename=\"m.onnx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(model);
        out.writeBytes(("\r\n--b\r\nContent-Disposition: form-data; name=\"metrics\"\r\n\r\n" + metrics
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

}
