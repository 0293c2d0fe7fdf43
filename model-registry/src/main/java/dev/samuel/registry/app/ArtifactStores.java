package dev.samuel.registry.app;

import dev.samuel.registry.config.RegistryConfig;
import dev.samuel.registry.store.ArtifactStore;
import dev.samuel.registry.store.DirectoryArtifactStore;
import dev.samuel.registry.store.S3ArtifactStore;
import dev.samuel.registry.store.S3Clients;
import dev.samuel.registry.store.S3Settings;
import java.io.IOException;

/** Opens the artifact store that {@code samuel.registry.artifacts.store} names. */
final class ArtifactStores {

    /** The store, and where it keeps the artifacts, for the start-up log. */
    record Opened(ArtifactStore store, String location) {
    }

    private ArtifactStores() {
    }

    static Opened open(RegistryConfig.Artifacts config) throws IOException {
        return switch (config.store()) {
            case DIRECTORY -> new Opened(new DirectoryArtifactStore(config.dir()),
                    config.dir().toAbsolutePath().toString());
            case S3 -> openS3(settings(config.s3()));
        };
    }

    /** Checks the bucket before the service answers: an unreachable one stops the start with the reason. */
    private static Opened openS3(S3Settings settings) {
        var store = new S3ArtifactStore(S3Clients.open(settings), settings.bucket(), settings.prefix());
        try {
            store.checkBucket();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new Opened(store, settings.describe());
    }

    static S3Settings settings(RegistryConfig.S3 s3) {
        var bucket = s3.bucket().filter(name -> !name.isBlank()).orElseThrow(() -> new IllegalStateException(
                "samuel.registry.artifacts.s3.bucket must be set when samuel.registry.artifacts.store=s3"));
        var prefix = s3.prefix().map(value -> value.endsWith("/") ? value : value + "/").orElse("");
        return new S3Settings(s3.endpoint(), bucket, s3.region(), prefix, s3.pathStyle(), s3.accessKey(),
                s3.secretKey());
    }
}
