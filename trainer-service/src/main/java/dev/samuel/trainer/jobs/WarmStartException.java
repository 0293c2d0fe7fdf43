package dev.samuel.trainer.jobs;

/** A warm start that cannot begin from what it names: the job fails with this message, never starts from random. */
public class WarmStartException extends IllegalStateException {

    public WarmStartException(String message) {
        super(message);
    }

    public WarmStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
