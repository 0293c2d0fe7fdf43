package dev.samuel.cli.demo;

/** Spaces calls evenly at a given rate, catching up after a slow call rather than drifting. */
final class Pace {

    private final long intervalNanos;
    private long next = System.nanoTime();

    Pace(int perSecond) {
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    void await() throws InterruptedException {
        next += intervalNanos;
        long wait = next - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
