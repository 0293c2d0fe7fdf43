package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.TestModels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Retiring a model: spec and aliases go, versions and history stay, and a new model of the name numbers on. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ModelDeletionTest {

    @Test
    void aDeletedModelLosesItsSpecAndAliasesButKeepsItsHistory() {
        var model = Api.createModel("retired");
        Api.register(model, 31);
        Api.writer().contentType(ContentType.JSON).body("{\"version\": 1, \"reason\": \"first\"}")
                .put("/models/" + model + "/aliases/champion").then().statusCode(200);

        given().delete("/models/" + model).then().statusCode(401);
        Api.writer().delete("/models/" + model + "?reason=retired").then().statusCode(200)
                .body("name", containsString(model));

        given().get("/models/" + model).then().statusCode(404);
        given().get("/models").then().body("name", not(hasItem(model)));
        Api.writer().delete("/models/" + model).then().statusCode(404);

        Api.writer().contentType(ContentType.JSON).body(TestModels.specJson(model, 4, 3))
                .post("/models").then().statusCode(201);
        given().get("/models/" + model).then().body("aliases.champion", nullValue());
        given().get("/models/" + model + "/history?alias=champion").then().body("$", hasSize(2))
                .body("[1].reason", containsString("retired"));
        assertThat(Api.register(model, 32)).isEqualTo(2);
    }
}
