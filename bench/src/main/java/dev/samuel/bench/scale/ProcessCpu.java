package dev.samuel.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of the processes of a run, read from the operating system ({@link ProcessHandle.Info#totalCpuDuration()}):
 * each named service process (with its own children), the rest of this JVM's descendants (the broker) and this JVM
 * (the driver: the observer, the copy loop). Two samples give how many cores each kept busy in between.
 */
final class ProcessCpu {

    static final String BROKER = "broker";
    static final String DRIVER = "driver";

    private final Map<String, ProcessHandle> services;

    ProcessCpu(Map<String, ProcessHandle> services) {
        this.services = services;
    }

    /** CPU nanoseconds so far, by process: the services by name, then the broker, then the driver. */
    Map<String, Long> sample() {
        var counts = new LinkedHashMap<String, Long>();
        var inServices = services.values().stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        services.forEach((name, process) -> counts.put(name, tree(process)));
        long others = ProcessHandle.current().descendants().filter(p -> !inServices.contains(p.pid()))
                .mapToLong(ProcessCpu::cpu).sum();
        counts.put(BROKER, others);
        counts.put(DRIVER, cpu(ProcessHandle.current()));
        return counts;
    }

    /** Cores each process kept busy between two samples {@code wallNanos} apart. */
    static Map<String, Double> cores(Map<String, Long> before, Map<String, Long> after, long wallNanos) {
        var cores = new LinkedHashMap<String, Double>();
        after.forEach((name, nanos) -> cores.put(name, (nanos - before.getOrDefault(name, 0L)) / (double) wallNanos));
        return cores;
    }

    static double total(Map<String, Double> cores) {
        return cores.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static String describe(Map<String, Double> cores) {
        return cores.entrySet().stream().map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + String.format(" (all %.2f)", total(cores));
    }

    /**
     * Waits until the services are quiet (each below {@code cores} over a second; starting JVMs compile, the judge
     * restores its stores) or {@code patience} passed; returns how long it waited.
     */
    Duration awaitQuiet(double cores, Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < patience.toNanos()) {
            var before = sample();
            long t = System.nanoTime();
            Thread.sleep(1000);
            var busy = cores(before, sample(), System.nanoTime() - t);
            if (services.keySet().stream().allMatch(name -> busy.get(name) < cores)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        System.out.println("services still busy after " + patience.toSeconds() + " s; measuring anyway");
        return patience;
    }

    /**
     * Busy and total CPU ticks of the whole machine so far ({@code /proc/stat}; zeros where there is none), to tell
     * what other work on the machine took meanwhile.
     */
    static long[] machine() {
        try {
            var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Cores the whole machine kept busy between two {@link #machine()} readings. */
    static double machineCores(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total == 0 ? Double.NaN
                : (after[0] - before[0]) / (double) total * Runtime.getRuntime().availableProcessors();
    }

    private static long tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(ProcessCpu::cpu).sum();
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
