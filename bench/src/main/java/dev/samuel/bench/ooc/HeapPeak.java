package dev.samuel.bench.ooc;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The peak used heap of another JVM from the moment it is created to {@link #close()}, read over JMX from that JVM's
 * memory pools. Used heap only falls in a collection, so its peaks are the moments just before one: every collection
 * notification carries each pool's use at that moment, and the sum over the heap pools is the heap used then, exactly.
 * After the last collection the use may still rise: the total is also read every {@value #POLL_MILLIS} ms (and once at
 * the end) to cover that. The figure is the largest of all these. Beside it, {@link #poolPeaks()}: the sum of each heap
 * pool's own peak since the start (reset then), an upper bound, since the pools need not peak at one moment.
 */
final class HeapPeak implements AutoCloseable {

    static final long POLL_MILLIS = 250;

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools;
    private final Set<String> heapPoolNames;
    private final List<ObjectName> collectors;
    private final NotificationListener listener = this::collected;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Thread poller;
    private volatile boolean watching = true;

    private HeapPeak(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        this.heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class).stream()
                .map(GarbageCollectorMXBean::getObjectName).toList();
        this.poller = new Thread(this::poll, "heap-peak");
        poller.setDaemon(true);
    }

    /** Starts watching the JVM whose JMX agent answers on {@code port} of 127.0.0.1. */
    static HeapPeak watch(int port) throws Exception {
        var url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        var heap = new HeapPeak(JMXConnectorFactory.connect(url));
        heap.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (var collector : heap.collectors) {
            heap.server.addNotificationListener(collector, heap.listener, null, null);
        }
        heap.sample();
        heap.poller.start();
        return heap;
    }

    /** The peak used heap so far, in bytes. */
    long peak() {
        return peak.get();
    }

    /** The sum of the heap pools' own peaks since the start, in bytes: at least {@link #peak()}, often more. */
    long poolPeaks() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** Collections seen since the start. */
    long collections() {
        return collections.get();
    }

    String pools() {
        return String.join(", ", heapPoolNames);
    }

    /**
     * Takes a last reading and stops watching, after a second for the notifications still on their way (the JMX
     * client fetches them); the figures stay readable until the connection closes.
     */
    void stop() throws InterruptedException {
        sample();
        Thread.sleep(1000);
        watching = false;
        poller.interrupt();
        for (var collector : collectors) {
            try {
                server.removeNotificationListener(collector, listener);
            } catch (Exception e) {
                // The JVM is going, or the listener was never added: nothing more will arrive.
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (watching) {
            stop();
        }
        connector.close();
    }

    private void collected(Notification notification, Object handback) {
        if (!watching || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                .equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                .filter(e -> heapPoolNames.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        collections.incrementAndGet();
        peak.accumulateAndGet(before, Math::max);
    }

    private void poll() {
        while (watching) {
            sample();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        try {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        } catch (RuntimeException e) {
            // A reading lost to a JVM that is stopping: the collections seen still count.
        }
    }
}
