package dev.samuel.plumbing.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Retries a call that failed for a reason that may pass (the service restarting, a 5xx, a timeout), waiting twice as
 * long each time; a refusal (4xx) is final at once.
 */
public record Backoff(int attempts, Duration first) {

    /** Eight attempts from half a second: about two minutes, what a service takes to restart. */
    public static final Backoff DEFAULT = new Backoff(8, Duration.ofMillis(500));
    /** One attempt: for callers that report a failure at once (a person at a terminal, a swap tried again later). */
    public static final Backoff NONE = new Backoff(1, Duration.ZERO);

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
    }

    public <T> T run(Supplier<T> call) {
        return run(call, Optional::empty);
    }

    /** Runs {@code call}; before each retry runs {@code beforeRetry}, which may answer without calling again. */
    public <T> T run(Supplier<T> call, Supplier<Optional<T>> beforeRetry) {
        var wait = first;
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt > 1) {
                    var settled = beforeRetry.get();
                    if (settled.isPresent()) {
                        return settled.get();
                    }
                }
                return call.get();
            } catch (ServiceCallException e) {
                if (!e.retryable() || attempt == attempts) {
                    throw e;
                }
                sleep(wait, e);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration wait, ServiceCallException last) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(last.service(), last.base(), ServiceCallException.Kind.INTERRUPTED, 0, null,
                    "interrupted while waiting to retry after: " + last.getMessage(), last);
        }
    }
}
