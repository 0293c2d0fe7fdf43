package dev.samuel.cli.http;

import dev.samuel.plumbing.http.ServiceCallException;

/** A failed call to a service, in the words the cli prints: what to do when nothing answers, else what the service said. */
public final class CallFailures {

    private CallFailures() {
    }

    public static String describe(ServiceCallException e) {
        return switch (e.kind()) {
            case NO_ANSWER -> "the " + e.service() + " does not answer at " + e.base()
                    + ": is the stack running? Start it with `bin/samuel up`.";
            case FAILED -> "the " + e.service() + " at " + e.base() + " failed: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            case REFUSED, SERVER_ERROR -> e.service() + ": " + e.serviceMessage();
            case UNREADABLE -> e.getMessage();
            case INTERRUPTED -> "interrupted";
        };
    }
}
