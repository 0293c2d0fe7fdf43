package dev.samuel.registry.store;

import dev.samuel.contracts.registry.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 store against a real S3 server (S3Proxy, in this JVM): the same guarantees as the directory store. */
class S3ArtifactStoreTest {

    static final byte[] BYTES = "an onnx model".getBytes(StandardCharsets.UTF_8);
    static final byte[] TAMPERED = "tampered".getBytes(StandardCharsets.UTF_8);

    static S3TestServer server;
    static S3Client direct;
    static int buckets;

    String bucket;
    S3ArtifactStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
        direct = server.client();
    }

    @AfterAll
    static void stopServer() throws Exception {
        direct.close();
        server.close();
    }

    @BeforeEach
    void openStore() {
        bucket = "artifacts-" + ++buckets;
        server.createBucket(bucket);
        store = new S3ArtifactStore(S3Clients.open(server.settings(bucket, "models/")), bucket, "models/");
        store.checkBucket();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void storesBytesUnderTheirSha256AndReadsThemBack() throws Exception {
        var sha256 = store.put(BYTES);

        assertThat(sha256).isEqualTo(Sha256.hex(BYTES));
        assertThat(store.keyOf(sha256)).isEqualTo("models/" + sha256.substring(0, 2) + "/" + sha256);
        assertThat(keys()).containsExactly(store.keyOf(sha256));
        assertThat(store.get(sha256)).isEqualTo(BYTES);
    }

    @Test
    void storingTheSameBytesAgainChangesNothing() throws Exception {
        var sha256 = store.put(BYTES);

        assertThat(store.put(BYTES)).isEqualTo(sha256);
        assertThat(keys()).as("one object per content").containsExactly(store.keyOf(sha256));
        assertThat(store.get(sha256)).isEqualTo(BYTES);
    }

    @Test
    void neverServesATamperedObject() throws Exception {
        var sha256 = store.put(BYTES);
        direct.putObject(request -> request.bucket(bucket).key(store.keyOf(sha256)), RequestBody.fromBytes(TAMPERED));

        assertThatThrownBy(() -> store.get(sha256)).isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("artifact " + sha256 + " is corrupt")
                .hasMessageContaining("s3://" + bucket + "/" + store.keyOf(sha256))
                .hasMessageContaining("hashes to " + Sha256.hex(TAMPERED));

        store.put(BYTES);
        assertThat(store.get(sha256)).as("storing the bytes again repairs the object").isEqualTo(BYTES);
    }

    @Test
    void reportsAMissingObject() throws Exception {
        var sha256 = store.put(BYTES);
        direct.deleteObject(request -> request.bucket(bucket).key(store.keyOf(sha256)));

        assertThatThrownBy(() -> store.get(sha256)).isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("artifact " + sha256 + " is missing from s3://" + bucket);
        assertThatThrownBy(() -> store.get(Sha256.hex(TAMPERED))).isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("is missing");
    }

    @Test
    void refusesAMissingBucketAndWrongCredentials() {
        try (var missing = new S3ArtifactStore(S3Clients.open(server.settings("no-such-bucket", "")),
                "no-such-bucket", "")) {
            assertThatThrownBy(missing::checkBucket).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the S3 artifact bucket 'no-such-bucket' is missing or unreachable");
        }
        var settings = server.settings(bucket, "");
        var wrongKey = new S3Settings(settings.endpoint(), bucket, "us-east-1", "", true,
                settings.accessKey(), java.util.Optional.of("wrong-secret"));
        try (var denied = new S3ArtifactStore(S3Clients.open(wrongKey), bucket, "")) {
            assertThatThrownBy(denied::checkBucket).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'" + bucket + "' is missing or unreachable");
            assertThatThrownBy(() -> denied.put(BYTES)).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("cannot store artifact");
        }
    }

    @Test
    void storesLargeArtifacts() throws Exception {
        var large = new byte[5 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(large);

        assertThat(store.get(store.put(large))).isEqualTo(large);
    }

    private java.util.List<String> keys() {
        return direct.listObjectsV2(request -> request.bucket(bucket)).contents().stream().map(S3Object::key)
                .toList();
    }
}
