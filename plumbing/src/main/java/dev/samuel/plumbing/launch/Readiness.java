package dev.samuel.plumbing.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a started process answers, and fails with the end of its log when it dies or takes too long. */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofMillis(300);

    private Readiness() {
    }

    /** Whether Quarkus' readiness check answers 200. */
    public static boolean httpReady(String baseUrl) {
        return answers(baseUrl + "/q/health/ready");
    }

    /** Whether a GET of {@code url} answers 200: a readiness check at a path of its own (Apicurio's /health/ready). */
    public static boolean answers(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a broker answers a metadata request. */
    public static boolean kafkaReady(String bootstrap) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Polls {@code ready} until it holds; fails when the process {@code pid} stops first or time runs out. */
    public static void await(String name, long pid, BooleanSupplier ready, Path log, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new LaunchException(name + " stopped while starting. The end of " + log + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchException(name + " was not ready within " + timeout.toSeconds() + " s. The end of "
                        + log + ":\n" + tail(log));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The last 25 lines of a log. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
