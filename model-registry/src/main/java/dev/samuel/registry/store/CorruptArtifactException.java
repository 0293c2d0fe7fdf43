package dev.samuel.registry.store;

/** Stored bytes that are missing or no longer match their SHA-256: they must never be served. */
public class CorruptArtifactException extends RuntimeException {

    public CorruptArtifactException(String message) {
        super(message);
    }
}
