package dev.samuel.cli.stack;

/** The local stack cannot do what was asked; the message says why and what to do. */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
