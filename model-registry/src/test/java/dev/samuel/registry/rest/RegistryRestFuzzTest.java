package dev.samuel.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.TestModels;
import dev.samuel.testkit.fuzz.HttpFuzz;
import dev.samuel.testkit.fuzz.HttpFuzz.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad HTTP requests to every endpoint of the registry: path tricks, bad JSON, wrong content types and methods,
 * missing or wrong tokens. Each must be a 4xx with a JSON {@code message} (never a 5xx, never a hang: 10 s timeout),
 * and nothing may be registered by them. Failures list every offending request at once.
 */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class RegistryRestFuzzTest {

    static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer " + RegistryTestResource.TOKEN);
    static final String JSON = "application/json";
    static final String BYTES = "application/octet-stream";

    @TestHTTPResource("")
    URL root;

    HttpFuzz http;
    String model;

    /** A model of its own per test, with version 1: what a bad request must not change. */
    @BeforeEach
    void model() {
        http = new HttpFuzz(root.toString().replaceAll("/$", ""));
        model = Api.createModel("fuzz");
        Api.register(model, 1);
    }

    @Test
    void pathTricksInReadsAreRefused() {
        var answers = new ArrayList<Answer>();
        for (var trick : HttpFuzz.pathTricks()) {
            for (var path : List.of("/models/" + trick, "/models/" + trick + "/versions", "/models/" + trick + "/history",
                    "/models/" + model + "/versions/" + trick, "/models/" + model + "/versions/" + trick + "/artifact",
                    "/models/" + model + "/aliases/" + trick, "/models/" + model + "/aliases/" + trick + "/history")) {
                answers.add(http.send("GET", path, null, null, Map.of()));
            }
        }
        for (var ref : List.of("0", "-1", "99999999999999999999", "1.5", "1e3", "2")) {
            answers.add(http.send("GET", "/models/" + model + "/versions/" + ref + "/artifact", null, null, Map.of()));
        }
        for (var trick : HttpFuzz.pathTricks()) {
            answers.add(http.send("GET", "/models/" + model + "/history?alias=" + trick, null, null, Map.of()));
        }
        answers.add(http.send("GET", "/nothing/here", null, null, Map.of()));
        assertRefused(answers);
        // The request line's limit (4096 bytes) is the HTTP layer's: it answers 414 before the application sees it.
        var overlong = http.send("GET", "/models/" + HttpFuzz.overlongSegment(), null, null, Map.of());
        assertThat(overlong.status()).as(overlong.toString()).isEqualTo(414);
    }

    /** Dot segments are resolved before routing (RFC 3986); whatever they resolve to is the API's own JSON. */
    @Test
    void dotSegmentsStayInsideTheApi() {
        var answers = new ArrayList<Answer>();
        for (var dots : HttpFuzz.dotSegments()) {
            for (var path : List.of("/models/" + dots, "/models/" + model + "/versions/" + dots,
                    "/models/" + model + "/versions/" + dots + "/artifact", "/models/" + model + "/aliases/" + dots)) {
                answers.add(http.send("GET", path, null, null, Map.of()));
            }
        }
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isBetween(200, 499);
            assertThat(a.contentType()).as(a.toString()).contains("json");
            assertThat(a.body()).as(a.toString()).doesNotContain("root:");
        });
    }

    @Test
    void pathTricksInWritesAreRefusedWithAndWithoutTheToken() {
        var answers = new ArrayList<Answer>();
        for (var trick : HttpFuzz.pathTricks()) {
            for (var auth : List.of(TOKEN, Map.<String, String>of())) {
                answers.add(http.send("PUT", "/models/" + trick, JSON, utf8(TestModels.specJson("fuzz", 4, 3)), auth));
                answers.add(http.send("POST", "/models/" + trick + "/versions", BYTES, TestModels.gemm(4, 3), auth));
                answers.add(http.send("PUT", "/models/" + model + "/aliases/" + trick, JSON, utf8("{\"version\": 1}"),
                        auth));
                answers.add(http.send("DELETE", "/models/" + trick, null, null, auth));
                answers.add(http.send("DELETE", "/models/" + model + "/aliases/" + trick, null, null, auth));
            }
        }
        assertRefused(answers);
        assertNothingRegistered();
    }

    @Test
    void badJsonBodiesAreRefused() {
        var answers = new ArrayList<Answer>();
        for (var body : HttpFuzz.badJsonBodies()) {
            answers.add(http.send("POST", "/models", JSON, body, TOKEN));
            answers.add(http.send("PUT", "/models/" + model, JSON, body, TOKEN));
            answers.add(http.send("PUT", "/models/" + model + "/aliases/champion", JSON, body, TOKEN));
            // Metrics travel in a header with raw uploads: printable ASCII, within the header limit.
            var header = new String(body, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");
            if (header.length() < 4000) {
                answers.add(http.send("POST", "/models/" + model + "/versions", BYTES, TestModels.gemm(4, 3, 9),
                        merge(TOKEN, Map.of(VersionsResource.METRICS_HEADER, header))));
            }
        }
        for (var alias : List.of("{\"version\": \"one\"}", "{\"version\": 1e400}", "{\"version\": 99999999999}",
                "{\"version\": -1}", "{\"version\": 1.5}", "{\"version\": null}", "{\"version\": [1]}", "{}",
                "{\"version\": 1, \"reason\": {}}")) {
            answers.add(http.send("PUT", "/models/" + model + "/aliases/champion", JSON, utf8(alias), TOKEN));
        }
        assertRefused(answers);
        assertNothingRegistered();
        var champion = http.send("GET", "/models/" + model + "/aliases/champion", null, null, Map.of());
        assertThat(champion.status()).as("no alias was set: %s", champion).isEqualTo(404);
    }

    @Test
    void wrongContentTypesAndMethodsAreRefused() {
        var answers = new ArrayList<Answer>();
        var spec = utf8(TestModels.specJson(Api.newModelName("ctype"), 4, 3));
        for (var type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "nonsense",
                "multipart/form-data")) {
            answers.add(http.send("POST", "/models", type, spec, TOKEN));
            answers.add(http.send("PUT", "/models/" + model + "/aliases/champion", type, utf8("{\"version\": 1}"), TOKEN));
        }
        answers.add(http.send("POST", "/models/" + model + "/versions", JSON, TestModels.gemm(4, 3), TOKEN));
        answers.add(http.send("POST", "/models/" + model + "/versions", "multipart/form-data; boundary=x",
                utf8("--x\r\nbroken"), TOKEN));
        answers.add(http.send("GET", "/models/" + model, null, null, Map.of("Accept", "text/csv")));
        for (var method : List.of("PATCH", "DELETE", "PUT")) {
            answers.add(http.send(method, "/models", JSON, spec, TOKEN));
        }
        answers.add(http.send("POST", "/models/" + model, JSON, spec, TOKEN));
        answers.add(http.send("PATCH", "/models/" + model + "/aliases/champion", JSON, utf8("{\"version\": 1}"), TOKEN));
        answers.add(http.send("DELETE", "/models/" + model + "/versions/1", null, null, TOKEN));
        answers.add(http.send("PUT", "/models/" + model + "/versions/1/artifact", BYTES, TestModels.gemm(4, 3), TOKEN));
        assertRefused(answers);
    }

    @Test
    void everyWriteNeedsTheRightToken() {
        var answers = new ArrayList<Answer>();
        for (var auth : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer"),
                Map.of("Authorization", "Bearer "), Map.of("Authorization", "bearer " + RegistryTestResource.TOKEN),
                Map.of("Authorization", "Bearer wrong"), Map.of("Authorization", "Bearer " + "t".repeat(4000)),
                Map.of("Authorization", "Basic dGVzdC10b2tlbjo="))) {
            answers.add(http.send("POST", "/models", JSON, utf8(TestModels.specJson(Api.newModelName("t"), 4, 3)), auth));
            answers.add(http.send("PUT", "/models/" + model, JSON, utf8(TestModels.specJson(model, 4, 3)), auth));
            answers.add(http.send("DELETE", "/models/" + model, null, null, auth));
            answers.add(http.send("POST", "/models/" + model + "/versions", BYTES, TestModels.gemm(4, 3, 5), auth));
            answers.add(http.send("PUT", "/models/" + model + "/aliases/champion", JSON, utf8("{\"version\": 1}"), auth));
            answers.add(http.send("DELETE", "/models/" + model + "/aliases/champion", null, null, auth));
        }
        assertRefused(answers);
        assertThat(answers).extracting(Answer::status).containsOnly(401, 403);
        assertNothingRegistered();
        assertThat(http.send("GET", "/models/" + model, null, null, Map.of()).status()).isEqualTo(200);
    }

    private void assertRefused(List<Answer> answers) {
        assertThat(HttpFuzz.notRefused(answers, "message")).as("of %d bad requests, those not refused with a 4xx and a "
                + "JSON message", answers.size()).isEmpty();
    }

    /** Version 1, registered before, is still the only one. */
    private void assertNothingRegistered() {
        var versions = http.send("GET", "/models/" + model + "/versions", null, null, Map.of());
        assertThat(versions.body()).as(versions.toString()).contains("\"version\":1").doesNotContain("\"version\":2");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
