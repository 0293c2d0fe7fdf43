package dev.samuel.plumbing.registry;

/** Downloaded bytes that do not hash to their version's SHA-256: never loaded, never trained from. */
public class CorruptArtifactException extends RuntimeException {

    public CorruptArtifactException(String message) {
        super(message);
    }
}
