package dev.samuel.bench.drift;

import dev.samuel.cli.io.EventProducer;
import dev.samuel.contracts.event.FloatVector;
import dev.samuel.contracts.event.Label;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.UnlabelledEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Events at a steady rate, each labelled a fixed number of records later with the same id (the label of event
 * {@code n} goes out right after event {@code n + lag}): a world where labels come after the predictions. A change of
 * concept is applied between two events, on this thread, so the benchmark knows the first event it applies to.
 */
final class LabelledStream implements AutoCloseable {

    /** Where a change took effect: the first event of the new concept, and when it was sent. */
    record Change(long firstEvent, long epochMillis) {
    }

    private final EventProducer producer;
    private final ShiftingConcept concept;
    private final int perSecond;
    private final ShiftingConcept.Sample[] pending;
    private final Thread thread = new Thread(this::run, "bench-drift-stream");
    private volatile boolean running = true;
    private volatile long pauseAt = Long.MAX_VALUE;
    private volatile Runnable change;
    private volatile CompletableFuture<Change> changed;
    private volatile long sent;
    private volatile Throwable failure;

    LabelledStream(EventProducer producer, ShiftingConcept concept, int perSecond, int lag) {
        this.producer = producer;
        this.concept = concept;
        this.perSecond = perSecond;
        this.pending = new ShiftingConcept.Sample[lag];
        thread.start();
    }

    long sent() {
        return sent;
    }

    /** Stops sending once {@code events} events have gone out, until {@link #resume()}. */
    void pauseAt(long events) {
        pauseAt = events;
    }

    void resume() {
        pauseAt = Long.MAX_VALUE;
    }

    /** Applies {@code change} before the next event; returns where it took effect. */
    synchronized Change change(Runnable next) throws Exception {
        var done = new CompletableFuture<Change>();
        changed = done;
        change = next;
        return done.get();
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("streaming failed", failure);
        }
    }

    private void run() {
        try {
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            for (long n = 0; running; n++) {
                while (n >= pauseAt && running) {
                    Thread.sleep(50);
                    next = System.nanoTime();
                }
                applyChange(n);
                var sample = concept.next();
                producer.send("e-" + n, new UnlabelledEvent(new FloatVector(sample.features())));
                int slot = (int) (n % pending.length);
                var due = pending[slot];
                if (due != null) {
                    producer.send("e-" + (n - pending.length),
                            new LabelledExample(new FloatVector(due.features()), Label.of(due.label()), null));
                }
                pending[slot] = sample;
                sent = n + 1;
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void applyChange(long n) {
        var next = change;
        if (next != null) {
            change = null;
            next.run();
            changed.complete(new Change(n, System.currentTimeMillis()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
        producer.close();
    }
}
