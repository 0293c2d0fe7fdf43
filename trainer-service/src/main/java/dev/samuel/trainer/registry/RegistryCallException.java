package dev.samuel.trainer.registry;

/** A registry call that did not succeed, with what the registry said. */
public class RegistryCallException extends RuntimeException {

    public RegistryCallException(String message) {
        super(message);
    }
}
