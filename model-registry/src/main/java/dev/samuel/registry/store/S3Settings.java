package dev.samuel.registry.store;

import java.net.URI;
import java.util.Optional;

/**
 * Where the S3 artifact store is and how to reach it.
 *
 * @param endpoint  the server, for MinIO, Ceph and the like; empty for AWS S3, found from the region
 * @param region    the signing region; S3-compatible servers mostly accept any, conventionally us-east-1
 * @param prefix    prepended to every key as is: {@code ""}, or a folder such as {@code "models/"}
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what most
 *                  S3-compatible servers need, since they have no per-bucket DNS names
 * @param accessKey with {@code secretKey}, static credentials; both empty: the AWS SDK's default chain
 *                  (environment, system properties, profile, container or instance role)
 */
public record S3Settings(Optional<URI> endpoint, String bucket, String region, String prefix, boolean pathStyle,
                         Optional<String> accessKey, Optional<String> secretKey) {

    public S3Settings {
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("samuel.registry.artifacts.s3.access-key and .secret-key go"
                    + " together: set both, or neither to use the AWS SDK's default credentials chain");
        }
    }

    /** Where the artifacts are, for messages: {@code s3://bucket/prefix} and the endpoint if one is set. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + endpoint.map(uri -> " at " + uri).orElse("");
    }
}
