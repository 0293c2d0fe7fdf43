package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.samuel.contracts.registry.Sha256;
import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.store.S3Clients;
import dev.samuel.registry.store.S3Settings;
import dev.samuel.registry.store.S3TestServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The whole service on store=s3: artifacts go to the bucket, and a tampered object is refused and counted. */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
@QuarkusTestResource(RegistryTestResource.class)
class S3StoreResourceTest {

    @Test
    void storesArtifactsInTheBucketAndNeverServesATamperedOne() {
        var model = Api.createModel("s3");
        Api.register(model, 41);
        String sha256 = given().get("/models/" + model + "/versions/1").then().extract().path("sha256");
        var key = S3StoreProfile.PREFIX + sha256.substring(0, 2) + "/" + sha256;

        try (var s3 = S3Clients.open(settings())) {
            var stored = s3.getObjectAsBytes(request -> request.bucket(S3StoreProfile.BUCKET).key(key));
            var onnx = stored.asByteArray();
            assertThat(Sha256.hex(onnx)).isEqualTo(sha256);
            given().get("/models/" + model + "/versions/1/artifact").then().statusCode(200)
                    .header("ETag", "\"" + sha256 + "\"");

            var damaged = onnx.clone();
            damaged[damaged.length - 1] ^= 0x01;
            s3.putObject(request -> request.bucket(S3StoreProfile.BUCKET).key(key), RequestBody.fromBytes(damaged));
        }

        given().get("/models/" + model + "/versions/1/artifact").then().statusCode(500)
                .contentType(ContentType.JSON)
                .body("message", containsString("the artifact of " + model + " version 1 is not served"))
                .body("message", containsString("artifact " + sha256 + " is corrupt: the stored object s3://"));
        given().get("/q/metrics").then().body(containsString(
                "samuel_registry_artifact_corrupt_total{model=\"" + model + "\"} 1.0"));
    }

    /** The service's own bucket, reached around it. */
    private static S3Settings settings() {
        var endpoint = ConfigProvider.getConfig().getValue("samuel.registry.artifacts.s3.endpoint", String.class);
        return new S3Settings(Optional.of(URI.create(endpoint)), S3StoreProfile.BUCKET, "us-east-1", "", true,
                Optional.of(S3TestServer.ACCESS_KEY), Optional.of(S3TestServer.SECRET_KEY));
    }
}
