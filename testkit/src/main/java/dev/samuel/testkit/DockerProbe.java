package dev.samuel.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "is there a Docker engine?" without ever failing or stalling a test. Testcontainers' own check
 * is only asked when a cheap look finds some sign of an engine (socket file, DOCKER_HOST, a Testcontainers
 * or Docker context config): without one it would walk every strategy and log errors. Its answer is
 * bounded by {@code samuel.test.kafka.docker-timeout-ms} (default 5000) in a daemon thread.
 */
final class DockerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DockerProbe.class);
    private static final long DEFAULT_TIMEOUT_MS = 5000;

    private static Boolean cached;

    private DockerProbe() {
    }

    static synchronized boolean dockerAvailable() {
        if (cached == null) {
            cached = testcontainersPresent() && engineHintPresent() && askTestcontainers(timeoutMs());
        }
        return cached;
    }

    static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, DockerProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Where Docker, Docker Desktop, rootless Docker, Podman, Colima and Rancher Desktop put their engine. */
    static boolean engineHintPresent() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("os.name", "").startsWith("Windows")) {
            return true; // remote engine, or a named pipe we cannot see as a file: let Testcontainers decide
        }
        String home = System.getProperty("user.home", "");
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                Path.of("/run/podman/podman.sock"),
                Path.of(home, ".testcontainers.properties"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(home, ".colima", "default", "docker.sock"),
                Path.of(home, ".colima", "docker.sock"),
                Path.of(home, ".rd", "docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    /** Testcontainers' check, in a daemon thread so an unresponsive engine cannot hang the JVM. */
    static boolean askTestcontainers(long timeoutMs) {
        FutureTask<Boolean> task = new FutureTask<>(
                () -> org.testcontainers.DockerClientFactory.instance().isDockerAvailable());
        Thread thread = new Thread(task, "testkit-docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Docker engine did not answer within {} ms; using the embedded Kafka", timeoutMs);
            task.cancel(true);
            return false;
        } catch (ExecutionException e) {
            LOG.debug("Docker probe failed", e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long timeoutMs() {
        String value = Settings.get("samuel.test.kafka.docker-timeout-ms");
        return value == null ? DEFAULT_TIMEOUT_MS : Long.parseLong(value);
    }
}
