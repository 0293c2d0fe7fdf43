package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;

import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.TestModels;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests the tests repeat: an authorised writer, a fresh model, a registered version. */
final class Api {

    private Api() {
    }

    /** A model name no other test uses: the tests share one broker and one registry log. */
    static String newModelName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification writer() {
        return given().auth().oauth2(RegistryTestResource.TOKEN);
    }

    /** A model 4 -> 3, created. */
    static String createModel(String prefix) {
        var name = newModelName(prefix);
        writer().contentType(ContentType.JSON).body(TestModels.specJson(name, 4, 3))
                .post("/models").then().statusCode(201);
        return name;
    }

    static int register(String model, int seed) {
        return writer().multiPart("model", "m.onnx", TestModels.gemm(4, 3, seed), "application/octet-stream")
                .multiPart("metrics", "{\"test_loss\": " + (1.0 / seed) + "}")
                .post("/models/" + model + "/versions")
                .then().statusCode(201).extract().path("version");
    }
}
