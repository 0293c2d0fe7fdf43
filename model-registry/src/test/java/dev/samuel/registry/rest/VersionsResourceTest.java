package dev.samuel.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.samuel.contracts.registry.Sha256;
import dev.samuel.registry.RegistryTestResource;
import dev.samuel.registry.TestModels;
import dev.samuel.registry.artifact.MetadataStamp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Registering versions and downloading artifacts over real HTTP, with real ONNX Runtime validation. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class VersionsResourceTest {

    @Test
    void registersAMultipartUploadAndServesItStampedWithWhatItIs() throws Exception {
        var model = Api.createModel("form");
        var onnx = TestModels.gemm(4, 3);
        var registered = Api.writer().multiPart("model", "m.onnx", onnx, "application/octet-stream")
                .multiPart("metrics", "{\"test_loss\": 0.25, \"test_accuracy\": 0.9}")
                .multiPart("lineage", "{\"job\": \"job-7\", \"parent\": \"3\"}")
                .post("/models/" + model + "/versions")
                .then().statusCode(201).header("Location", containsString("/models/" + model + "/versions/1"))
                .body("version", equalTo(1)).body("metrics.test_loss", equalTo(0.25f)).body("lineage.job", equalTo("job-7"))
                .body("program.input", equalTo("features")).body("program.output", equalTo("scores"))
                .body("program.width", equalTo(3)).body("program.kind", equalTo("logits"))
                .body("program.origin", equalTo("foreign")).extract();
        String sha256 = registered.path("sha256");

        var download = given().get("/models/" + model + "/versions/1/artifact").then().statusCode(200)
                .contentType("application/octet-stream").header("ETag", "\"" + sha256 + "\"")
                .extract().asByteArray();
        assertThat(Sha256.hex(download)).isEqualTo(sha256);
        assertThat(download.length).isEqualTo((int) registered.path("sizeBytes")).isGreaterThan(onnx.length);
        assertThat(MetadataStamp.read(download)).containsEntry("samuel.model", model).containsEntry("samuel.version", "1")
                .containsEntry("samuel.output_kind", "logits").containsEntry("samuel.origin", "foreign")
                .containsEntry("samuel.metric.test_loss", "0.25").containsEntry("samuel.lineage.job", "job-7");
        given().get("/models/" + model + "/versions/1/metadata").then().statusCode(200)
                .body("'samuel.version'", equalTo("1")).body("'samuel.lineage.parent'", equalTo("3"));
        given().header("If-None-Match", "\"" + sha256 + "\"").get("/models/" + model + "/versions/1/artifact")
                .then().statusCode(304);
        given().get("/models/" + model).then().body("latestVersion", equalTo(1));
    }

    @Test
    void registersRawBytesWithMetricsInHeaders() {
        var model = Api.createModel("bytes");
        Api.writer().contentType(ContentType.BINARY).body(TestModels.gemm(4, 3, 2))
                .header(VersionsResource.METRICS_HEADER, "{\"test_loss\": 0.5}")
                .header(VersionsResource.LINEAGE_HEADER, "{\"job\": \"job-8\"}")
                .post("/models/" + model + "/versions")
                .then().statusCode(201).body("version", equalTo(1)).body("metrics.test_loss", equalTo(0.5f))
                .body("lineage.job", equalTo("job-8"));
        Api.register(model, 3);

        given().get("/models/" + model + "/versions").then().statusCode(200).body("version", equalTo(List.of(1, 2)));
        given().get("/models/" + model + "/versions/2").then().statusCode(200).body("lineage", equalTo(java.util.Map.of()));
    }

    @Test
    void fiftyConcurrentRegistrationsGetFiftyConsecutiveVersions() throws Exception {
        var model = Api.createModel("concurrent");
        var pool = Executors.newFixedThreadPool(16);
        try {
            var futures = IntStream.rangeClosed(1, 50)
                    .mapToObj(seed -> CompletableFuture.supplyAsync(() -> Api.register(model, seed), pool)).toList();
            var versions = futures.stream().map(CompletableFuture::join).toList();
            assertThat(versions).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        } finally {
            pool.shutdown();
        }
        given().get("/models/" + model + "/versions").then().body("size()", equalTo(50));
    }

    @Test
    void refusesUploadsThatDoNotFitTheSpecNamingTheProblem() {
        var model = Api.createModel("invalid");
        assertRefused(model, TestModels.gemm(5, 3), 400, "input_mismatch", "takes 5 features per row; the spec of " + model + " has 4");
        assertRefused(model, TestModels.gemm(4, 2), 400, "output_mismatch", "has 2 values per row; the spec of " + model + " needs 3");
        assertRefused(model, TestModels.corrupt(), 400, "not_onnx", "not an ONNX model");
        assertRefused(model, TestModels.withExternalData(4, 3), 400, "external_data", "external file");
        assertRefused(model, TestModels.dangling(4, 3), 400, "not_loadable", "ONNX Runtime cannot load the program");
        assertRefused(model, TestModels.padded(4, 3, RegistryTestResource.MAX_BYTES), 413, "too_large",
                "over the limit of " + RegistryTestResource.MAX_BYTES + " bytes");
        Api.writer().contentType(ContentType.BINARY).body(new byte[0]).post("/models/" + model + "/versions")
                .then().statusCode(400).body("reason", equalTo("empty"));

        given().get("/models/" + model + "/versions").then().statusCode(200).body("size()", equalTo(0));
        given().get("/q/metrics").then().body(containsString(
                "samuel_registry_validation_failures_total{model=\"" + model + "\",reason=\"input_mismatch\"} 1.0"));
    }

    @Test
    void refusesMalformedRegistrations() {
        var model = Api.createModel("malformed");
        var versions = "/models/" + model + "/versions";
        Api.writer().multiPart("metrics", "{}").post(versions).then().statusCode(400)
                .body("message", containsString("the form needs a field 'model'"));
        Api.writer().multiPart("model", "m.onnx", TestModels.gemm(4, 3), "application/octet-stream")
                .multiPart("metrics", "{\"loss\": \"low\"}").post(versions).then().statusCode(400)
                .body("message", containsString("metrics must be a JSON object of numbers"));
        Api.writer().multiPart("model", "m.onnx", TestModels.gemm(4, 3), "application/octet-stream")
                .multiPart("lineage", "[1, 2]").post(versions).then().statusCode(400)
                .body("message", containsString("lineage must be a JSON object of strings"));
        Api.writer().contentType(ContentType.BINARY).body(TestModels.gemm(4, 3)).post("/models/nope/versions")
                .then().statusCode(404).body("message", equalTo("no model 'nope'"));
        Api.writer().contentType(ContentType.TEXT).body("hello").post(versions).then().statusCode(415);
        given().contentType(ContentType.BINARY).body(TestModels.gemm(4, 3)).post(versions).then().statusCode(401);
    }

    @Test
    void answers404ForUnknownVersionsAndAliases() {
        var model = Api.createModel("unknown");
        Api.register(model, 1);
        given().get("/models/" + model + "/versions/2").then().statusCode(404)
                .body("message", equalTo("model '" + model + "' has no version 2 (latest: 1)"));
        given().get("/models/" + model + "/versions/champion/artifact").then().statusCode(404)
                .body("message", equalTo("model '" + model + "' has no alias 'champion'"));
        given().get("/models/nope/versions").then().statusCode(404);
        given().get("/models/nope/versions/1/artifact").then().statusCode(404);
    }

    @Test
    void neverServesACorruptedArtifact() throws Exception {
        var model = Api.createModel("corrupt");
        Api.register(model, 77);
        String sha256 = given().get("/models/" + model + "/versions/1").then().extract().path("sha256");
        var onnx = Files.readAllBytes(RegistryTestResource.ARTIFACTS.resolve(sha256.substring(0, 2)).resolve(sha256));
        var file = RegistryTestResource.ARTIFACTS.resolve(sha256.substring(0, 2)).resolve(sha256);
        var damaged = onnx.clone();
        damaged[damaged.length - 1] ^= 0x01;
        Files.write(file, damaged);

        given().get("/models/" + model + "/versions/1/artifact").then().statusCode(500)
                .contentType(ContentType.JSON)
                .body("message", containsString("the artifact of " + model + " version 1 is not served"))
                .body("message", containsString("artifact " + sha256 + " is corrupt"));
        given().get("/q/metrics").then().body(containsString(
                "samuel_registry_artifact_corrupt_total{model=\"" + model + "\"} 1.0"));
    }

    @Test
    void exposesVersionMetrics() {
        var model = Api.createModel("metrics");
        Api.register(model, 1);
        Api.register(model, 2);
        int size = given().get("/models/" + model + "/versions").then().extract().path("sizeBytes.sum()");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("samuel_registry_versions{model=\"" + model + "\"} 2.0"))
                .body(containsString("samuel_registry_latest_version{model=\"" + model + "\"} 2.0"))
                .body(containsString("samuel_registry_artifact_bytes{model=\"" + model + "\"} " + size + ".0"));
    }

    private static void assertRefused(String model, byte[] onnx, int status, String reason, String message) {
        Api.writer().multiPart("model", "m.onnx", onnx, "application/octet-stream").post("/models/" + model + "/versions")
                .then().statusCode(status).body("reason", equalTo(reason)).body("message", containsString(message));
    }
}
