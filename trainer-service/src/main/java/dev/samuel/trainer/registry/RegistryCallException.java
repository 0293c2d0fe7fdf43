package dev.samuel.trainer.registry;

/** A registry call that did not succeed, with what the registry said, and whether trying again may help. */
public class RegistryCallException extends RuntimeException {

    private final boolean retryable;

    public RegistryCallException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
