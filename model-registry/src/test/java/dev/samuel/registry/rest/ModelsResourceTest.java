package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.TestModels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Model specs over real HTTP, on the shared broker: create, update, list, get, and every refusal. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ModelsResourceTest {

    @Test
    void createsListsAndGetsAModel() {
        var name = Api.newModelName("create");
        Api.writer().contentType(ContentType.JSON).body(TestModels.specJson(name, 4, 3)).post("/models")
                .then().statusCode(201).header("Location", containsString("/models/" + name))
                .body("name", equalTo(name)).body("revision", equalTo(1)).body("latestVersion", equalTo(0))
                .body("spec.input.features", equalTo(4)).body("spec.layers[0].dense", equalTo(3));

        given().get("/models").then().statusCode(200).body("name", hasItem(name));
        given().get("/models/" + name).then().statusCode(200)
                .body("spec.loss", equalTo("softmax_cross_entropy")).body("spec.layers[0]", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("dropout")));
    }

    @Test
    void putCreatesThenUpdatesAndAnIdenticalSpecChangesNothing() {
        var name = Api.newModelName("put");
        var spec = TestModels.specJson(name, 4, 3);
        Api.writer().contentType(ContentType.JSON).body(spec).put("/models/" + name)
                .then().statusCode(201).body("revision", equalTo(1));
        Api.writer().contentType(ContentType.JSON).body(spec).put("/models/" + name)
                .then().statusCode(200).body("revision", equalTo(1));
        var updated = spec.replaceFirst("\"epochs\":\\d+", "\"epochs\":9");
        Api.writer().contentType(ContentType.JSON).body(updated).put("/models/" + name)
                .then().statusCode(200).body("revision", equalTo(2)).body("spec.training.epochs", equalTo(9));
    }

    @Test
    void refusesAnExistingModel() {
        var name = Api.createModel("dup");
        Api.writer().contentType(ContentType.JSON).body(TestModels.specJson(name, 4, 3)).post("/models")
                .then().statusCode(409).body("message", containsString("model '" + name + "' already exists"));
    }

    @Test
    void refusesInvalidSpecsNamingEveryProblem() {
        Api.writer().contentType(ContentType.JSON)
                .body("{\"name\": \"bad\", \"task\": {\"type\": \"classification\", \"classes\": 3},"
                        + " \"input\": {\"features\": 0}, \"layers\": [{\"dense\": 3}], \"training\": {\"epochs\": 0}}")
                .post("/models").then().statusCode(400)
                .body("problems", hasItems("input.features must be > 0", "training.epochs must be > 0"));
        Api.writer().contentType(ContentType.JSON).body("{\"name\": \"bad\", \"layerz\": []}").post("/models")
                .then().statusCode(400).body("problems", contains("unknown field 'layerz'"));
        Api.writer().contentType(ContentType.JSON).body("{not json").post("/models")
                .then().statusCode(400).body("message", containsString("invalid model spec"));
        Api.writer().contentType(ContentType.JSON).body("").post("/models")
                .then().statusCode(400).body("message", containsString("it is empty"));
        Api.writer().contentType(ContentType.TEXT).body("name=x").post("/models").then().statusCode(415);
    }

    @Test
    void refusesASpecNamedOtherwiseThanThePath() {
        Api.writer().contentType(ContentType.JSON).body(TestModels.specJson("one", 4, 3)).put("/models/other")
                .then().statusCode(400).body("message", equalTo("the spec is named 'one' but the path names 'other'"));
    }

    @Test
    void answers404ForAnUnknownModel() {
        given().get("/models/nope").then().statusCode(404).body("message", equalTo("no model 'nope'"));
        given().get("/models/nope/history").then().statusCode(404);
    }

    @Test
    void writesNeedTheBearerToken() {
        var spec = TestModels.specJson(Api.newModelName("auth"), 4, 3);
        given().contentType(ContentType.JSON).body(spec).post("/models").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("message", containsString("writes need a bearer token"));
        given().auth().oauth2("wrong").contentType(ContentType.JSON).body(spec).post("/models").then().statusCode(403)
                .body("message", containsString("not the registry's write token"));
        given().header("Authorization", "Basic dXNlcjpwdw==").delete("/models/x/aliases/champion").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"samuel-registry\""));
        given().auth().oauth2("wrong").contentType(ContentType.JSON).body(spec).put("/models/x").then().statusCode(403)
                .body("status", equalTo(403));
    }

    @Test
    void reportsHealthAndDescribesItself() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'samuel-registry-log' }.data.role", equalTo("writer"))
                .body("checks.find { it.name == 'samuel-registry-log' }.data.caughtUp", equalTo(true));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/models/{name}/versions/{ref}/artifact"))
                .body("components.securitySchemes", org.hamcrest.Matchers.hasKey("write-token"));
    }
}
