package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.samuel.registry.RegistryTestResource;
import dev.samuel.testkit.onnx.SklearnPrograms;
import dev.samuel.testkit.onnx.TorchPrograms.Ending;
import dev.samuel.testkit.onnx.TorchPrograms;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Programs other tools wrote, registered with what their output holds declared, probed, or refused by name. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ImportedProgramsTest {

    static String create(String prefix, String task, int last, String loss) {
        var name = Api.newModelName(prefix);
        Api.writer().contentType(ContentType.JSON).body("""
                {"name": "%s", "task": %s, "input": {"features": 4}, "layers": [{"dense": 8}, {"dense": %d}],
                 "loss": "%s"}""".formatted(name, task, last, loss)).post("/models").then().statusCode(201);
        return name;
    }

    static ValidatableResponse upload(String model, byte[] program, String outputs) {
        var request = Api.writer().contentType(ContentType.BINARY).body(program);
        if (outputs != null) {
            request.header(VersionsResource.OUTPUTS_HEADER, outputs);
        }
        return request.post("/models/" + model + "/versions").then();
    }

    @Test
    void aPyTorchExportIsAForeignProgramWhoseLogitsAreProbed() {
        var model = create("torch", "{\"type\": \"classification\", \"classes\": 3}", 3, "softmax_cross_entropy");

        upload(model, TorchPrograms.mlp(4, 8, 3, 1, Ending.LOGITS), null).statusCode(201)
                .body("program.input", equalTo("x")).body("program.output", equalTo("logits"))
                .body("program.kind", equalTo("logits")).body("program.origin", equalTo("foreign"));
        given().get("/models/" + model + "/versions/1/metadata").then()
                .body("'samuel.output_kind'", equalTo("logits")).body("'samuel.origin'", equalTo("foreign"));
    }

    @Test
    void aClassifiersSingleColumnMustBeDeclared() {
        var model = create("binary", "{\"type\": \"classification\", \"classes\": 2}", 1, "binary_cross_entropy");
        var sigmoid = TorchPrograms.mlp(4, 8, 1, 1, Ending.SIGMOID);

        upload(model, sigmoid, null).statusCode(400).body("reason", equalTo("output_kind"))
                .body("message", containsString("never guessed: declare it"));
        upload(model, sigmoid, "shares").statusCode(400)
                .body("message", containsString("Samuel-Outputs: output kind must be one of [probabilities, logits, values]"));
        upload(model, sigmoid, "probabilities").statusCode(201).body("program.kind", equalTo("probabilities"))
                .body("program.width", equalTo(1));
        upload(model, TorchPrograms.mlp(4, 8, 1, 1, Ending.LOGITS), "logits").statusCode(201)
                .body("version", equalTo(2)).body("program.kind", equalTo("logits"));
    }

    @Test
    void aProgramOfOtherWidthsIsRefusedWithBothNamed() {
        var model = create("widths", "{\"type\": \"regression\", \"outputs\": 3}", 3, "mse");

        upload(model, TorchPrograms.mlp(4, 8, 2, 1, Ending.LOGITS), null).statusCode(400)
                .body("reason", equalTo("output_mismatch"))
                .body("message", containsString("'logits' has 2 values per row; the spec of " + model
                        + " needs 3 (task.outputs 3)"));
        upload(model, TorchPrograms.mlp(4, 8, 3, 1, Ending.LOGITS), null).statusCode(201)
                .body("program.kind", equalTo("values"));
    }

    @Test
    void anOnnxMlProgramCanBeRegistered() {
        var model = create("sklearn", "{\"type\": \"classification\", \"classes\": 3}", 3, "softmax_cross_entropy");

        upload(model, SklearnPrograms.linearClassifier(4, 3, 1), null).statusCode(201)
                .body("program.output", equalTo("probabilities")).body("program.kind", equalTo("probabilities"));
    }
}
