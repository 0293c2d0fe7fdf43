package dev.samuel.bench.broker;

import dev.samuel.plumbing.launch.BrokerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a benchmark against a broker of its own: the platform's one broker configuration, started as its own process
 * by the launcher the local stack uses, from this JVM's class path, with its data in a temporary folder deleted at the
 * end. Arguments: the benchmark's main class, then its arguments; it gets the bootstrap servers before them.
 */
public final class OnLocalBroker {

    private static final Duration START = Duration.ofSeconds(60);

    private OnLocalBroker() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Files.createTempDirectory("samuel-bench-kafka-");
        var broker = new BrokerProcess(System.getProperty("java.class.path"), dir, freePort(), freePort());
        broker.prepare(dir.resolve("format.log"));
        var log = dir.resolve("broker.log");
        var process = broker.command().option("-Xms512m", "-Xmx1g").log(log).start();
        try {
            broker.awaitReady(process, log, START);
            System.out.println("broker at " + broker.bootstrap());
            var benchmarkArgs = Stream.concat(Stream.of(broker.bootstrap()), Arrays.stream(args).skip(1))
                    .toArray(String[]::new);
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) benchmarkArgs);
        } finally {
            stop(process);
            delete(dir);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A free port on the loopback address. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a folder and everything in it. */
    public static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
