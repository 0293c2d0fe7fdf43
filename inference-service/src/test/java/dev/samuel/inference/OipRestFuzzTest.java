package dev.samuel.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Registry;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad requests to the Open Inference Protocol endpoints while a model (3 features, 2 classes) is served: bad JSON,
 * malformed tensors, path tricks, wrong methods and content types, bodies above the limits. Each must be a 4xx with
 * OIP's JSON {@code error} (never a 5xx, never a hang: 10 s timeout); the model keeps answering good requests.
 */
@QuarkusTest
@QuarkusTestResource(InferenceTestResource.class)
class OipRestFuzzTest {

    static final String JSON = "application/json";
    /** Quarkus' default quarkus.http.limits.max-body-size. */
    static final int HTTP_BODY_LIMIT = 10 * 1024 * 1024;
    static String model;

    @InjectKafkaBroker
    KafkaBroker broker;

    @TestHTTPResource("")
    URL root;

    HttpFuzz http;

    @BeforeEach
    void serve() {
        http = new HttpFuzz(root.toString().replaceAll("/$", ""));
        if (model != null) {
            return;
        }
        model = "oipfuzz-" + UUID.randomUUID().toString().substring(0, 8);
        try (var registry = new Registry(broker.bootstrapServers(), InferenceServiceTest::publish)) {
            registry.spec(Registry.classifier(model, 3, 2));
            registry.version(model, 1, OnnxModels.favouring(3, 2, 0));
            registry.champion(model, 1);
        }
        InferenceServiceTest.awaitServing(model, "1");
    }

    @Test
    void badBodiesAreRefused() {
        var answers = new ArrayList<Answer>();
        for (var body : HttpFuzz.badJsonBodies()) {
            answers.add(infer(body));
        }
        for (var input : List.of("null", "{}", "[]", "{\"shape\": [null, 3], \"datatype\": \"FP32\", \"data\": [1, 2, 3]}",
                tensor("[\"x\", 3]", "[1, 2, 3]"), tensor("[1e400, 3]", "[1, 2, 3]"), tensor("[-1, 3]", "[1, 2, 3]"),
                tensor("[0, 3]", "[]"), tensor("[99999999999999, 3]", "[1, 2, 3]"), tensor("[1, 3, 1]", "[1, 2, 3]"),
                tensor("[]", "[1, 2, 3]"), tensor("[10001, 3]", "[1, 2, 3]"), tensor("[1, 3]", "[1, 2, 1e400]"),
                tensor("[1, 3]", "[1, 2, NaN]"), tensor("[1, 3]", "[1, 2, \"3\"]"), tensor("[1, 3]", "[1, 2, null]"),
                tensor("[1, 3]", "[1, 2, {}]"), tensor("[1, 3]", "null"),
                tensor("[1, 3]", "[1, 2, 3, 4]"), tensor("[1, 3]", "[" + "[".repeat(5000) + "1" + "]".repeat(5000) + "]"),
                "{\"name\": \"x\", \"shape\": [1, 3], \"datatype\": \"BYTES\", \"data\": [\"a\", \"b\", \"c\"]}",
                "{\"name\": \"x\", \"shape\": [1, 3], \"datatype\": null, \"data\": [1, 2, 3]}",
                "{\"name\": \"x\", \"shape\": [1, 3], \"data\": [1, 2, 3]}")) {
            answers.add(infer(utf8("{\"id\": \"r\", \"inputs\": [" + input + "]}")));
        }
        for (var request : List.of("{\"id\": {}, \"inputs\": [" + tensor("[1, 3]", "[1, 2, 3]") + "]}",
                "{\"inputs\": {}}", "{\"inputs\": \"x\"}", "{\"inputs\": null}",
                "{\"inputs\": [" + tensor("[1, 3]", "[1, 2, 3]") + ", " + tensor("[1, 3]", "[1, 2, 3]") + "]}")) {
            answers.add(infer(utf8(request)));
        }
        assertRefused(answers);
        assertStillServing();
    }

    @Test
    void pathTricksMethodsAndContentTypesAreRefused() {
        var answers = new ArrayList<Answer>();
        var good = goodRequest();
        for (var trick : HttpFuzz.pathTricks()) {
            answers.add(http.send("GET", "/v2/models/" + trick, null, null, Map.of()));
            answers.add(http.send("GET", "/v2/models/" + trick + "/ready", null, null, Map.of()));
            answers.add(http.send("POST", "/v2/models/" + trick + "/infer", JSON, good, Map.of()));
            answers.add(http.send("POST", "/v2/models/" + model + "/versions/" + trick + "/infer", JSON, good, Map.of()));
        }
        for (var type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "nonsense",
                "multipart/form-data; boundary=x")) {
            answers.add(http.send("POST", "/v2/models/" + model + "/infer", type, good, Map.of()));
        }
        answers.add(http.send("GET", "/v2/models/" + model, null, null, Map.of("Accept", "text/csv")));
        for (var method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            answers.add(http.send(method, "/v2/models/" + model + "/infer", JSON, good, Map.of()));
        }
        answers.add(http.send("POST", "/v2/models/" + model, JSON, good, Map.of()));
        answers.add(http.send("DELETE", "/v2", null, null, Map.of()));
        answers.add(http.send("GET", "/v2/nothing/here", null, null, Map.of()));
        answers.add(http.send("GET", "/nothing", null, null, Map.of()));
        assertRefused(answers);
        for (var dots : HttpFuzz.dotSegments()) {
            var answer = http.send("GET", "/v2/models/" + model + "/" + dots, null, null, Map.of());
            assertThat(answer.status()).as(answer.toString()).isBetween(200, 499);
            assertThat(answer.body()).as(answer.toString()).doesNotContain("root:");
        }
        assertStillServing();
    }

    @Test
    void bodiesAboveTheLimitsAreRefused() {
        // Legal JSON of about 9 MB, under the HTTP limit: too many values for its shape.
        var values = "1,".repeat(4_500_000) + "1";
        var many = http.send("POST", "/v2/models/" + model + "/infer", JSON,
                utf8("{\"inputs\": [" + tensor("[1, 3]", "[" + values + "]") + "]}"), Map.of());
        assertRefused(List.of(many));
        var overlong = http.send("GET", "/v2/models/" + HttpFuzz.overlongSegment(), null, null, Map.of());
        assertThat(overlong.status()).as(overlong.toString()).isEqualTo(414);
        var huge = http.send("POST", "/v2/models/" + model + "/infer", JSON, new byte[HTTP_BODY_LIMIT + 1], Map.of());
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertStillServing();
    }

    private Answer infer(byte[] body) {
        return http.send("POST", "/v2/models/" + model + "/infer", JSON, body, Map.of());
    }

    private void assertStillServing() {
        var answer = http.send("POST", "/v2/models/" + model + "/infer", JSON, goodRequest(), Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body()).as(answer.toString()).contains("\"model_version\":\"1\"");
    }

    private static void assertRefused(List<Answer> answers) {
        assertThat(HttpFuzz.notRefused(answers, "error")).as("of %d bad requests, those not refused with a 4xx and a "
                + "JSON error", answers.size()).isEmpty();
    }

    private static byte[] goodRequest() {
        return utf8("{\"id\": \"ok\", \"inputs\": [" + tensor("[1, 3]", "[0.1, 0.2, 0.3]") + "]}");
    }

    private static String tensor(String shape, String data) {
        return "{\"name\": \"x\", \"shape\": " + shape + ", \"datatype\": \"FP32\", \"data\": " + data + "}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
