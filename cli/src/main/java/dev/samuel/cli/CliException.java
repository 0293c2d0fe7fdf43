package dev.samuel.cli;

/** A failure the user can act on: printed as its message alone, without a stack trace. */
public final class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }
}
