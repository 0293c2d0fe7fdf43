package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.registry.RegistryTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Promotions, roll-backs and deletions of aliases, and their history. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class AliasesResourceTest {

    @Test
    void promotesRollsBackAndDeletesKeepingTheHistory() {
        var model = modelWithVersions(3);
        var champion = "/models/" + model + "/aliases/champion";
        move(champion, 1, "first").then().statusCode(200).body("version", equalTo(1)).body("reason", equalTo("first"));
        move(champion, 3, "better").then().statusCode(200).body("version", equalTo(3));
        move(champion, 2, "roll back").then().statusCode(200).body("version", equalTo(2));
        move("/models/" + model + "/aliases/challenger", 3, null).then().statusCode(200);

        given().get(champion).then().statusCode(200).body("version", equalTo(2)).body("alias", equalTo("champion"));
        given().get("/models/" + model + "/aliases").then().statusCode(200)
                .body("champion.version", equalTo(2)).body("challenger.version", equalTo(3));
        given().get("/models/" + model + "/versions/champion").then().statusCode(200).body("version", equalTo(2));
        given().get("/models/" + model).then().body("aliases.champion", equalTo(2));
        given().get("/q/metrics").then().body(containsString(
                "samuel_registry_alias_version{alias=\"champion\",model=\"" + model + "\"} 2.0"));

        Api.writer().queryParam("reason", "retired").delete("/models/" + model + "/aliases/challenger")
                .then().statusCode(200).body("version", equalTo(3));
        given().get("/models/" + model + "/aliases/challenger").then().statusCode(404);

        given().get(champion + "/history").then().statusCode(200)
                .body("toVersion", equalTo(List.of(1, 3, 2))).body("fromVersion[0]", nullValue())
                .body("fromVersion", equalTo(java.util.Arrays.asList(null, 1, 3)))
                .body("reason", equalTo(List.of("first", "better", "roll back")));
        given().get("/models/" + model + "/history").then().statusCode(200)
                .body("sequence", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("alias[4]", equalTo("challenger")).body("toVersion[4]", nullValue())
                .body("reason[4]", equalTo("retired"));
        given().queryParam("alias", "challenger").get("/models/" + model + "/history").then()
                .body("sequence", equalTo(List.of(4, 5)));
    }

    @Test
    void settingAnAliasToItsVersionAgainChangesNothing() {
        var model = modelWithVersions(1);
        move("/models/" + model + "/aliases/" + AliasRecord.CHAMPION, 1, "first").then().statusCode(200);
        move("/models/" + model + "/aliases/" + AliasRecord.CHAMPION, 1, "again").then().statusCode(200)
                .body("reason", equalTo("first"));
        given().get("/models/" + model + "/history").then().body("size()", equalTo(1));
    }

    @Test
    void refusesBadMoves() {
        var model = modelWithVersions(1);
        var champion = "/models/" + model + "/aliases/champion";
        move(champion, 2, null).then().statusCode(404)
                .body("message", equalTo("model '" + model + "' has no version 2 (latest: 1)"));
        move("/models/nope/aliases/champion", 1, null).then().statusCode(404).body("message", equalTo("no model 'nope'"));
        move("/models/" + model + "/aliases/7up", 1, null).then().statusCode(400)
                .body("message", containsString("alias must be 1-64 characters"));
        Api.writer().contentType(ContentType.JSON).body("{\"reason\": \"no version\"}").put(champion)
                .then().statusCode(400).body("message", containsString("must name the version"));
        Api.writer().contentType(ContentType.JSON).body("{\"version\": \"one\"}").put(champion)
                .then().statusCode(400).body("message", containsString("the body must be {\"version\""));
        Api.writer().contentType(ContentType.JSON).body("").put(champion).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"version\": 1}").put(champion).then().statusCode(401);
    }

    @Test
    void answers404ForUnknownAliases() {
        var model = modelWithVersions(1);
        given().get("/models/" + model + "/aliases/champion").then().statusCode(404)
                .body("message", equalTo("model '" + model + "' has no alias 'champion'"));
        Api.writer().delete("/models/" + model + "/aliases/champion").then().statusCode(404);
        given().get("/models/nope/aliases").then().statusCode(404);
        given().get("/models/nope/aliases/champion/history").then().statusCode(404);
        given().get("/models/" + model + "/aliases").then().statusCode(200).body("size()", equalTo(0));
    }

    private static String modelWithVersions(int count) {
        var model = Api.createModel("alias");
        for (int seed = 1; seed <= count; seed++) {
            Api.register(model, seed);
        }
        return model;
    }

    private static io.restassured.response.Response move(String path, int version, String reason) {
        var body = reason == null ? "{\"version\": " + version + "}"
                : "{\"version\": " + version + ", \"reason\": \"" + reason + "\"}";
        return Api.writer().contentType(ContentType.JSON).body(body).put(path);
    }
}
