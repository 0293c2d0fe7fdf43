package dev.samuel.plumbing.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topics a follower was asked to follow and has not found yet. A missing topic is looked for again soon, then
 * less and less often: it usually appears within moments (its creator is at work), and each look is a metadata
 * round trip.
 */
final class PendingTopics {

    static final Duration FIRST_RETRY = Duration.ofMillis(50);
    static final Duration LAST_RETRY = Duration.ofSeconds(1);

    private final Map<String, Retry> pending = new HashMap<>();
    private final Set<String> known = new HashSet<>();

    private record Retry(long atNanos, Duration after) {

        Retry next() {
            var doubled = after.multipliedBy(2);
            return new Retry(System.nanoTime() + after.toNanos(), doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled);
        }
    }

    /** Topics asked for a second time are followed already, or pending already. */
    synchronized void add(Iterable<String> topics) {
        for (var topic : topics) {
            if (known.add(topic)) {
                pending.put(topic, new Retry(System.nanoTime(), FIRST_RETRY));
            }
        }
        notifyAll();
    }

    /** The topics due for a look now. */
    synchronized List<String> due() {
        long now = System.nanoTime();
        return pending.entrySet().stream().filter(e -> e.getValue().atNanos() <= now).map(Map.Entry::getKey).toList();
    }

    /** Topics no longer to follow: asking for them again makes them new. */
    synchronized void remove(Collection<String> topics) {
        for (var topic : topics) {
            pending.remove(topic);
            known.remove(topic);
        }
    }

    synchronized void found(String topic) {
        pending.remove(topic);
    }

    /** A topic it may not read yet: ACLs can change, so it is looked for again, at the slowest pace. */
    synchronized void denied(String topic) {
        pending.put(topic, new Retry(System.nanoTime() + LAST_RETRY.toNanos(), LAST_RETRY));
    }

    synchronized void missing(String topic) {
        pending.computeIfPresent(topic, (name, retry) -> retry.next());
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Ends a wait at once: the follower is closing. */
    synchronized void wake() {
        notifyAll();
    }

    /** Waits until a topic is added or one is due, at most {@code timeout}. */
    synchronized void await(Duration timeout) throws InterruptedException {
        long now = System.nanoTime();
        long untilDue = pending.values().stream().mapToLong(retry -> retry.atNanos() - now).min()
                .orElse(timeout.toNanos());
        long millis = Math.min(timeout.toMillis(), Math.max(0, untilDue / 1_000_000));
        if (millis > 0) {
            wait(millis);
        }
    }
}
