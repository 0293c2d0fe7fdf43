package dev.samuel.plumbing.launch;

/** A process that could not be started, or that stopped or was not ready in time; the message says what to look at. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
