package dev.samuel.cli.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/** Loopback ports of a local stack: the broker, its controller, and one per service. */
public record StackPorts(int kafka, int controller, Map<QuarkusService, Integer> services) {

    public static final StackPorts DEFAULT = new StackPorts(9092, 9093, defaults());

    public StackPorts {
        services = Map.copyOf(services);
    }

    public int of(QuarkusService service) {
        return services.get(service);
    }

    public String bootstrap() {
        return "127.0.0.1:" + kafka;
    }

    public String url(QuarkusService service) {
        return "http://127.0.0.1:" + of(service);
    }

    /** Ports the system has free now: for a stack beside another one, as tests run it. */
    public static StackPorts free() throws IOException {
        var services = new EnumMap<QuarkusService, Integer>(QuarkusService.class);
        for (var service : QuarkusService.values()) {
            services.put(service, freePort());
        }
        return new StackPorts(freePort(), freePort(), services);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<QuarkusService, Integer> defaults() {
        var ports = new EnumMap<QuarkusService, Integer>(QuarkusService.class);
        for (var service : QuarkusService.values()) {
            ports.put(service, service.defaultPort());
        }
        return ports;
    }
}
