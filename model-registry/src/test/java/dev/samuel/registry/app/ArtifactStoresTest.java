package dev.samuel.registry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.registry.config.RegistryConfig;
import dev.samuel.registry.store.DirectoryArtifactStore;
import dev.samuel.registry.store.S3ArtifactStore;
import dev.samuel.registry.store.S3TestServer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store that the configuration names, read through the service's own @ConfigMapping. */
class ArtifactStoresTest {

    static S3TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
        server.createBucket("registry");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aDirectoryByDefault() throws Exception {
        var opened = ArtifactStores.open(artifacts(Map.of("samuel.registry.artifacts.dir", dir.toString())));

        assertThat(opened.store()).isInstanceOf(DirectoryArtifactStore.class);
        assertThat(((DirectoryArtifactStore) opened.store()).root()).isEqualTo(dir);
    }

    @Test
    void theS3StoreWhenConfigured() throws Exception {
        var opened = ArtifactStores.open(artifacts(s3(Map.of("samuel.registry.artifacts.s3.bucket", "registry",
                "samuel.registry.artifacts.s3.prefix", "models"))));

        try (var store = (S3ArtifactStore) opened.store()) {
            assertThat(opened.location()).isEqualTo("s3://registry/models/ at " + server.endpoint());
            var bytes = "an onnx model".getBytes(StandardCharsets.UTF_8);
            var sha256 = store.put(bytes);
            assertThat(store.keyOf(sha256)).startsWith("models/" + sha256.substring(0, 2) + "/");
            assertThat(store.get(sha256)).isEqualTo(bytes);
        }
    }

    @Test
    void refusesToStartWithoutABucket() {
        assertThatThrownBy(() -> ArtifactStores.open(artifacts(s3(Map.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("samuel.registry.artifacts.s3.bucket must be set when samuel.registry.artifacts.store=s3");
    }

    @Test
    void refusesToStartWhenTheBucketIsMissing() {
        var config = artifacts(s3(Map.of("samuel.registry.artifacts.s3.bucket", "nobody-made-this")));

        assertThatThrownBy(() -> ArtifactStores.open(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the S3 artifact bucket 'nobody-made-this' is missing or unreachable");
    }

    @Test
    void refusesHalfTheCredentials() {
        var config = artifacts(Map.of("samuel.registry.artifacts.store", "s3",
                "samuel.registry.artifacts.s3.bucket", "registry",
                "samuel.registry.artifacts.s3.access-key", "only-this"));

        assertThatThrownBy(() -> ArtifactStores.open(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("access-key and .secret-key go together");
    }

    @Test
    void readsTheS3Keys() {
        var settings = ArtifactStores.settings(artifacts(Map.of("samuel.registry.artifacts.s3.bucket", "b",
                "samuel.registry.artifacts.s3.endpoint", "http://minio:9000",
                "samuel.registry.artifacts.s3.path-style", "false",
                "samuel.registry.artifacts.s3.region", "eu-west-1")).s3());

        assertThat(settings.endpoint()).hasValueSatisfying(uri -> assertThat(uri).hasToString("http://minio:9000"));
        assertThat(settings.pathStyle()).isFalse();
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.accessKey()).isEmpty();
    }

    /** The keys of a server of this test, plus the ones given. */
    private static Map<String, String> s3(Map<String, String> more) {
        var keys = new HashMap<>(more);
        keys.put("samuel.registry.artifacts.store", "s3");
        keys.put("samuel.registry.artifacts.s3.endpoint", server.endpoint().toString());
        keys.put("samuel.registry.artifacts.s3.access-key", S3TestServer.ACCESS_KEY);
        keys.put("samuel.registry.artifacts.s3.secret-key", S3TestServer.SECRET_KEY);
        return keys;
    }

    private static RegistryConfig.Artifacts artifacts(Map<String, String> keys) {
        // Quarkus' own converter reads the mapping's "30s" defaults, as at run time.
        var config = new SmallRyeConfigBuilder().withMapping(RegistryConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(keys, "test", 100)).build();
        return config.getConfigMapping(RegistryConfig.class).artifacts();
    }
}
