package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.json.Json;
import dev.samuel.contracts.spec.ModelSpecSchema;
import dev.samuel.registry.RegistryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The spec's JSON Schema over real HTTP: public, served as contracts publishes it, and in the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class SchemasResourceTest {

    @Test
    void servesTheModelSpecSchemaWithoutAToken() throws Exception {
        var body = given().get("/schemas/model-spec.json").then().statusCode(200)
                .header("Content-Type", startsWith(ModelSpecSchema.MEDIA_TYPE))
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("properties", hasKey("layers"))
                .extract().asByteArray();

        assertThat(tree(body)).isEqualTo(tree(ModelSpecSchema.bytes()));
    }

    @Test
    void answersAClientThatAcceptsOnlyJson() {
        given().accept("application/json").get("/schemas/model-spec.json").then().statusCode(200)
                .header("Content-Type", startsWith("application/json"))
                .body("title", equalTo("Samuel model spec"));
    }

    @Test
    void isInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/schemas/model-spec.json"));
    }

    private static JsonNode tree(byte[] json) throws Exception {
        return Json.MAPPER.readTree(json);
    }
}
