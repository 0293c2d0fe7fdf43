package dev.samuel.plumbing.http;

/**
 * A call to a service that did not succeed: whether anything answered, what the service said, and whether trying
 * again may help. {@link #getMessage()} names the request for logs; {@link #serviceMessage()} is the service's own
 * words, for people.
 */
public class ServiceCallException extends RuntimeException {

    /** What went wrong, from nothing listening to an answer that cannot be read. */
    public enum Kind {
        /** Nothing listens at the address: the service is not running there. */
        NO_ANSWER,
        /** The connection failed or timed out after it was made. */
        FAILED,
        /** A 4xx: the service refused the request, and will refuse it again. */
        REFUSED,
        /** A 5xx: the service failed, perhaps for a passing reason. */
        SERVER_ERROR,
        /** A success whose body is not what the call expects. */
        UNREADABLE,
        INTERRUPTED
    }

    private final String service;
    private final String base;
    private final Kind kind;
    private final int status;
    private final String serviceMessage;

    public ServiceCallException(String service, String base, Kind kind, int status, String serviceMessage,
                                String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.base = base;
        this.kind = kind;
        this.status = status;
        this.serviceMessage = serviceMessage;
    }

    /** The service's name, as in {@code model-registry}. */
    public String service() {
        return service;
    }

    /** The address the service was called at. */
    public String base() {
        return base;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when nothing answered. */
    public int status() {
        return status;
    }

    /** What the service said of a refusal or failure (its message and each problem listed), or null. */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** A restart, a 5xx or a timeout may pass; a refusal, an unreadable answer or an interruption will not. */
    public boolean retryable() {
        return kind == Kind.NO_ANSWER || kind == Kind.FAILED || kind == Kind.SERVER_ERROR;
    }
}
