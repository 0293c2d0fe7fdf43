package dev.samuel.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings, under {@code samuel.registry}. Kafka clients take {@code kafka.*}. */
@ConfigMapping(prefix = "samuel.registry")
public interface RegistryConfig {

    /** Bearer token that writes must present; required while this instance writes. Reads are open. */
    Optional<String> writeToken();

    Writer writer();

    Artifacts artifacts();

    /** Replication factor of the registry topic when this service creates it: 3 on a production cluster. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** How long start-up may take to read the registry topic to its end before it fails. */
    @WithDefault("60s")
    Duration catchUpTimeout();

    /** How long a committed write may take to be read back before the request fails (503). */
    @WithDefault("30s")
    Duration applyTimeout();

    interface Writer {

        /** False for a read-only replica: it follows the log and serves reads; writes get 503. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The writer identity, the transactional.id of the log producer. Instances sharing it exclude each other:
         * the latest one started fences the others.
         */
        @WithDefault("samuel-registry-writer")
        String id();
    }

    interface Artifacts {

        /** Where artifacts live: {@code directory} (the default) or {@code s3}, a bucket of an S3-compatible store. */
        @WithDefault("directory")
        Store store();

        /** Directory of the content-addressed artifact store, with {@code store=directory}. */
        @WithDefault("data/artifacts")
        Path dir();

        /** Larger uploads are refused with 413. Keep quarkus.http.limits.max-body-size above it. */
        @WithDefault("67108864")
        long maxBytes();

        /** The bucket, with {@code store=s3}. */
        S3 s3();
    }

    enum Store { DIRECTORY, S3 }

    interface S3 {

        /** The server, for MinIO, Ceph and the like (http://minio:9000); unset for AWS S3. */
        Optional<URI> endpoint();

        /** Required with store=s3; it must exist: the registry does not create it. */
        Optional<String> bucket();

        /** The signing region; S3-compatible servers mostly accept any. */
        @WithDefault("us-east-1")
        String region();

        /** A folder in the bucket for the artifacts ("models" or "models/"); unset: the bucket's root. */
        Optional<String> prefix();

        /** http://host/bucket/key rather than http://bucket.host/key: what most S3-compatible servers need. */
        @WithDefault("true")
        boolean pathStyle();

        /** With secret-key, static credentials; neither set: the AWS SDK's default credentials chain. */
        Optional<String> accessKey();

        Optional<String> secretKey();
    }
}
