package dev.samuel.inference.model;

/** A version that cannot be served, with the step that refused it. */
public class ModelLoadException extends Exception {

    private final LoadFailure failure;

    public ModelLoadException(LoadFailure failure, String message) {
        this(failure, message, null);
    }

    public ModelLoadException(LoadFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public LoadFailure failure() {
        return failure;
    }
}
