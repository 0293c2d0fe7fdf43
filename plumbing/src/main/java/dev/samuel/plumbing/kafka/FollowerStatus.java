package dev.samuel.plumbing.kafka;

/**
 * What a health check shows of a follower.
 *
 * @param failure why it stopped, null while it follows
 */
public record FollowerStatus(String name, boolean following, boolean caughtUp, long skipped, String failure) {
}
