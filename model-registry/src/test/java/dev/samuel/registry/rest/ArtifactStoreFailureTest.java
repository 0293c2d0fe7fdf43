package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.TestModels;
import dev.samuel.registry.artifact.MetadataStamp;
import dev.samuel.registry.validate.ModelValidator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot keep an artifact (disk full, unwritable directory) refuses the upload cleanly: a 507 that
 * says so, no version registered, and the registry stays up. Tests run as root, where permissions do not stop a
 * write, so the artifact's own path is taken by a directory instead: the write fails with an IOException as a full
 * or read-only disk would.
 */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ArtifactStoreFailureTest {

    @Test
    void anArtifactTheStoreCannotKeepIsRefusedAndTheRegistryStaysUp() throws Exception {
        var model = Api.createModel("store-failure");
        var onnx = TestModels.gemm(4, 3, 907);
        // What the store is asked to keep: the upload stamped as version 1.
        var signature = new ModelValidator(1 << 20).validate(TestModels.spec(model, 4, 3), onnx, Optional.empty());
        var sha256 = Sha256.hex(MetadataStamp.stamp(onnx, ProgramMetadata.registered(model, 1, signature, Map.of(),
                Map.of())));
        var blocked = RegistryTestResource.ARTIFACTS.resolve(sha256.substring(0, 2)).resolve(sha256);
        Files.createDirectories(blocked.resolve("in-the-way"));

        Api.writer().contentType(ContentType.BINARY).body(onnx).post("/models/" + model + "/versions")
                .then().statusCode(507).contentType(ContentType.JSON)
                .body("message", containsString("the artifact store cannot keep the upload"))
                .body("message", containsString("nothing was registered"));

        given().get("/models/" + model + "/versions").then().statusCode(200).body("$", hasSize(0));
        given().get("/q/health/ready").then().statusCode(200);
        Api.register(model, 908);
        given().get("/models/" + model + "/versions").then().body("$", hasSize(1));
    }
}
