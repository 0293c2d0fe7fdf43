package dev.samuel.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.samuel.contracts.event.DeadLetter;
import dev.samuel.contracts.spec.Input;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Task;
import dev.samuel.contracts.topic.Topics;
import dev.samuel.inference.support.Events;
import dev.samuel.inference.support.OnnxModels;
import dev.samuel.inference.support.Outputs;
import dev.samuel.inference.support.Registry;
import dev.samuel.inference.support.Service;
import dev.samuel.testkit.InjectKafkaBroker;
import dev.samuel.testkit.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against a real broker and a stand-in registry: a model registered at run time is served
 * over Kafka and the Open Inference Protocol, a refused version shows in health and metrics while the old one
 * serves, and the next good version takes over.
 */
@QuarkusTest
@QuarkusTestResource(InferenceTestResource.class)
class InferenceServiceTest {

    static final int FEATURES = 3;
    static final String PREDICTION = "outputs.find { it.name == 'prediction' }";

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void servesOverKafkaAndOipAndSwapsWithoutStopping() throws Exception {
        var model = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        var topics = Topics.of(model);
        broker.createTopic(topics.unlabelled().name(), 2);
        try (var registry = new Registry(broker.bootstrapServers(), InferenceServiceTest::publish);
             var events = new Events(broker.bootstrapServers(), topics.unlabelled().name(), FEATURES)) {
            registry.spec(new ModelSpec(model, new Task(Task.CLASSIFICATION, null, List.of("cat", "dog"), null, null),
                    Input.of(FEATURES), List.of(Layer.dense(2)), null, null, null, null, null, null));
            registry.version(model, 1, OnnxModels.favouring(FEATURES, 2, 1));
            registry.champion(model, 1);
            awaitServing(model, "1");

            given().get("/v2/health/ready").then().statusCode(200);
            given().get("/v2/models/" + model).then().statusCode(200).body("inputs[0].shape", contains(-1, FEATURES));
            infer(model, "[2, 3]", "[[0.1, 0.2, 0.3], [0.5, -0.5, 1]]").statusCode(200)
                    .body("model_version", equalTo("1")).body(PREDICTION + ".data", contains("dog", "dog"))
                    .body("outputs[0].name", equalTo("scores")).body("outputs[0].shape", contains(2, 2))
                    .body("outputs.find { it.name == 'probabilities' }.shape", contains(2, 2));

            for (int i = 0; i < 10; i++) {
                events.send(i);
            }
            events.sendRaw("poison", "{\"features\": [1]}".getBytes(StandardCharsets.UTF_8), null);
            events.flush();
            var predictions = Outputs.predictions(Outputs.all(broker.bootstrapServers(), topics.predictions().name(), 10,
                    Duration.ofSeconds(30)));
            assertThat(predictions).hasSize(10).allSatisfy(p -> assertThat(p.version()).isEqualTo(1));
            var dead = Outputs.all(broker.bootstrapServers(), topics.rejected().name(), 1, Duration.ofSeconds(30));
            assertThat(DeadLetter.header(dead.get(0).headers(), DeadLetter.REASON)).isEqualTo("wrong_dimension");

            given().get("/q/health/ready").then().statusCode(200).body(containsString("\"served." + model + "\": 1"));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("samuel_inference_predictions_total{model=\"" + model + "\",version=\"1\"} 10.0"))
                    .body(containsString("samuel_inference_served_version{model=\"" + model + "\"} 1.0"))
                    .body(containsString("samuel_inference_latency_seconds{model=\"" + model + "\",quantile=\"0.99\"}"))
                    .body(containsString("samuel_inference_batch_size_count{model=\"" + model + "\"}"))
                    .body(containsString("samuel_inference_rejected_total{model=\"" + model
                            + "\",reason=\"wrong_dimension\"} 1.0"));

            registry.version(model, 2, OnnxModels.favouring(FEATURES, 2, 0), OnnxModels.favouring(FEATURES, 2, 1));
            registry.champion(model, 2);
            Service.await(() -> given().get("/q/health/ready").asString().contains("refused." + model),
                    Duration.ofSeconds(30), "the checksum mismatch never showed in health");
            given().get("/q/metrics").then().body(containsString("samuel_inference_load_failures_total{model=\""
                    + model + "\",reason=\"checksum\"} 1.0"));
            infer(model, "[3]", "[1, 1, 1]").statusCode(200).body("model_version", equalTo("1"));

            registry.version(model, 3, OnnxModels.favouring(FEATURES, 2, 0));
            registry.champion(model, 3);
            awaitServing(model, "3");
            infer(model, "[1, 3]", "[1, 1, 1]").statusCode(200).body(PREDICTION + ".data", contains("cat"));
            given().get("/q/metrics").then().body(containsString("samuel_inference_swaps_seconds_count{model=\""
                    + model + "\"} 2.0"));
        }
    }

    @Test
    void refusesBadInferenceRequestsWithAClearMessage() throws Exception {
        var model = "oip-" + UUID.randomUUID().toString().substring(0, 8);
        try (var registry = new Registry(broker.bootstrapServers(), InferenceServiceTest::publish)) {
            registry.spec(Registry.classifier(model, FEATURES, 2));
            registry.version(model, 1, OnnxModels.favouring(FEATURES, 2, 0));
            registry.champion(model, 1);
            awaitServing(model, "1");
        }
        infer(model, "[1, 4]", "[1, 2, 3, 4]").statusCode(400).body("error", containsString("takes 3 features"));
        infer(model, "[2, 3]", "[1, 2, 3]").statusCode(400).body("error", containsString("needs 6 values, data has 3"));
        infer(model, "[1, 3]", "[1, \"x\", 3]").statusCode(400).body("error", containsString("numbers only"));
        given().contentType(ContentType.JSON).body("{\"inputs\": []}").post("/v2/models/" + model + "/infer").then()
                .statusCode(400).body("error", containsString("the model takes 1 input tensor"));
        given().contentType(ContentType.JSON).body("{\"inputs\": [").post("/v2/models/" + model + "/infer").then()
                .statusCode(400).body("error", containsString("not a valid inference request"));
        infer("no-such-model", "[1, 3]", "[1, 2, 3]").statusCode(404).body("error", containsString("not being served"));
        given().get("/v2/models/no-such-model").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse infer(String model, String shape, String data) {
        var body = "{\"id\": \"r1\", \"inputs\": [{\"name\": \"x\", \"shape\": " + shape
                + ", \"datatype\": \"FP32\", \"data\": " + data + "}]}";
        return given().contentType(ContentType.JSON).body(body).post("/v2/models/" + model + "/infer").then();
    }

    static void awaitServing(String model, String version) {
        Service.await(() -> {
            var response = given().get("/v2/models/" + model);
            return response.statusCode() == 200 && response.jsonPath().getList("versions").contains(version);
        }, Duration.ofSeconds(60), model + " never served version " + version);
    }

    /** Publishes an artifact to the stand-in registry over HTTP. */
    static void publish(String key, byte[] artifact) {
        var parts = key.split(":");
        var uri = URI.create(System.getProperty(InferenceTestResource.URL_PROPERTY) + "/models/" + parts[0]
                + "/versions/" + parts[1] + "/artifact");
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(artifact)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(204);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
