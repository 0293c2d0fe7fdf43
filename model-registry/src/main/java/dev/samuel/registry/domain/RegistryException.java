package dev.samuel.registry.domain;

/** A request the registry refuses, with the kind of refusal (the REST layer maps it to a status) and why. */
public class RegistryException extends RuntimeException {

    public enum Kind { BAD_REQUEST, NOT_FOUND, CONFLICT, UNAVAILABLE, CORRUPT, STORAGE }

    private final Kind kind;

    public RegistryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RegistryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RegistryException badRequest(String message) {
        return new RegistryException(Kind.BAD_REQUEST, message);
    }

    public static RegistryException notFound(String message) {
        return new RegistryException(Kind.NOT_FOUND, message);
    }

    public static RegistryException conflict(String message) {
        return new RegistryException(Kind.CONFLICT, message);
    }

    public static RegistryException unavailable(String message) {
        return new RegistryException(Kind.UNAVAILABLE, message);
    }
}
