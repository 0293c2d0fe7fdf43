package dev.samuel.trainer.registry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Retries a registry call that failed for a reason that may pass (the registry restarting, a 5xx, a timeout),
 * waiting twice as long each time; a refusal (4xx) is final at once.
 */
public record Backoff(int attempts, Duration first) {

    public static final Backoff DEFAULT = new Backoff(8, Duration.ofMillis(500));

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, got " + attempts);
        }
    }

    /** Runs {@code call}; before each retry runs {@code beforeRetry}, which may answer without calling again. */
    <T> T run(Supplier<T> call, Supplier<Optional<T>> beforeRetry) {
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
            } catch (RegistryCallException e) {
                if (!e.retryable() || attempt == attempts) {
                    throw e;
                }
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryCallException("interrupted while waiting to retry", false);
        }
    }
}
