package dev.samuel.registry.store;

import dev.samuel.contracts.registry.Sha256;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Artifacts as objects {@code <prefix><sha256[0..2]>/<sha256>} of one bucket of an S3-compatible store (AWS S3,
 * MinIO, Ceph, ...). An S3 PUT is atomic: a reader sees the whole object or none, so one PUT of the complete
 * bytes does what the directory store's temporary file and rename do. Reads are checked against the SHA-256
 * exactly as files are: an object that is missing or altered is never served.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    /** Takes the client over: closing the store closes it. {@link S3Clients} builds one from settings. */
    public S3ArtifactStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** The object key of the artifact with this SHA-256. */
    public String keyOf(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return prefix + sha256.substring(0, 2) + "/" + sha256;
    }

    /**
     * Fails with the reason unless the bucket exists and these credentials reach it: a registry that could
     * register versions but not store their artifacts must not start.
     */
    public void checkBucket() {
        try {
            client.headBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw new IllegalStateException("the S3 artifact bucket '" + bucket + "' is missing or unreachable ("
                    + e.getMessage() + "); create it or fix samuel.registry.artifacts.s3.*", e);
        }
    }

    /**
     * Always one PUT, even when the object exists: the bytes are identical by construction, and rewriting them
     * repairs a damaged copy without a download to find out. Content-MD5 makes the server refuse bytes changed
     * on the way; every S3-compatible server checks it, unlike the newer checksum headers.
     */
    @Override
    public String put(byte[] bytes) throws IOException {
        var sha256 = Sha256.hex(bytes);
        var key = keyOf(sha256);
        try {
            client.putObject(request -> request.bucket(bucket).key(key).contentLength((long) bytes.length)
                    .contentMD5(md5Base64(bytes)).contentType("application/octet-stream"),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("cannot store artifact " + sha256 + " at " + location(key) + ": "
                    + e.getMessage(), e);
        }
        return sha256;
    }

    @Override
    public byte[] get(String sha256) throws IOException {
        var key = keyOf(sha256);
        var bytes = read(sha256, key);
        var actual = Sha256.hex(bytes);
        if (!actual.equals(sha256)) {
            throw new CorruptArtifactException("artifact " + sha256 + " is corrupt: the stored object "
                    + location(key) + " hashes to " + actual);
        }
        return bytes;
    }

    private byte[] read(String sha256, String key) throws IOException {
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw missing(sha256, key);
        } catch (S3Exception e) {
            // Some S3-compatible servers answer a missing key with a bare 404 rather than NoSuchKey.
            if (e.statusCode() == 404) {
                throw missing(sha256, key);
            }
            throw new IOException("cannot read artifact " + sha256 + " at " + location(key) + ": "
                    + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read artifact " + sha256 + " at " + location(key) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private CorruptArtifactException missing(String sha256, String key) {
        return new CorruptArtifactException("artifact " + sha256 + " is missing from " + location(key));
    }

    private String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    private static String md5Base64(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
