package dev.samuel.plumbing.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A started service: its process, its address and its log. Closing it stops it, and a stop is awaited. */
public record RunningService(String name, Process process, String url, Path log) implements AutoCloseable {

    private static final Duration STOP = Duration.ofSeconds(20);

    /** Waits until its {@code /q/health/ready} answers 200; fails with the end of its log if it dies first. */
    public RunningService awaitReady(Duration timeout) throws InterruptedException {
        Readiness.await(name, process.pid(), () -> Readiness.httpReady(url), log, timeout);
        return this;
    }

    /** A crash: SIGKILL, no clean shutdown. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            kill();
        }
    }
}
