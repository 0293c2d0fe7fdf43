package dev.samuel.plumbing.registry;

/** Downloaded bytes that do not hash to their version's SHA-256: never loaded, never trained from. */
public class ArtifactChecksumException extends RuntimeException {

    public ArtifactChecksumException(String message) {
        super(message);
    }
}
