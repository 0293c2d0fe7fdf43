package dev.samuel.registry.store;

import java.io.IOException;

/** Content-addressed storage of model artifacts: bytes are stored and found by their SHA-256. */
public interface ArtifactStore {

    /** Stores the bytes (once: storing the same bytes again changes nothing) and returns their SHA-256 in hex. */
    String put(byte[] bytes) throws IOException;

    /**
     * The bytes stored under {@code sha256}, checked against it.
     *
     * @throws CorruptArtifactException when the stored bytes are missing or do not hash to {@code sha256}
     */
    byte[] get(String sha256) throws IOException;
}
